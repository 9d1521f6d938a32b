"""The public search page and its suggestions endpoint. The query logic lives in
:mod:`search.query`."""

from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import render
from wagtail.models import Locale

from base.ratelimit import rate_limited
from directory.places import MAX_PLACE_LENGTH, find_place, place_suggestions
from directory.results import bad_page_number, listing_results, requested_page
from search.query import (
    SearchResults,
    clean_query,
    distances_km,
    echo_query,
    parse_position,
    record_failed_search,
    related_searches,
    search_listings,
    sort_by_distance,
    suggest,
)

# Distances cover at most this many of the best matches, so the id list sent to the
# database stays far below SQLite's limit of 32,766 parameters.
MAX_LISTED_IDS = 10_000


@rate_limited("search")
def search(request):
    """Search listings in the visitor's language; facets and distance combine with the text."""
    number = requested_page(request)
    if number is None:
        return bad_page_number()
    raw = request.GET.get("q", "")
    locale = Locale.get_active()
    # An empty query needs no search: the candidates are then every listing.
    results = search_listings(raw, locale=locale) if clean_query(raw) else SearchResults("")
    # A postcode or district named by the visitor wins over coordinates ("use my location").
    near = " ".join(request.GET.get("near", "").split())[:MAX_PLACE_LENGTH]
    place = find_place(near) if near else None
    if place is not None:
        position = (place.latitude, place.longitude)
    elif near:
        position = None
    else:
        position = parse_position(request.GET.get("lat"), request.GET.get("lon"))
    distances = {}

    def nearest_first(ids: list[int]) -> list[int]:
        # The best matches only: an id list must stay below SQLite's parameter limit.
        distances.update(distances_km(ids[:MAX_LISTED_IDS], position))
        return sort_by_distance(ids[:MAX_LISTED_IDS], distances) + ids[MAX_LISTED_IDS:]

    # The text decides the candidates, the filters narrow them (in memory, in their order);
    # facets count the candidates given the other filters.
    found = listing_results(
        request,
        number,
        candidates=results.ids if results.query else None,
        sort=nearest_first if position is not None else None,
        locale=locale,
    )
    filters = found.filters
    if results.query and not found.ids and not filters.active:
        record_failed_search(results.query, results.language)
    for card in found.cards:
        card.distance_km = distances.get(card.id)

    searched = bool(results.query or filters.active or position is not None or near)
    where = []
    if place is not None:
        where = [("near", near)]
    elif position is not None:
        where = [("lat", f"{position[0]:.5f}"), ("lon", f"{position[1]:.5f}")]
    response = render(
        request,
        "search/search.html",
        {
            **found.context(with_facets=searched),
            "query": echo_query(raw),
            "cleaned_query": results.query,
            "searched": searched,
            "suggestion": results.suggestion,
            "completions": related_searches(results.query, locale) if results.query else [],
            "position": position,
            "near": near,
            "place": place,
            "unknown_place": near if near and place is None else "",
            "place_suggestions": place_suggestions() if searched else [],
            "page_query": urlencode([("q", results.query), *filters.as_query_items(), *where]),
            "filter_keep": [("q", results.query), *where],
            "reset_query": urlencode([("q", results.query)]),
        },
    )
    # Result lists are made for visitors, not for search engines (robots.txt says so too).
    response["X-Robots-Tag"] = "noindex, follow"
    return response


def suggestions_limited(request, retry_after: int) -> JsonResponse:
    """Over the limit the search box just shows no suggestions (and may ask again later)."""
    response = JsonResponse(
        {"query": echo_query(request.GET.get("q", "")), "suggestions": []}, status=429
    )
    response["Retry-After"] = str(retry_after)
    return response


@rate_limited("suggestions", too_many=suggestions_limited)
def suggestions(request):
    """JSON completions for the search box: ``{"query": ..., "suggestions": [...]}``."""
    raw = request.GET.get("q", "")
    items = suggest(raw, Locale.get_active())
    response = JsonResponse({"query": echo_query(raw), "suggestions": items})
    response["X-Robots-Tag"] = "noindex"
    return response
