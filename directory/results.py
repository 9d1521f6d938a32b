"""One list of results for the directory page and the search page.

Both pages turn a request (and, for the search, the ids it found, best first) into the
same things: the validated filters, the listings that pass them, one page of rendered
cards and the facet counts. The filter panel, the cards and the pagination are the
includes ``templates/includes/filters.html``, ``cards.html`` and ``pagination.html``.
"""

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _
from wagtail.models import Locale

from directory.cards import Card, listing_cards_html
from directory.facets import Facet, facet_counts, filter_listings
from directory.filters import DirectoryFilters, parse_filters
from directory.models.index import MAX_PAGE_NUMBER, PAGE_SIZE


def requested_page(request) -> int | None:
    """The page number asked for (1 without one), or None when it is not a valid one."""
    number = request.GET.get("page", "1")
    if not number.isdigit() or not 1 <= int(number) <= MAX_PAGE_NUMBER:
        return None
    return int(number)


def bad_page_number() -> HttpResponseBadRequest:
    """The answer to an invalid page number: a 400 that says which numbers are valid."""
    return HttpResponseBadRequest(
        _("The page number must be a whole number between 1 and %(max)s.")
        % {"max": MAX_PAGE_NUMBER},
        content_type="text/plain; charset=utf-8",
    )


@dataclass
class Results:
    """The listings that pass the filters, one page of their cards, and how to count facets."""

    locale: Locale
    filters: DirectoryFilters
    candidates: list[int] | None
    ids: list[int]
    page: Page
    cards: list[Card]

    def facets(self) -> list[Facet]:
        """Every facet with its counts among the candidates, given the other filters."""
        return facet_counts(self.locale, self.filters, self.candidates)

    def context(self, with_facets: bool = True) -> dict:
        """The template context of the result list and its includes."""
        filter_query = urlencode(self.filters.as_query_items())
        return {
            "filters": self.filters,
            "facets": self.facets() if with_facets else [],
            "page_obj": self.page,
            "listings": self.cards,
            "result_count": len(self.ids),
            "filter_query": filter_query,
            "page_query": filter_query,
        }


def listing_results(
    request,
    number: int,
    candidates: list[int] | None = None,
    sort: Callable[[list[int]], list[int]] | None = None,
    locale: Locale | None = None,
) -> Results:
    """Filter ``candidates`` (every live listing in the directory's order when None) by the
    request's filters, reorder them with ``sort`` if given, and render page ``number`` (the
    last when beyond).

    ``locale`` is the visitor's (the active one) unless the caller already has it.
    """
    locale = locale or Locale.get_active()
    filters = parse_filters(request.GET)
    ids = filter_listings(locale, filters, candidates)
    if sort is not None:
        ids = sort(ids)
    paginator = Paginator(ids, PAGE_SIZE)
    page = paginator.page(min(number, paginator.num_pages))
    cards = listing_cards_html(request, page.object_list)
    return Results(locale, filters, candidates, ids, page, cards)
