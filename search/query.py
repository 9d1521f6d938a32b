"""One search function for the search page, the API and the benchmarks.

``search_listings`` analyses the query in the visitor's language and in German, expands
each word with the editors' synonyms, with indexed words that start or end with it (German
compounds: "Deutsch" → "Deutschkurs", "Kurs" → "Sprachkurs") and, when a word is unknown,
with the closest known words (typos), then scores the listings of the visitor's locale from
the project's term table (:mod:`search.indexing`) in Python. Listings that match every word
come first, then those matching fewer; two adjacent words found together in a name, summary
or label count extra. The same code and data give the same ranking on SQLite and
PostgreSQL.
"""

import bisect
import logging
import math
import re
import threading
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from wagtail.models import Locale

from base.content_cache import content_version
from base.helpers import distance_km
from base.languages import SOURCE_LANGUAGE
from directory.facets import filter_listings, snapshot
from directory.filters import DirectoryFilters
from directory.models import ListingLocation
from search.analysis import analyze, normalize, tokenize
from search.analysis import stem as stem_word
from search.backends import ElasticsearchUnavailable, search_elasticsearch
from search.models import FailedSearch, ListingTerm, SearchWord, Synonym

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Characters that FTS5 and tsquery parsers treat as syntax: search words only.
_SYNTAX = re.compile(r"[\"'`*^~\\<>=%()\[\]{}:;|&!+?@#$/,.-]")

EXACT, SYNONYM, FUZZY, PREFIX, SUFFIX = 1.0, 0.9, 0.7, 0.6, 0.5
PHRASE_FACTOR = 0.5
MORE_MATCHES_FACTOR = 0.2
# Words shorter than this are not expanded to longer words (too many, too vague).
MIN_EXPAND_LENGTH = 4
MAX_EXPANSIONS = 25
VOCABULARY_SECONDS = 60


def clean_query(raw: str) -> str:
    """Reduce user input to plain words: no control characters or query syntax, ≤ 200 chars."""
    text = unicodedata.normalize("NFKC", raw[: MAX_QUERY_LENGTH * 4])
    text = _CONTROL.sub(" ", text)
    text = _SYNTAX.sub(" ", text)
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def echo_query(raw: str) -> str:
    """The visitor's text as typed, cut at 200 characters, control characters blanked."""
    return _CONTROL.sub(" ", raw[:MAX_QUERY_LENGTH])


@dataclass
class SearchResults:
    """Listing page ids in relevance order, the cleaned query and a "did you mean" text."""

    query: str
    ids: list[int] = field(default_factory=list)
    suggestion: str = ""
    language: str = ""

    @property
    def count(self) -> int:
        return len(self.ids)


# --- vocabulary and synonyms (cached per process, dropped on index changes) ----------------


@dataclass
class Vocabulary:
    """The known words of a locale: {word: stem}, sorted words, sorted and reversed stems."""

    words: dict[str, str]
    sorted_words: list[str]
    stems: set[str]
    sorted_stems: list[str]
    reversed_stems: list[str]


_lock = threading.Lock()
_vocabularies: dict[int, tuple[float, str, Vocabulary]] = {}
_synonyms: dict[str, tuple[float, tuple[dict, dict]]] = {}


def forget_vocabulary() -> None:
    """Drop cached vocabularies (called after the index changed)."""
    with _lock:
        _vocabularies.clear()


def vocabulary(locale_id: int) -> Vocabulary:
    """The cached vocabulary of a locale (one query when stale).

    Kept until the content changes in any process (``base.content_cache``), so a page
    unpublished or restricted elsewhere takes its words out of every process's suggestions.
    """
    version = content_version()
    cached = _vocabularies.get(locale_id)
    if cached and cached[0] > time.monotonic() and cached[1] == version:
        return cached[2]
    words = dict(SearchWord.objects.filter(locale_id=locale_id).values_list("word", "stem"))
    stems = set(words.values())
    vocab = Vocabulary(
        words=words,
        sorted_words=sorted(words),
        stems=stems,
        sorted_stems=sorted(stems),
        reversed_stems=sorted(stem[::-1] for stem in stems),
    )
    with _lock:
        _vocabularies[locale_id] = (time.monotonic() + VOCABULARY_SECONDS, version, vocab)
    return vocab


