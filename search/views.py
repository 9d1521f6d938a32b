"""The public search page. The query logic lives in :mod:`search.query`."""

from django.shortcuts import render

from directory.queries import listing_cards, parse_filters
from search.query import MAX_QUERY_LENGTH, search_listings


def search(request):
    """Search listings in the visitor's language; filters combine with the text."""
    raw = request.GET.get("q", "")
    filters = parse_filters(request.GET)
    results = search_listings(raw, filters=filters)
    return render(
        request,
        "search/search.html",
        {
            "query": raw[:MAX_QUERY_LENGTH],
            "filters": filters,
            "listings": listing_cards(results.ids[:50]),
            "result_count": len(results.ids),
        },
    )
