"""Elasticsearch: one Wagtail backend (and index) per language, with a database fallback.

With ``ELASTICSEARCH_URL`` set, the settings define a backend ``elasticsearch_<lang>`` per
content language (:func:`search.es_config.elasticsearch_backends`): its own
``INDEX_PREFIX`` and that language's analyzer as the index's default analyzer, and each
one indexes only the pages and snippets of its own locale, so a German save talks to one
index only. Timeouts are short and the client does not retry, so a dead cluster costs a
publish at most ``TIMEOUT`` once.

:func:`search_elasticsearch` returns listing ids in ES relevance order or raises
:class:`ElasticsearchUnavailable`; :func:`search.query.search_listings` then logs a warning
and answers the same request from the database index. The query carries the editors'
synonyms and the "did you mean" correction from the project's own analysis
(:func:`search.query.word_alternatives`), asks Elasticsearch for fuzzy matches (typos) and
also searches the German index, whose hits follow as the visitor's language version.
"""

from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9Index,
    Elasticsearch9SearchBackend,
)
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Boost, Fuzzy, Or, PlainText

from base.languages import SOURCE_LANGUAGE
from directory.models import ListingPage
from search import pending
from search.es_config import backend_name
from search.models import PendingIndexUpdate

MAX_HITS = 1000
# Synonyms and corrections count a little less than the word as typed.
ALTERNATIVE_BOOST = 0.9


class ElasticsearchUnavailable(Exception):
    """Elasticsearch could not answer (down, slow or refusing the query)."""


class LocaleIndex(Elasticsearch9Index):
    """An index that keeps only objects of its backend's language."""

    def add_item(self, item):
        if self.backend.accepts(item):
            super().add_item(item)

    def add_items(self, model, items):
        super().add_items(model, [item for item in items if self.backend.accepts(item)])


class LocaleElasticsearchBackend(Elasticsearch9SearchBackend):
    """Wagtail's Elasticsearch 9 backend for the content of one language."""

    index_class = LocaleIndex

    def __init__(self, params):
        self.language = params.pop("LANGUAGE", SOURCE_LANGUAGE)
        self.name = backend_name(self.language)
        super().__init__(params)

    def add(self, obj):
        """Index one object; while the cluster is unreachable, keep the update for later."""
        if self.accepts(obj):
            self._or_keep([obj], PendingIndexUpdate.INDEX, self.add_now, obj)

    def add_bulk(self, model, obj_list):
        objects = [obj for obj in obj_list if self.accepts(obj)]
        if objects:
            self._or_keep(objects, PendingIndexUpdate.INDEX, super().add_bulk, model, objects)

    def delete(self, obj):
        if self.accepts(obj):
            self._or_keep([obj], PendingIndexUpdate.DELETE, self.delete_now, obj)

    def add_now(self, obj):
        """Index one object, raising when the cluster does not answer (the replay's path)."""
        super().add(obj)

    def delete_now(self, obj):
        """Remove one object from the index, raising when the cluster does not answer."""
        super().delete(obj)

    def _or_keep(self, objects, action, write, *args):
        # Saves, publications and imports must go on while the cluster is down: what it
        # could not take waits in the database (search.pending) and is replayed later.
        try:
            write(*args)
        except Exception as error:
            if not pending.is_unreachable(error):
                raise
            pending.record(self.name, objects, action, error)

    def accepts(self, item) -> bool:
        """Objects of this language; objects without a locale go to the source language."""
        locale_id = getattr(item, "locale_id", None)
        if locale_id is None:
            return self.language == SOURCE_LANGUAGE
        from wagtail.models import Locale

        language = Locale.objects.filter(id=locale_id).values_list("language_code", flat=True)
        return language.first() == self.language


SearchBackend = LocaleElasticsearchBackend


def listing_query(alternatives: list[list[str]], operator: str):
    """The query the project sends for the visitor's words.

    ``alternatives`` holds, per query word, the typed word first and then its synonyms
    and correction. Each word matches as typed, fuzzily (typos; Elasticsearch's
    ``fuzziness: AUTO``) or through an alternative (a little lower). ``operator="and"``
    asks for every word, ``"or"`` for any.
    """
    per_word = []
    for typed, *others in alternatives:
        parts = [PlainText(typed), Fuzzy(typed)]
        parts += [Boost(PlainText(other), ALTERNATIVE_BOOST) for other in others]
        per_word.append(Or(parts))
    if len(per_word) == 1:
        return per_word[0]
    return And(per_word) if operator == "and" else Or(per_word)


def _search_index(language: str, alternatives: list[list[str]]) -> list[int]:
    """Listing ids from one language's index, best first: all words, then any word."""
    backend = get_search_backend(backend_name(language))
    ids: dict[int, None] = {}
    operators = ("and", "or") if len(alternatives) > 1 else ("and",)
    for operator in operators:
        results = backend.search(
            listing_query(alternatives, operator), ListingPage, order_by_relevance=True
        )
        for page in results[:MAX_HITS]:
            ids.setdefault(page.pk, None)
    return list(ids)


def search_elasticsearch(alternatives: list[list[str]], locale) -> list[int]:
    """Listing page ids of ``locale``, best first, or :class:`ElasticsearchUnavailable`.

    Matches in the visitor's language come first; then listings whose German source text
    matches (German official words typed in any interface), as their version in
    ``locale``.
    """
    from elastic_transport import TransportError
    from elasticsearch import ApiError

    language = locale.language_code.split("-")[0]
    try:
        ids = _search_index(language, alternatives)
        german = _search_index(SOURCE_LANGUAGE, alternatives) if language != SOURCE_LANGUAGE else []
    except (TransportError, ApiError) as error:
        raise ElasticsearchUnavailable(str(error)) from error
    seen = set(ids)
    ids += [i for i in in_locale(german, locale) if i not in seen]
    return ids


def in_locale(ids: list[int], locale) -> list[int]:
    """The versions in ``locale`` (translation or alias) of listings ``ids``, in their order."""
    if not ids:
        return []
    keys = dict(ListingPage.objects.filter(id__in=ids).values_list("id", "translation_key"))
    local = dict(
        ListingPage.objects.filter(
            locale=locale, translation_key__in=set(keys.values())
        ).values_list("translation_key", "id")
    )
    found = (local.get(keys.get(listing_id)) for listing_id in ids)
    return list(dict.fromkeys(i for i in found if i is not None))
