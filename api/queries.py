"""Parameters and selections of the HSDS API and the export (what to list, in which order).

``ApiParams.parse`` turns a query string into validated values or raises :class:`BadParameter`
(a 400 with a message). ``select_listings`` and ``select_service_at_locations`` return ids in
order; :mod:`api.hsds` turns the rows into HSDS. The number of queries does not grow with the
number of results.
"""

import math
import uuid
from dataclasses import dataclass, field
from datetime import datetime, time

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from wagtail.models import Locale, Page

from api import hsds
from api.models import HsdsRecord
from base.helpers import distance_km
from directory.filters import (
    MAX_VALUES_PER_FACET,
    DirectoryFilters,
    FilterFacet,
    api_facets,
    apply_filters,
    facet_for_taxonomy,
)
from directory.models import ListingLocation, ListingPage, OrganisationPage
from search.query import search_listings

MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 25
MAX_PAGE = 100_000
MAX_PROXIMITY = 100_000  # metres
TRUE, FALSE = ("true", "1", "yes"), ("false", "0", "no", "")


class BadParameter(Exception):
    """A query parameter the API cannot use; the message says which and why."""


class NotFound(Exception):
    """No live public object with this id."""


def _int(params, name, default, low, high) -> int:
    raw = params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadParameter(f"{name} must be a whole number from {low} to {high}") from None
    if not low <= value <= high:
        raise BadParameter(f"{name} must be a whole number from {low} to {high}")
    return value


def _bool(params, name) -> bool:
    raw = (params.get(name) or "").lower()
    if raw in TRUE:
        return True
    if raw in FALSE:
        return False
    raise BadParameter(f"{name} must be true or false")


def _uuid(params, name) -> str | None:
    raw = params.get(name)
    if not raw:
        return None
    try:
        return str(uuid.UUID(raw))
    except ValueError:
        raise BadParameter(f"{name} must be a UUID") from None


def parse_uuid(value: str) -> str:
    """A path id as a canonical UUID string; anything else is an unknown id (404)."""
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise NotFound(value) from None


def _facet_value(params, facet: FilterFacet):
    """A directory facet's selection from its API parameter (codes, or true/false)."""
    name = facet.api.name
    if not facet.multiple:
        return _bool(params, name)
    codes = list(dict.fromkeys(c for c in params.getlist(name) if c))
    if codes:
        known = facet.vocabulary.known()
        unknown = [c for c in codes if c not in known]
        if unknown:
            raise BadParameter(f"unknown {name} code: {unknown[0][:64]}")
    return codes[:MAX_VALUES_PER_FACET]