def _synonym_tables(language: str) -> tuple[dict, dict]:
    """Both views of a language's synonym groups, read and analysed once (then cached):
    {stem: analysed alternatives} and {stem: the other words as editors wrote them}."""
    cached = _synonyms.get(language)
    if cached and cached[0] > time.monotonic():
        return cached[1]
    stems: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    words: dict[str, list[str]] = defaultdict(list)
    for synonym in Synonym.objects.filter(language=language):
        terms = synonym.term_list()
        analysed = [tuple(analyze(term, language)) for term in terms]
        groups = [group for group in analysed if group]
        for term, group in zip(terms, analysed, strict=True):
            if len(group) == 1:
                stems[group[0]].update(other for other in groups if other != group)
                words[group[0]].extend(other for other in terms if other != term)
    tables = (dict(stems), dict(words))
    with _lock:
        _synonyms[language] = (time.monotonic() + VOCABULARY_SECONDS, tables)
    return tables


def synonym_map(language: str) -> dict[str, set[tuple[str, ...]]]:
    """{stem: analysed alternatives} from the editors' synonym groups of a language."""
    return _synonym_tables(language)[0]


def synonym_words(language: str) -> dict[str, list[str]]:
    """{stem of a one-word synonym: the other words of its groups, as editors wrote them}.

    The Elasticsearch path sends words (Elasticsearch analyses them itself).
    """
    return _synonym_tables(language)[1]


def forget_synonyms(**kwargs) -> None:
    """Drop cached synonyms (connected to the Synonym model's save and delete signals)."""
    with _lock:
        _synonyms.clear()


# --- query analysis -------------------------------------------------------------------------


def _starting_with(sorted_items: list[str], prefix: str, limit: int) -> list[str]:
    start = bisect.bisect_left(sorted_items, prefix)
    found = []
    for item in sorted_items[start:]:
        if not item.startswith(prefix) or len(found) >= limit:
            break
        found.append(item)
    return found


def _closest_words(word: str, vocab: Vocabulary) -> list[str]:
    """Known words within one edit (two for long words) of ``word``, closest first."""
    if len(word) < MIN_EXPAND_LENGTH:
        return []
    max_distance = 1 if len(word) < 8 else 2
    matches = process.extract(
        word,
        vocab.sorted_words,
        scorer=Levenshtein.distance,
        score_cutoff=max_distance,
        limit=3,
    )
    return [match for match, _distance, _index in sorted(matches, key=lambda m: (m[1], m[0]))]


@dataclass
class QueryWord:
    """One word of the query with the index terms it may match and their factors."""

    word: str
    terms: dict[str, float]
    correction: str = ""


def _add(terms: dict[str, float], term: str, factor: float) -> None:
    if factor > terms.get(term, 0.0):
        terms[term] = factor


def analyse_query(query: str, language: str, locale_id: int) -> list[QueryWord]:
    """The query's words with their expansions in ``language`` and German."""
    languages = [language] if language == SOURCE_LANGUAGE else [language, SOURCE_LANGUAGE]
    vocab = vocabulary(locale_id)
    words = []
    for token in tokenize(query)[:MAX_QUERY_WORDS]:
        stems = [analyze(token, lang) for lang in languages]
        # A stop word in the visitor's language or in German ("where", "wo") matches nothing.
        if not all(stems):
            continue
        word = QueryWord(token, {})
        base = {lang: lang_stems[0] for lang, lang_stems in zip(languages, stems, strict=True)}
        for stem in base.values():
            _add(word.terms, stem, EXACT)
        if not any(stem in vocab.stems for stem in base.values()):
            # An unknown word: a typo of a known one? Its stem counts a little less.
            for close in _closest_words(token, vocab):
                _add(word.terms, vocab.words[close], FUZZY)
                word.correction = word.correction or close
        for lang, stem in base.items():
            for group in synonym_map(lang).get(stem, ()):
                _add(word.terms, " ".join(group[:2]), SYNONYM)
        if word.correction:
            for group in synonym_map(language).get(vocab.words[word.correction], ()):
                _add(word.terms, " ".join(group[:2]), SYNONYM * FUZZY)
        for stem, factor in list(word.terms.items()):
            # The typed word decides ("Kurs" → "kur" still expands), a tiny stem never does.
            if " " in stem or len(token) < MIN_EXPAND_LENGTH or len(stem) < 3:
                continue
            for longer in _starting_with(vocab.sorted_stems, stem, MAX_EXPANSIONS):
                _add(word.terms, longer, factor * PREFIX)
            for reversed_longer in _starting_with(vocab.reversed_stems, stem[::-1], MAX_EXPANSIONS):
                _add(word.terms, reversed_longer[::-1], factor * SUFFIX)
        words.append(word)
    return words


