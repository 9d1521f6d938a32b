"""The public search page and its suggestions endpoint. The query logic lives in
:mod:`search.query`."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale

from directory.cards import listing_cards_html
from directory.models.index import MAX_PAGE_NUMBER, PAGE_SIZE
from directory.queries import facet_counts, filter_listings, parse_filters
from search.query import (
    SearchResults,
    clean_query,
    distances_km,
    echo_query,
    parse_position,
    record_failed_search,
    search_listings,
    sort_by_distance,
    suggest,
)

# Distances cover at most this many of the best matches, so the id list sent to the
# database stays far below SQLite's limit of 32,766 parameters.
MAX_LISTED_IDS = 10_000


def search(request):
    """Search listings in the visitor's language; facets and distance combine with the text."""
    number = request.GET.get("page", "1")
    if not number.isdigit() or not 1 <= int(number) <= MAX_PAGE_NUMBER:
        return HttpResponseBadRequest(
            _("The page number must be a whole number between 1 and %(max)s.")
            % {"max": MAX_PAGE_NUMBER},
            content_type="text/plain; charset=utf-8",
        )
    raw = request.GET.get("q", "")
    locale = Locale.get_active()
    filters = parse_filters(request.GET)
    # An empty query needs no search: the candidates are then every listing.
    results = search_listings(raw, locale=locale) if clean_query(raw) else SearchResults("")
    # The text decides the candidates, the filters narrow them (in memory, in their order);
    # facets count the candidates given the other filters.
    candidates = results.ids if results.query else None
    ids = filter_listings(locale, filters, candidates)
    position = parse_position(request.GET.get("lat"), request.GET.get("lon"))
    distances = {}
    if position is not None:
        # The best matches only: an id list must stay below SQLite's parameter limit.
        distances = distances_km(ids[:MAX_LISTED_IDS], position)
        ids = sort_by_distance(ids[:MAX_LISTED_IDS], distances) + ids[MAX_LISTED_IDS:]

    searched = bool(results.query or filters.active)
    facets = facet_counts(locale, filters, candidates) if searched else []
    if results.query and not ids and not filters.active:
        record_failed_search(results.query, results.language)

    paginator = Paginator(ids, PAGE_SIZE)
    page = paginator.page(min(int(number), paginator.num_pages))
    listings = listing_cards_html(request, page.object_list)
    for listing in listings:
        listing.distance_km = distances.get(listing.id)

    keep = [("q", results.query), *filters.as_query_items()]
    if position is not None:
        keep += [("lat", f"{position[0]:.5f}"), ("lon", f"{position[1]:.5f}")]
    return render(
        request,
        "search/search.html",
        {
            "query": echo_query(raw),
            "cleaned_query": results.query,
            "filters": filters,
            "facets": facets,
            "searched": searched,
            "listings": listings,
            "page_obj": page,
            "result_count": len(ids),
            "suggestion": results.suggestion,
            "completions": suggest(results.query, locale, limit=6) if results.query else [],
            "position": position,
            "link_query": urlencode(keep),
            "filter_query": urlencode(filters.as_query_items()),
        },
    )


def suggestions(request):
    """JSON completions for the search box: ``{"query": ..., "suggestions": [...]}``."""
    raw = request.GET.get("q", "")
    items = suggest(raw, Locale.get_active())
    return JsonResponse({"query": echo_query(raw), "suggestions": items})
