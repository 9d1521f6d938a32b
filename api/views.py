"""The read-only HSDS 3.0 API: JSON views, the page wrapper, NDJSON, CORS and JSON errors."""

import json
import math
from functools import wraps

from django.db.models import Q
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.urls import reverse
from wagtail.models import Page

from api import hsds
from api.openapi import openapi_document
from api.queries import (
    ApiParams,
    BadParameter,
    NotFound,
    find_listing,
    find_organisation,
    find_service_at_location,
    kept_record,
    localized_organisations,
    select_listings,
    select_service_at_locations,
)
from base import ratelimit
from directory.models import ListingPage, OrganisationPage

CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Content-Type",
    # A client in a browser may read when to try again after a 429.
    "Access-Control-Expose-Headers": "Retry-After",
    "Access-Control-Max-Age": "86400",
}
NDJSON_CHUNK = 100


def _error(status: int, message: str) -> JsonResponse:
    return JsonResponse({"status": status, "error": message}, status=status)


def api_view(view):
    """GET only, open CORS, rate limited per client (``api``), and every failure as a JSON
    body (400, 404, 405, 429)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
        elif request.method not in ("GET", "HEAD"):
            response = _error(405, "only GET is allowed")
        elif (retry_after := ratelimit.throttle(request, "api")) is not None:
            response = _error(429, f"too many requests: try again in {retry_after} seconds")
            response["Retry-After"] = str(retry_after)
        else:
            try:
                response = view(request, *args, **kwargs)
            except BadParameter as error:
                response = _error(400, str(error))
            except NotFound:
                response = _error(404, "not found")
        for name, value in CORS_HEADERS.items():
            response[name] = value
        # Keeps LocaleMiddleware from redirecting a JSON 404 into the language-prefixed site.
        request.urlconf = "api.urlconf"
        return response

    wrapper.csrf_exempt = True
    return wrapper


def _page(params: ApiParams, items, build):
    """The HSDS page wrapper around one page of ``items`` (``build`` maps a slice to dicts)."""
    total = len(items)
    total_pages = max(1, math.ceil(total / params.per_page))
    start = (params.page - 1) * params.per_page
    contents = build(items[start : start + params.per_page]) if start < total else []
    return JsonResponse(
        {
            "total_items": total,
            "total_pages": total_pages,
            "page_number": params.page,
            "size": len(contents),
            "first_page": params.page == 1,
            "last_page": params.page >= total_pages,
            "empty": not contents,
            "contents": contents,
        },
        json_dumps_params={"ensure_ascii": False},
    )


def _ndjson(items, build):
    """Every result, one JSON object a line, built in chunks so queries stay bounded."""

    def lines():
        for start in range(0, len(items), NDJSON_CHUNK):
            for item in build(items[start : start + NDJSON_CHUNK]):
                yield json.dumps(item, ensure_ascii=False) + "\n"

    return StreamingHttpResponse(lines(), content_type="application/x-ndjson; charset=utf-8")


def _respond(params, items, build):
    return _ndjson(items, build) if params.ndjson else _page(params, items, build)


def _json(data):
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


@api_view
def root(request):
    """What this API is: HSDS version, profile and the OpenAPI document."""
    ApiParams.parse(request.GET)
    return _json(
        {
            "version": hsds.HSDS_VERSION,
            "profile": "https://docs.openreferral.org/en/latest/hsds/",
            "openapi_url": request.build_absolute_uri(reverse("hsds:openapi")),
        }
    )


@api_view
def openapi(request):
    """The OpenAPI 3.1 document of this API."""
    return _json(openapi_document(request.build_absolute_uri(reverse("hsds:root"))))


def _service_builder(params: ApiParams):
    catalog = hsds.Catalog.load(params.locale)

    def build(ids):
        listings = hsds.load_listings(ids)
        if params.minimal:
            return [hsds.minimal_service(listing) for listing in listings]
        return [hsds.service_to_hsds(listing, catalog, full=params.full) for listing in listings]

    return build


@api_view
def services(request):
    """Services, filtered and paginated; ``search`` orders by relevance."""
    params = ApiParams.parse(request.GET)
    return _respond(params, select_listings(params), _service_builder(params))


@api_view
def service(request, service_id):
    """One fully nested service."""
    params = ApiParams.parse(request.GET)
    listing = find_listing(params.locale, service_id)
    return _json(hsds.service_to_hsds(listing, hsds.Catalog.load(params.locale)))


def _sal_builder(params: ApiParams):
    catalog = hsds.Catalog.load(params.locale)

    def build(rows):
        listings = {listing.id: listing for listing in hsds.load_listings({r[0] for r in rows})}
        result = []
        for listing_id, position, _location_id in rows:
            listing = listings[listing_id]
            location = hsds.sorted_rows(listing.locations)[position]
            result.append(
                hsds.service_at_location_to_hsds(
                    listing, position, location, catalog, full=params.full
                )
            )
        return result

    return build


@api_view
def service_at_locations(request):
    """Every listing × location, filtered like services (``postcode`` applies per location)."""
    params = ApiParams.parse(request.GET)
    return _respond(params, select_service_at_locations(params), _sal_builder(params))


@api_view
def service_at_location(request, sal_id):
    """One service at one location, with the service nested."""
    params = ApiParams.parse(request.GET)
    listing, position, location = find_service_at_location(params.locale, sal_id)
    catalog = hsds.Catalog.load(params.locale)
    return _json(hsds.service_at_location_to_hsds(listing, position, location, catalog, full=True))


def _organisations_with_services(orgs, params, full) -> list[dict]:
    """Organisations with their live listings nested; one batch of queries for all of them."""
    catalog = hsds.Catalog.load(params.locale)
    condition = Q(pk__in=[])
    for org in orgs:
        condition |= Q(path__startswith=org.path, depth=org.depth + 1)
    ids = (
        ListingPage.objects.live()
        .public()
        .filter(condition)
        .order_by("title", "id")
        .values_list("id", flat=True)
    )
    by_parent = {}
    for listing in hsds.load_listings(ids):
        by_parent.setdefault(listing.path[: -Page.steplen], []).append(listing)
    hsds.prefetch_records(orgs, "organization")
    result = []
    for org in orgs:
        services = [
            hsds.service_to_hsds(listing, catalog, full=full)
            for listing in by_parent.get(org.path, [])
        ]
        for item in services:
            item.pop("organization", None)
        result.append(hsds.organization_to_hsds(org, services=services))
    return result


@api_view
def organizations(request):
    """Partner organisations by name; ``full`` nests their services."""
    params = ApiParams.parse(request.GET)
    qs = localized_organisations(params.locale)
    if params.search.strip():
        qs = qs.filter(title__icontains=params.search.strip())
    if params.modified_after:
        qs = qs.filter(last_published_at__gte=params.modified_after)
    if params.organization_id:
        qs = qs.filter(translation_key=params.organization_id)
    ids = list(qs.order_by("title", "id").values_list("id", flat=True))

    def build(page_ids):
        by_id = {org.id: org for org in OrganisationPage.objects.filter(id__in=page_ids)}
        orgs = [by_id[i] for i in page_ids]
        if params.full:
            return _organisations_with_services(orgs, params, True)
        hsds.prefetch_records(orgs, "organization")
        return [hsds.organization_to_hsds(org) for org in orgs]

    return _respond(params, ids, build)


@api_view
def organization(request, org_id):
    """One organisation with its services."""
    params = ApiParams.parse(request.GET)
    org = find_organisation(params.locale, org_id)
    return _json(_organisations_with_services([org], params, params.full)[0])


@api_view
def taxonomies(request):
    """The taxonomies: action fields, target groups, districts."""
    params = ApiParams.parse(request.GET)
    slugs = list(hsds.TAXONOMIES)
    term = params.search.strip().lower()
    if term:
        slugs = [s for s in slugs if term in s or term in hsds.TAXONOMIES[s][1].lower()]
    return _respond(params, slugs, lambda page: [hsds.taxonomy_to_hsds(s) for s in page])


@api_view
def taxonomy(request, taxonomy_id):
    """One taxonomy."""
    ApiParams.parse(request.GET)
    slugs = {hsds.taxonomy_id(slug): slug for slug in hsds.TAXONOMIES}
    if taxonomy_id.lower() not in slugs:
        return _json(kept_record("taxonomy", taxonomy_id))
    return _json(hsds.taxonomy_to_hsds(slugs[taxonomy_id.lower()]))


@api_view
def taxonomy_terms(request):
    """Terms of every taxonomy (``taxonomy_id`` narrows); ``code`` is the filter code."""
    params = ApiParams.parse(request.GET)
    catalog = hsds.Catalog.load(params.locale)
    keys = catalog.terms(params.taxonomy)
    term = params.search.strip().lower()
    if term:
        keys = [k for k in keys if term in k[1] or term in catalog.names[k][0].lower()]
    return _respond(params, keys, lambda page: [hsds.term_to_hsds(*k, catalog) for k in page])


@api_view
def taxonomy_term(request, term_id):
    """One taxonomy term."""
    params = ApiParams.parse(request.GET)
    catalog = hsds.Catalog.load(params.locale)
    key = catalog.by_id().get(term_id.lower())
    if key is None:
        return _json(kept_record("taxonomy_term", term_id))
    return _json(hsds.term_to_hsds(*key, catalog))
