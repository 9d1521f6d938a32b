"""Which listings the directory shows, and the one loader of listings with their rows.

Cards (:mod:`directory.cards`) and the HSDS API both load listings through
:func:`load_listings`, so a listing reads the same rows everywhere and the number of
queries does not depend on the number of listings.
"""

from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet, prefetch_related_objects
from wagtail.models import Locale, Page

from directory.models import (
    Closure,
    ListingActionField,
    ListingContact,
    ListingLanguage,
    ListingLocation,
    ListingPage,
    ListingStatus,
    ListingTargetGroup,
    OpeningHours,
    OrganisationPage,
)


def in_directory_order(listings: QuerySet) -> QuerySet:
    """``listings`` in the directory's order: those translated into their language first
    (an untranslated one is an alias of the German page and reads in German), each group by
    title. A visitor of another language than German thus meets their language first."""
    return listings.alias(
        untranslated=ExpressionWrapper(Q(alias_of__isnull=False), output_field=BooleanField())
    ).order_by("untranslated", "title", "id")


def live_listings(locale: Locale | None = None) -> QuerySet:
    """Live, public, not ended listings in a locale (the active one by default)."""
    locale = locale or Locale.get_active()
    return (
        ListingPage.objects.live()
        .public()
        .filter(locale=locale)
        .exclude(status=ListingStatus.ENDED)
    )


def _attach(listings: dict, relation: str, rows: QuerySet) -> None:
    """Hand each listing its related rows as if prefetched (``listing.<relation>.all``)."""
    by_listing: dict[int, list] = {listing_id: [] for listing_id in listings}
    for row in rows.filter(page_id__in=list(listings)).order_by("page_id", "sort_order", "id"):
        by_listing[row.page_id].append(row)
    for listing_id, listing in listings.items():
        cached = rows.model.objects.all()
        cached._result_cache = by_listing[listing_id]
        cached._prefetch_done = True
        listing.__dict__.setdefault("_prefetched_objects_cache", {})[relation] = cached


def load_listings(ids, *, with_org: bool = True, detail: bool = False) -> list[ListingPage]:
    """Listings by id, in the given order, with the rows a card shows already loaded.

    A card needs topics, languages, locations with their district, hours, closures and the
    organisation (seven queries). ``detail`` adds what the open data shows besides: target
    groups, contacts, keywords, the project's dates (``listing._project``, else None).
    Related rows are read with their taxonomy term in the same query rather than through
    Django's generic prefetching, which costs more than the queries themselves.
    """
    ids = list(ids)
    if not ids:
        return []
    query = ListingPage.objects.filter(id__in=ids)
    if detail:
        query = query.select_related("projectpage", "locale")
    listings = {listing.id: listing for listing in query}
    _attach(
        listings, "action_field_links", ListingActionField.objects.select_related("action_field")
    )
    _attach(listings, "spoken_languages", ListingLanguage.objects.all())
    _attach(listings, "locations", ListingLocation.objects.select_related("district"))
    _attach(listings, "opening_hours", OpeningHours.objects.all())
    _attach(listings, "closures", Closure.objects.all())
    ordered = [listings[i] for i in ids if i in listings]
    if detail:
        _attach(
            listings,
            "target_group_links",
            ListingTargetGroup.objects.select_related("target_group"),
        )
        _attach(listings, "contacts", ListingContact.objects.all())
        prefetch_related_objects(ordered, "keywords")
        for listing in ordered:
            try:
                listing._project = listing.projectpage
            except ListingPage.projectpage.RelatedObjectDoesNotExist:
                listing._project = None
    if with_org:
        parent_paths = {listing.path[: -Page.steplen] for listing in ordered}
        orgs = {org.path: org for org in OrganisationPage.objects.filter(path__in=parent_paths)}
        for listing in ordered:
            listing.__dict__["organisation"] = orgs.get(listing.path[: -Page.steplen])
    return ordered
