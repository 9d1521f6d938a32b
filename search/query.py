"""One search function for the search page, the API and the benchmarks."""

import re
import unicodedata
from dataclasses import dataclass, field

from wagtail.models import Locale
from wagtail.search.query import PlainText

from directory.queries import DirectoryFilters, apply_filters, live_listings

MAX_QUERY_LENGTH = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Characters that FTS5 and tsquery parsers treat as syntax: search words only.
_SYNTAX = re.compile(r"[\"'`*^~\\<>=%()\[\]{}:;|&!+?@#$/,.-]")


def clean_query(raw: str) -> str:
    """Reduce user input to plain words: no control characters or query syntax, ≤ 200 chars."""
    text = unicodedata.normalize("NFKC", raw[: MAX_QUERY_LENGTH * 4])
    text = _CONTROL.sub(" ", text)
    text = _SYNTAX.sub(" ", text)
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


@dataclass
class SearchResults:
    query: str
    ids: list[int] = field(default_factory=list)


def search_listings(
    raw: str, filters: DirectoryFilters | None = None, locale: Locale | None = None
) -> SearchResults:
    """Listings in the visitor's language matching ``raw``, best first, narrowed by filters."""
    query = clean_query(raw)
    qs = live_listings(locale)
    if filters is not None:
        qs = apply_filters(qs, filters)
    if not query:
        return SearchResults(query, list(qs.order_by("title").values_list("id", flat=True)))
    words = query.split()
    results = qs.search(PlainText(" ".join(words), operator="and"), order_by_relevance=True)
    ids = [page.id for page in results]
    if not ids:
        results = qs.search(PlainText(" ".join(words), operator="or"), order_by_relevance=True)
        ids = [page.id for page in results]
    return SearchResults(query, ids)