def _phrase_terms(words: list[QueryWord]) -> set[str]:
    """Two-word terms of adjacent query words (exact stems only): the phrase bonus."""
    pairs = set()
    for first, second in zip(words, words[1:], strict=False):
        for a, fa in first.terms.items():
            for b, fb in second.terms.items():
                if fa == EXACT and fb == EXACT and " " not in a + b:
                    pairs.add(f"{a} {b}")
    return pairs


def word_alternatives(words: list[QueryWord], language: str) -> list[list[str]]:
    """Per query word: the typed word, then its synonyms (visitor's language and German, as
    editors wrote them), its "did you mean" correction and the project's own stems of all
    of these (matched exactly in the ``analysed_terms`` field), for Elasticsearch. Typos are
    also left to Elasticsearch's own fuzzy matching."""
    languages = [language] if language == SOURCE_LANGUAGE else [language, SOURCE_LANGUAGE]
    alternatives = []
    for word in words:
        found = [word.word]
        for lang in languages:
            stems = analyze(word.word, lang)
            if len(stems) == 1:
                found += synonym_words(lang).get(stems[0], [])
        if word.correction:
            found.append(word.correction)
        found += sorted(
            term for term, factor in word.terms.items() if factor >= FUZZY and " " not in term
        )
        alternatives.append(list(dict.fromkeys(found)))
    return alternatives


# --- search ----------------------------------------------------------------------------------


def search_listings(
    raw: str,
    filters: DirectoryFilters | None = None,
    locale: Locale | None = None,
) -> SearchResults:
    """Listings in the visitor's language matching ``raw``, best first, narrowed by filters.

    Each listing appears once, as it exists in ``locale`` (its translation, else the alias
    showing the German text). An empty query returns every matching listing by title.
    """
    query = clean_query(raw)
    locale = locale or Locale.get_active()
    language = locale.language_code.split("-")[0]
    filters = filters or DirectoryFilters()
    if not query:
        return SearchResults(query, filter_listings(locale, filters), language=language)

    words = analyse_query(query, language, locale.id)
    suggestion = ""
    if any(word.correction for word in words):
        suggestion = " ".join(word.correction or word.word for word in words)
    if not words:
        return SearchResults(query, [], suggestion, language)
    if settings.ELASTICSEARCH_URL:
        try:
            found = search_elasticsearch(word_alternatives(words, language), locale)
        except ElasticsearchUnavailable as error:
            logger.warning("Elasticsearch unavailable, searching the database: %s", error)
        else:
            ids = filter_listings(locale, filters, found)
            return SearchResults(query, ids, suggestion, language)

    lookup: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for index, word in enumerate(words):
        for term, factor in word.terms.items():
            lookup[term].append((index, factor))
    phrases = _phrase_terms(words)
    # Which listings are live, public and current is known in memory (directory.facets).
    live = snapshot(locale).position
    rows = ListingTerm.objects.filter(locale=locale, term__in=[*lookup, *phrases]).values_list(
        "page_id", "term", "weight"
    )

    # Per query word: the best match counts fully, further matches (other fields' words,
    # compounds) a little; adjacent words found together add half their weight.
    best: dict[int, list[float]] = {}
    extra: dict[int, float] = defaultdict(float)
    for page_id, term, weight in rows:
        if page_id not in live:
            continue
        if term in phrases:
            extra[page_id] += PHRASE_FACTOR * weight
        scores = best.setdefault(page_id, [0.0] * len(words))
        for index, factor in lookup.get(term, ()):
            score = weight * factor
            extra[page_id] += MORE_MATCHES_FACTOR * min(score, scores[index])
            scores[index] = max(scores[index], score)
    ranked = sorted(
        best,
        key=lambda page_id: (
            -sum(1 for score in best[page_id] if score > 0),
            -(sum(best[page_id]) + extra[page_id]),
            page_id,
        ),
    )
    if filters.active:
        ranked = filter_listings(locale, filters, ranked)
    return SearchResults(query, ranked, suggestion, language)


