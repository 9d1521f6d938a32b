"""The read-only HSDS 3.0 API: JSON views, the page wrapper, NDJSON, CORS, conditional GETs and
JSON errors. Every object goes out with exactly the properties of its official schema plus our
``x_`` extensions (:func:`api.schemas.conform`)."""

import hashlib
import json
import math
import time
from functools import wraps

from csp.decorators import csp_update
from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.http import require_safe
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
from api.schemas import BUNDLE_PATH, conform
from base import ratelimit
from base.content_cache import content_version
from directory.models import ListingPage, OrganisationPage

ALLOWED_METHODS = "GET, HEAD, OPTIONS"
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": ALLOWED_METHODS,
    # Conditional requests from a browser send these; they are not CORS-safelisted.
    "Access-Control-Allow-Headers": "Accept, Content-Type, If-None-Match, If-Modified-Since",
    # A client in a browser may read when to try again after a 429, and the ETag to revalidate.
    "Access-Control-Expose-Headers": "ETag, Retry-After",
    "Access-Control-Max-Age": "86400",
}
NDJSON_CHUNK = 100
MODIFIED_KEY = "wegweiser:api-modified"
# The content version says when the data changed; this says when the code that shapes the
# answers did (a deploy), so that no client keeps a 304 for an answer the new code shapes
# differently: this app and the layers below it (the only code it may import), and the
# bundled schemas. The same in every process, unlike a token made at start-up.
CODE_VERSION = hashlib.sha256(
    b"".join(
        path.read_bytes()
        for layer in ("base", "directory", "search", "api")
        for path in sorted((settings.BASE_DIR / layer).rglob("*.py"))
    )
    + BUNDLE_PATH.read_bytes()
).hexdigest()[:16]


def _error(status: int, message: str) -> JsonResponse:
    return JsonResponse({"status": status, "error": message}, status=status)


def _modified_at(version: str) -> int:
    """When the API first answered from this content version (seconds since the epoch).

    Every newer version gets a later second than the one before, so a client's
    If-Modified-Since never hides a change made within the same second.
    """
    key = f"{MODIFIED_KEY}:{version}"
    stamp = cache.get(key)
    if stamp is None:
        stamp = max(int(time.time()), (cache.get(MODIFIED_KEY) or 0) + 1)
        if cache.add(key, stamp, timeout=None):
            cache.set(MODIFIED_KEY, stamp, timeout=None)
        stamp = cache.get(key, stamp)
    return stamp


def _validators(request) -> tuple[str, int]:
    """ETag and Last-Modified of a GET: the answer depends only on the content, the code,
    the host (absolute URLs) and the path with its query, so no view has to run for a 304."""
    version = content_version()
    key = f"{version}\n{CODE_VERSION}\n{request.get_host()}\n{request.get_full_path()}"
    return f'"{hashlib.sha256(key.encode()).hexdigest()[:32]}"', _modified_at(version)


def _run(view, request, args, kwargs):
    """The view's answer, a 304/412 to a conditional request, or a JSON error."""
    etag, last_modified = _validators(request)
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        try:
            response = view(request, *args, **kwargs)
        except BadParameter as error:
            return _error(400, str(error))
        except NotFound:
            return _error(404, "not found")
    if response.status_code in (200, 304):
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified)
    return response