@dataclass
class ApiParams:
    """Validated query parameters of a list request."""

    locale: Locale
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    search: str = ""
    term: tuple | None = None
    taxonomy: str | None = None
    organization_id: str | None = None
    modified_after: datetime | None = None
    minimal: bool = False
    full: bool = False
    full_service: bool = False
    top_only: bool = False
    parent_id: str | None = None
    ndjson: bool = False
    filters: DirectoryFilters = field(default_factory=DirectoryFilters)
    postcode: str = ""
    proximity: float | None = None

    @classmethod
    def parse(cls, params) -> "ApiParams":
        """Validate every parameter; raise BadParameter on the first bad one."""
        lang = params.get("lang") or hsds.SOURCE_LANGUAGE
        locale = None
        if lang in settings.WAGTAIL_CONTENT_LANGUAGE_CODES:
            locale = Locale.objects.filter(language_code=lang).first()
        if lang not in settings.WAGTAIL_CONTENT_LANGUAGE_CODES:
            raise BadParameter(
                "lang must be one of " + ", ".join(settings.WAGTAIL_CONTENT_LANGUAGE_CODES)
            )
        if locale is None:
            raise BadParameter(f"lang {lang}: this site has no content in that language yet")
        result = cls(locale=locale)
        result.page = _int(params, "page", 1, 1, MAX_PAGE)
        result.per_page = _int(params, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
        result.search = (params.get("search") or "")[:400]
        result.minimal = _bool(params, "minimal")
        result.full = _bool(params, "full")
        result.full_service = _bool(params, "full_service")
        result.top_only = _bool(params, "top_only")
        fmt = params.get("format") or "json"
        if fmt not in ("json", "ndjson"):
            raise BadParameter("format must be json or ndjson")
        result.ndjson = fmt == "ndjson"
        term = _uuid(params, "taxonomy_term_id")
        if term:
            result.term = hsds.Catalog.load(locale).by_id().get(term)
            if result.term is None:
                raise BadParameter("taxonomy_term_id is not a known taxonomy term")
        taxonomy = _uuid(params, "taxonomy_id")
        if taxonomy:
            slugs = {hsds.taxonomy_id(slug): slug for slug in hsds.TAXONOMIES}
            if taxonomy not in slugs:
                raise BadParameter("taxonomy_id is not a known taxonomy")
            result.taxonomy = slugs[taxonomy]
        result.parent_id = _uuid(params, "parent_id")
        if result.parent_id and result.parent_id not in hsds.Catalog.load(locale).by_id():
            raise BadParameter("parent_id is not a known taxonomy term")
        result.organization_id = _uuid(params, "organization_id")
        raw = params.get("modified_after")
        if raw:
            moment = parse_datetime(raw.replace(" ", "+"))
            if moment is None:
                day = parse_date(raw)
                if day is None:
                    raise BadParameter("modified_after must be an ISO 8601 date or date-time")
                moment = datetime.combine(day, time.min)
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment)
            result.modified_after = moment
        result.filters = DirectoryFilters(
            **{facet.code: _facet_value(params, facet) for facet in api_facets()}
        )
        result.postcode = (params.get("postcode") or "").strip()
        if len(result.postcode) > 10 or not all(c.isalnum() or c in " -" for c in result.postcode):
            raise BadParameter("postcode must be at most 10 letters, digits, spaces or dashes")
        raw = params.get("proximity")
        if raw:
            try:
                proximity = float(raw)
            except ValueError:
                proximity = -1.0
            if not 0 < proximity <= MAX_PROXIMITY or math.isnan(proximity):
                raise BadParameter(
                    f"proximity must be a distance in metres from 1 to {MAX_PROXIMITY}"
                )
            if not result.postcode:
                raise BadParameter("proximity needs a postcode")
            result.proximity = proximity
        return result


def localized_listings(locale: Locale):
    """Live public listings in ``locale``; German ones where the locale has no copy at all."""
    live = ListingPage.objects.live().public()
    if locale.language_code == hsds.SOURCE_LANGUAGE:
        return live.filter(locale=locale)
    present = ListingPage.objects.filter(locale=locale).values("translation_key")
    return live.filter(
        Q(locale=locale)
        | Q(locale__language_code=hsds.SOURCE_LANGUAGE) & ~Q(translation_key__in=present)
    )


def localized_organisations(locale: Locale):
    """Live public organisations in ``locale`` (German where the locale has no copy)."""
    live = OrganisationPage.objects.live().public()
    if locale.language_code == hsds.SOURCE_LANGUAGE:
        return live.filter(locale=locale)
    present = OrganisationPage.objects.filter(locale=locale).values("translation_key")
    return live.filter(
        Q(locale=locale)
        | Q(locale__language_code=hsds.SOURCE_LANGUAGE) & ~Q(translation_key__in=present)
    )


def matching_locations(params: ApiParams, listing_ids) -> set[int] | None:
    """Ids of locations within the postcode (or ``proximity`` metres of its centre); None = all.

    A postcode's centre is the mean of the coordinates of our own locations in it: the
    directory needs no geocoder, and an unknown postcode simply matches nothing.
    """
    if not params.postcode:
        return None
    rows = ListingLocation.objects.filter(page_id__in=listing_ids).values_list(
        "id", "postcode", "latitude", "longitude"
    )
    if params.proximity is None:
        return {
            row[0] for row in rows if row[1].replace(" ", "") == params.postcode.replace(" ", "")
        }
    centre = [
        (float(lat), float(lon))
        for lat, lon in ListingLocation.objects.filter(
            postcode=params.postcode, latitude__isnull=False, longitude__isnull=False
        ).values_list("latitude", "longitude")
    ]
    if not centre:
        return set()
    lat0 = sum(p[0] for p in centre) / len(centre)
    lon0 = sum(p[1] for p in centre) / len(centre)
    return {
        row[0]
        for row in rows
        if row[2] is not None
        and 1000 * distance_km(lat0, lon0, float(row[2]), float(row[3])) <= params.proximity
    }