def suggest(raw: str, locale: Locale | None = None, limit: int = 8) -> list[str]:
    """Completions of the last word of ``raw`` from the locale's indexed words."""
    query = clean_query(raw)
    locale = locale or Locale.get_active()
    tokens = tokenize(query)
    if not tokens or len(tokens[-1]) < 2:
        return []
    vocab = vocabulary(locale.id)
    head = " ".join(tokens[:-1])
    completions = _starting_with(vocab.sorted_words, tokens[-1], 200)
    completions.sort(key=lambda word: (len(word), word))
    return [f"{head} {word}".strip() for word in completions[:limit]]


def search_form(text: str, language: str) -> tuple[str, ...]:
    """The words of ``text`` as the search compares them in ``language``.

    Each word normalised (case, diacritics, Arabic and Persian letter variants: ة/ه,
    ا/أ/إ, ي/ى/ی) and stemmed, so a trailing plural or case ending falls away
    ("Kurse" = "kurs", "courses" = "course"). Stop words are kept: they are typed words.
    """
    return tuple(stem_word(token, language) for token in tokenize(text))


def related_searches(query: str, locale: Locale | None = None, limit: int = 6) -> list[str]:
    """Completions of ``query`` that search for something else ("Related searches").

    A completion is a related search only when its ``search_form`` in the visitor's
    language differs from the query's and from every related search before it: the
    query itself, a spelling of it ("تعلم الالمانيه" for "تعلم الألمانية") or its plural
    ("learn courses" for "learn course") is never offered. A longer word with a stem of
    its own is a different word and stays ("learn germany" for "learn german").
    """
    locale = locale or Locale.get_active()
    seen = {search_form(query, locale.language_code)}
    related = []
    for text in suggest(query, locale, limit=limit * 4):
        form = search_form(text, locale.language_code)
        if form in seen:
            continue
        seen.add(form)
        related.append(text)
        if len(related) == limit:
            break
    return related


# --- log of searches without results ---------------------------------------------------------


def record_failed_search(query: str, language: str) -> None:
    """Count a search that found nothing: normalised text, language and day only."""
    text = " ".join(normalize(clean_query(query)).split())[:MAX_QUERY_LENGTH]
    if not text:
        return
    day = timezone.localdate()
    updated = FailedSearch.objects.filter(query=text, language=language, day=day).update(
        count=F("count") + 1
    )
    if updated:
        return
    try:
        with transaction.atomic():
            FailedSearch.objects.create(query=text, language=language, day=day, count=1)
    except IntegrityError:
        FailedSearch.objects.filter(query=text, language=language, day=day).update(
            count=F("count") + 1
        )


# --- distance --------------------------------------------------------------------------------


def parse_position(lat: str, lon: str) -> tuple[float, float] | None:
    """A (latitude, longitude) pair from request parameters, or None if invalid."""
    try:
        latitude, longitude = float(lat), float(lon)
    except (TypeError, ValueError):
        return None
    if not (math.isfinite(latitude) and math.isfinite(longitude)):
        return None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    return latitude, longitude


def distances_km(ids: list[int], position: tuple[float, float]) -> dict[int, float]:
    """{listing id: km to its nearest location} for listings with coordinates (one query)."""
    nearest: dict[int, float] = {}
    rows = ListingLocation.objects.filter(
        page_id__in=ids, latitude__isnull=False, longitude__isnull=False
    ).values_list("page_id", "latitude", "longitude")
    for page_id, lat, lon in rows:
        km = distance_km(position[0], position[1], float(lat), float(lon))
        nearest[page_id] = min(km, nearest.get(page_id, km))
    return nearest


def sort_by_distance(ids: list[int], distances: dict[int, float]) -> list[int]:
    """Nearest first; listings without coordinates keep their order at the end."""
    order = {page_id: position for position, page_id in enumerate(ids)}
    return sorted(ids, key=lambda i: (i not in distances, distances.get(i, 0.0), order[i]))
