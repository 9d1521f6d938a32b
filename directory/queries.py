"""The directory's filters, facet counts and listing cards, shared by pages, search and API.

Filters read from a query string (``?action_field=sprache&language=ar&free=1``) are
validated into a :class:`DirectoryFilters`; unknown values are dropped and reported rather
than raising, so a stale shared link still shows a sensible page. Every value is a stable
code (action field code, ISO language code, district code), never a translated label,
so the same link works in every language.
"""

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from base.languages import SPOKEN_LANGUAGES, language_name
from directory import hours
from directory.models import (
    ActionField,
    Closure,
    District,
    ListingActionField,
    ListingLanguage,
    ListingLocation,
    ListingPage,
    ListingStatus,
    OpeningHours,
    OrganisationPage,
    TargetGroup,
)

MULTI_FACETS = ("action_field", "target_group", "language", "district")
FLAG_FACETS = ("free", "wheelchair", "open_now")
MAX_VALUES_PER_FACET = 50


@dataclass
class DirectoryFilters:
    """A validated set of directory filters. Within a facet values are OR-ed, across AND-ed."""

    action_field: list[str] = field(default_factory=list)
    target_group: list[str] = field(default_factory=list)
    language: list[str] = field(default_factory=list)
    district: list[str] = field(default_factory=list)
    free: bool = False
    wheelchair: bool = False
    open_now: bool = False
    ignored: list[str] = field(default_factory=list)

    @property
    def active(self) -> bool:
        return any(getattr(self, name) for name in (*MULTI_FACETS, *FLAG_FACETS))

    def as_query_items(self) -> list[tuple[str, str]]:
        """The filters as (name, value) pairs for building links."""
        items = [(name, value) for name in MULTI_FACETS for value in getattr(self, name)]
        items += [(name, "1") for name in FLAG_FACETS if getattr(self, name)]
        return items


def known_codes(model) -> set[str]:
    """The codes of a taxonomy, in any language (one query)."""
    return set(model.objects.values_list("code", flat=True))


def parse_filters(params) -> DirectoryFilters:
    """Validate filters from a QueryDict-like object; unknown values are kept in ``ignored``."""
    filters = DirectoryFilters()
    valid = {
        "action_field": lambda: known_codes(ActionField),
        "target_group": lambda: known_codes(TargetGroup),
        "district": lambda: known_codes(District),
        "language": lambda: set(SPOKEN_LANGUAGES),
    }
    for name in MULTI_FACETS:
        raw = [v.strip() for v in params.getlist(name) if v and v.strip()][:MAX_VALUES_PER_FACET]
        if not raw:
            continue
        allowed = valid[name]()
        for value in dict.fromkeys(raw):
            if value in allowed:
                getattr(filters, name).append(value)
            else:
                filters.ignored.append(f"{name}={value[:50]}")
    for name in FLAG_FACETS:
        value = params.get(name, "")
        if value in ("1", "true", "on", "yes"):
            setattr(filters, name, True)
        elif value not in ("", "0", "false", "off", "no"):
            filters.ignored.append(f"{name}={value[:50]}")
    return filters


def live_listings(locale: Locale | None = None) -> QuerySet:
    """Live, public, not ended listings in a locale (the active one by default)."""
    locale = locale or Locale.get_active()
    return (
        ListingPage.objects.live()
        .public()
        .filter(locale=locale)
        .exclude(status=ListingStatus.ENDED)
    )


def facet_q(name: str, filters: DirectoryFilters, moment=None) -> Q:
    """The condition one facet of ``filters`` puts on listings (empty Q when unset)."""
    values = getattr(filters, name)
    if not values:
        return Q()
    if name == "action_field":
        return Q(
            id__in=ListingPage.objects.filter(
                action_field_links__action_field__code__in=values
            ).values("id")
        )
    if name == "target_group":
        return Q(
            id__in=ListingPage.objects.filter(
                target_group_links__target_group__code__in=values
            ).values("id")
        )
    if name == "language":
        return Q(
            id__in=ListingPage.objects.filter(spoken_languages__language__in=values).values("id")
        )
    if name == "district":
        return Q(
            id__in=ListingPage.objects.filter(locations__district__code__in=values).values("id")
        )
    if name == "free":
        return Q(is_free=True)
    if name == "wheelchair":
        return Q(
            id__in=ListingLocation.objects.filter(wheelchair_accessible=True).values("page_id")
        )
    if name == "open_now":
        moment = moment or hours.local_now()
        open_ids = ListingPage.objects.filter(hours.open_now_q(moment)).values("id")
        closed_ids = ListingPage.objects.filter(hours.closed_on_q(moment.date())).values("id")
        return Q(id__in=open_ids, status=ListingStatus.ACTIVE) & ~Q(id__in=closed_ids)
    raise ValueError(name)


def apply_filters(qs: QuerySet, filters: DirectoryFilters, moment=None, skip: str = "") -> QuerySet:
    """Narrow a listing queryset by every facet of ``filters`` except ``skip``."""
    condition = Q()
    for name in (*MULTI_FACETS, *FLAG_FACETS):
        if name != skip:
            condition &= facet_q(name, filters, moment)
    return qs.filter(condition)