def select_listings(params: ApiParams) -> list[int]:
    """Ids of the listings a request asks for: by relevance with ``search``, else by name."""
    qs = apply_filters(localized_listings(params.locale), params.filters)
    if params.term:
        slug, code = params.term
        qs = qs.filter(facet_for_taxonomy(slug).q([code]))
    if params.taxonomy:
        qs = qs.filter(facet_for_taxonomy(params.taxonomy).any_q())
    if params.organization_id:
        paths = OrganisationPage.objects.filter(translation_key=params.organization_id).values_list(
            "path", flat=True
        )
        condition = Q(pk__in=[])
        for path in paths:
            condition |= Q(path__startswith=path, depth=len(path) // Page.steplen + 1)
        qs = qs.filter(condition)
    if params.modified_after:
        qs = qs.filter(last_published_at__gte=params.modified_after)
    if params.search.strip():
        order = search_listings(params.search, filters=None, locale=params.locale).ids
        allowed = set(qs.filter(id__in=order).values_list("id", flat=True))
        ids = [i for i in order if i in allowed]
    else:
        ids = list(qs.order_by("title", "id").values_list("id", flat=True))
    locations = matching_locations(params, ids)
    if locations is not None:
        with_location = set(
            ListingLocation.objects.filter(id__in=locations).values_list("page_id", flat=True)
        )
        ids = [i for i in ids if i in with_location]
    return ids


def select_service_at_locations(params: ApiParams) -> list[tuple[int, int, int]]:
    """(listing id, position, location id) of every listing × location a request asks for."""
    ids = select_listings(params)
    matching = matching_locations(params, ids)
    rows = {}
    for page_id, location_id, _order in (
        ListingLocation.objects.filter(page_id__in=ids)
        .order_by("page_id", "sort_order", "id")
        .values_list("page_id", "id", "sort_order")
    ):
        rows.setdefault(page_id, []).append(location_id)
    return [
        (listing_id, position, location_id)
        for listing_id in ids
        for position, location_id in enumerate(rows.get(listing_id, []))
        if matching is None or location_id in matching
    ]


def find_listing(locale: Locale, service_id: str):
    """The live public listing with this external id in the locale (German as fallback)."""
    ids = localized_listings(locale).filter(external_id=parse_uuid(service_id))
    found = hsds.load_listings(ids.values_list("id", flat=True))
    found.sort(key=lambda page: page.locale_id != locale.id)
    if not found:
        raise NotFound(service_id)
    return found[0]


def find_service_at_location(locale: Locale, sal_id: str):
    """(listing, position, location) for a service_at_location id, by recomputing the ids."""
    wanted = parse_uuid(sal_id)
    rows = (
        ListingLocation.objects.filter(page__in=localized_listings(locale))
        .order_by("page_id", "sort_order", "id")
        .values_list("page_id", "page__external_id")
    )
    positions = {}
    for page_id, external_id in rows:
        position = positions.get(page_id, 0)
        positions[page_id] = position + 1
        if hsds.location_ids(str(external_id), position)[1] == wanted:
            (listing,) = hsds.load_listings([page_id])
            location = hsds.sorted_rows(listing.locations)[position]
            return listing, position, location
    return _kept_service_at_location(locale, wanted)


def _kept_service_at_location(locale: Locale, wanted: str):
    """(listing, position, None) of a service_at_location an import kept under its own id."""
    kept = HsdsRecord.objects.filter(kind="service_at_location", hsds_id=wanted).first()
    if kept is None:
        raise NotFound(wanted)
    listing = find_listing(locale, kept.parent_id)
    items = hsds.service_to_hsds(listing, hsds.Catalog.load(locale)).get("service_at_locations")
    for position, item in enumerate(items or []):
        if str(item.get("id")) == wanted:
            return listing, position, None
    raise NotFound(wanted)


def kept_record(kind: str, record_id: str) -> dict:
    """A record an import kept that no page shows (a foreign taxonomy or term), or 404."""
    kept = HsdsRecord.objects.filter(kind=kind, hsds_id=record_id).first()
    if kept is None:
        raise NotFound(record_id)
    return kept.record


def find_organisation(locale: Locale, org_id: str):
    """The live public organisation with this id (its translation key) in the locale."""
    orgs = list(localized_organisations(locale).filter(translation_key=parse_uuid(org_id)))
    orgs.sort(key=lambda org: org.locale_id != locale.id)
    if not orgs:
        raise NotFound(org_id)
    return orgs[0]