def api_view(view):
    """GET and HEAD (and OPTIONS for CORS preflights) only, open CORS, conditional GETs, rate
    limited per client (``api``), and every failure as a JSON body (400, 404, 405, 429)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Allow"] = ALLOWED_METHODS
        elif request.method not in ("GET", "HEAD"):
            response = _error(405, f"{request.method[:20]} is not allowed: use GET or HEAD")
            response["Allow"] = ALLOWED_METHODS
        elif (retry_after := ratelimit.throttle(request, "api")) is not None:
            response = _error(429, f"too many requests: try again in {retry_after} seconds")
            response["Retry-After"] = str(retry_after)
        else:
            response = _run(view, request, args, kwargs)
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


def _respond(params, items, build, schema: str):
    """A page (or NDJSON) of ``items``, each shaped like the official ``schema``."""

    def conforming(page):
        return [conform(item, schema) for item in build(page)]

    return _ndjson(items, conforming) if params.ndjson else _page(params, items, conforming)


def _json(data, schema: str | None = None):
    if schema is not None:
        data = conform(data, schema)
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


@require_safe
# Swagger UI's stylesheet draws its icons as data: URIs; everything else (scripts, styles,
# the OpenAPI document) comes from the site itself, so only this view gets data: images.
@csp_update({"img-src": ["data:"]})
def docs(request):
    """The human-readable documentation: Swagger UI over the OpenAPI document."""
    return render(request, "api/docs.html", {"openapi_url": reverse("hsds:openapi")})


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
    """Services, filtered and paginated; ``search`` orders by relevance; ``full`` nests."""
    params = ApiParams.parse(request.GET)
    schema = "service" if params.full and not params.minimal else "service_list"
    return _respond(params, select_listings(params), _service_builder(params), schema)


@api_view
def service(request, service_id):
    """One fully nested service."""
    params = ApiParams.parse(request.GET)
    listing = find_listing(params.locale, service_id)
    return _json(hsds.service_to_hsds(listing, hsds.Catalog.load(params.locale)), "service")


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
    schema = "service_at_location" if params.full else "service_at_location_list"
    return _respond(params, select_service_at_locations(params), _sal_builder(params), schema)


@api_view
def service_at_location(request, sal_id):
    """One service at one location, with the service nested."""
    params = ApiParams.parse(request.GET)
    listing, position, location = find_service_at_location(params.locale, sal_id)
    catalog = hsds.Catalog.load(params.locale)
    data = hsds.service_at_location_to_hsds(listing, position, location, catalog, full=True)
    return _json(data, "service_at_location")


def _organisations_with_services(orgs, params) -> list[dict]:
    """Organisations with their live listings nested (each fully with ``full_service``, else
    id, name, status and last_modified); one batch of queries for all of them."""
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
        listings = by_parent.get(org.path, [])
        if params.full_service:
            services = [hsds.service_to_hsds(listing, catalog) for listing in listings]
            for item in services:
                item.pop("organization", None)
        else:
            services = [hsds.minimal_service(listing) for listing in listings]
        result.append(hsds.organization_to_hsds(org, services=services))
    return result


@api_view
def organizations(request):
    """Partner organisations by name; ``full`` nests their rows and services, ``full_service``
    the whole of each service."""
    params = ApiParams.parse(request.GET)
    qs = localized_organisations(params.locale)
    if params.search.strip():
        qs = qs.filter(title__icontains=params.search.strip())
    if params.modified_after:
        qs = qs.filter(last_published_at__gte=params.modified_after)
    if params.organization_id:
        qs = qs.filter(translation_key=params.organization_id)
    ids = list(qs.order_by("title", "id").values_list("id", flat=True))
    nested = params.full or params.full_service

    def build(page_ids):
        by_id = {org.id: org for org in OrganisationPage.objects.filter(id__in=page_ids)}
        orgs = [by_id[i] for i in page_ids]
        if nested:
            return _organisations_with_services(orgs, params)
        hsds.prefetch_records(orgs, "organization")
        return [hsds.organization_to_hsds(org) for org in orgs]

    return _respond(params, ids, build, "organization" if nested else "organization_list")


@api_view
def organization(request, org_id):
    """One organisation with its services (whole with ``full_service``)."""
    params = ApiParams.parse(request.GET)
    org = find_organisation(params.locale, org_id)
    return _json(_organisations_with_services([org], params)[0], "organization")


@api_view
def taxonomies(request):
    """The taxonomies: action fields, target groups, districts."""
    params = ApiParams.parse(request.GET)
    slugs = list(hsds.TAXONOMIES)
    term = params.search.strip().lower()
    if term:
        slugs = [s for s in slugs if term in s or term in hsds.TAXONOMIES[s][1].lower()]
    return _respond(
        params, slugs, lambda page: [hsds.taxonomy_to_hsds(s) for s in page], "taxonomy"
    )


@api_view
def taxonomy(request, taxonomy_id):
    """One taxonomy."""
    ApiParams.parse(request.GET)
    slugs = {hsds.taxonomy_id(slug): slug for slug in hsds.TAXONOMIES}
    if taxonomy_id.lower() not in slugs:
        return _json(kept_record("taxonomy", taxonomy_id), "taxonomy")
    return _json(hsds.taxonomy_to_hsds(slugs[taxonomy_id.lower()]), "taxonomy")


@api_view
def taxonomy_terms(request):
    """Terms of every taxonomy: ``taxonomy_id`` narrows to one, ``parent_id`` to the children
    of a term, ``top_only`` to terms without a parent; ``code`` is the filter code."""
    params = ApiParams.parse(request.GET)
    catalog = hsds.Catalog.load(params.locale)
    terms = [hsds.term_to_hsds(*key, catalog) for key in catalog.terms(params.taxonomy)]
    text = params.search.strip().lower()
    if text:
        terms = [t for t in terms if text in t["code"] or text in t["name"].lower()]
    if params.parent_id:
        terms = [t for t in terms if t.get("parent_id") == params.parent_id]
    if params.top_only:
        terms = [t for t in terms if not t.get("parent_id")]
    return _respond(params, terms, lambda page: page, "taxonomy_term")


@api_view
def taxonomy_term(request, term_id):
    """One taxonomy term."""
    params = ApiParams.parse(request.GET)
    catalog = hsds.Catalog.load(params.locale)
    key = catalog.by_id().get(term_id.lower())
    if key is None:
        return _json(kept_record("taxonomy_term", term_id), "taxonomy_term")
    return _json(hsds.term_to_hsds(*key, catalog), "taxonomy_term")