@dataclass
class FacetOption:
    """One value of a facet with its label, its count and whether it is selected."""

    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    options: list[FacetOption]
    multiple: bool = True


def _conditions(snap, filters: DirectoryFilters, moment) -> dict[str, int]:
    conditions = {}
    for name in (*MULTI_FACETS, *FLAG_FACETS):
        mask = snap.condition(name, filters, moment)
        if mask is not None:
            conditions[name] = mask
    return conditions


def _narrowed(start: int, conditions: dict[str, int], skip: str = "") -> int:
    for name, mask in conditions.items():
        if name != skip:
            start &= mask
    return start


def filter_listings(
    locale: Locale, filters: DirectoryFilters, candidates=None, moment=None
) -> list[int]:
    """Ids of the live listings of ``locale`` that pass ``filters``.

    Without ``candidates``: every such listing, by title. With ``candidates`` (ids, e.g.
    search results in relevance order): those of them that pass, in their order.
    Computed in memory (:mod:`directory.facets`); same result as :func:`apply_filters`.
    """
    # directory.facets builds on this module's filters: imported at call time (cycle).
    from directory.facets import snapshot

    snap = snapshot(locale)
    if not filters.active:
        if candidates is None:
            return list(snap.ids)
        return [i for i in candidates if i in snap.position]
    start = snap.everything if candidates is None else snap.mask_of(candidates)
    passing = _narrowed(start, _conditions(snap, filters, moment or hours.local_now()))
    if candidates is None:
        return snap.ids_of(passing)
    return snap.select(candidates, passing)


def facet_counts(
    locale: Locale, filters: DirectoryFilters, candidates=None, moment=None
) -> list[Facet]:
    """Every facet with counts given all *other* selected filters.

    Counts cover the live listings of ``locale``, or only ``candidates`` (ids) when given.
    No query grows with the number of listings: see :mod:`directory.facets`.
    """
    # directory.facets builds on this module's filters: imported at call time (cycle).
    from directory.facets import snapshot

    snap = snapshot(locale)
    start = snap.everything if candidates is None else snap.mask_of(candidates)
    moment = moment or hours.local_now()
    conditions = _conditions(snap, filters, moment)

    def count_values(name: str) -> dict[str, int]:
        eligible = _narrowed(start, conditions, skip=name)
        return {value: (eligible & mask).bit_count() for value, mask in snap.masks[name].items()}

    facets = []
    for name, label in (
        ("action_field", _("Action field")),
        ("target_group", _("Target group")),
        ("district", _("District")),
    ):
        counts = count_values(name)
        options = [
            FacetOption(code, term_name, counts.get(code, 0), code in getattr(filters, name))
            for code, term_name in snap.labels[name]
        ]
        facets.append(Facet(name, label, [o for o in options if o.count or o.selected]))

    counts = count_values("language")
    options = [
        FacetOption(code, language_name(code), counts.get(code, 0), code in filters.language)
        for code in SPOKEN_LANGUAGES
        if counts.get(code) or code in filters.language
    ]
    options.sort(key=lambda o: -o.count)
    facets.append(Facet("language", _("Language spoken"), options))

    flags = []
    for name, label in (
        ("free", _("Free of charge")),
        ("wheelchair", _("Wheelchair accessible")),
        ("open_now", _("Open now")),
    ):
        flag = snap.condition(name, DirectoryFilters(**{name: True}), moment)
        count = (_narrowed(start, conditions, skip=name) & flag).bit_count()
        flags.append(FacetOption("1", label, count, getattr(filters, name)))
    facets.append(Facet("flags", _("Other"), flags, multiple=False))
    return facets


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


def listing_cards(ids, with_org: bool = True) -> list[ListingPage]:
    """Listings by id, in the given order, with everything a card shows loaded.

    Seven queries (listings, topics, languages, locations, hours, closures, organisations),
    whatever the number of listings; related rows are read with their taxonomy term in the
    same query rather than through Django's generic prefetching, which costs more than the
    queries themselves on a page of twenty cards.
    """
    ids = list(ids)
    if not ids:
        return []
    listings = {listing.id: listing for listing in ListingPage.objects.filter(id__in=ids)}
    _attach(
        listings, "action_field_links", ListingActionField.objects.select_related("action_field")
    )
    _attach(listings, "spoken_languages", ListingLanguage.objects.all())
    _attach(listings, "locations", ListingLocation.objects.select_related("district"))
    _attach(listings, "opening_hours", OpeningHours.objects.all())
    _attach(listings, "closures", Closure.objects.all())
    ordered = [listings[i] for i in ids if i in listings]
    if with_org:
        parent_paths = {listing.path[: -Page.steplen] for listing in ordered}
        orgs = {org.path: org for org in OrganisationPage.objects.filter(path__in=parent_paths)}
        for listing in ordered:
            listing.__dict__["organisation"] = orgs.get(listing.path[: -Page.steplen])
    return ordered
