"""Elasticsearch: one Wagtail backend (and index) per language, with a database fallback.

With ``ELASTICSEARCH_URL`` set, the settings define a backend ``elasticsearch_<lang>`` per
content language (:func:`search.es_config.elasticsearch_backends`): its own
``INDEX_PREFIX`` and that language's analyzer as the index's default analyzer, and each
one indexes only the pages and snippets of its own locale, so a German save talks to one
index only. Timeouts are short and the client does not retry, so a dead cluster costs a
publish at most ``TIMEOUT`` once.

:func:`search_elasticsearch` returns listing ids in ES relevance order or raises
:class:`ElasticsearchUnavailable`; :func:`search.query.search_listings` then logs a warning
and answers the same request from the database index.
"""

from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9Index,
    Elasticsearch9SearchBackend,
)
from wagtail.search.backends import get_search_backend
from wagtail.search.query import PlainText

from search.es_config import backend_name

SOURCE_LANGUAGE = "de"
MAX_HITS = 1000


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
        super().__init__(params)

    def accepts(self, item) -> bool:
        """Objects of this language; objects without a locale go to the source language."""
        locale_id = getattr(item, "locale_id", None)
        if locale_id is None:
            return self.language == SOURCE_LANGUAGE
        from wagtail.models import Locale

        language = Locale.objects.filter(id=locale_id).values_list("language_code", flat=True)
        return language.first() == self.language


SearchBackend = LocaleElasticsearchBackend


def listing_query(words: list[str], operator: str):
    """The query object the project sends: the visitor's words, all (``and``) or any."""
    return PlainText(" ".join(words), operator=operator)


def search_elasticsearch(words: list[str], language: str) -> list[int]:
    """Listing page ids of ``language``'s index, best first: all words, then any word."""
    from elastic_transport import TransportError
    from elasticsearch import ApiError

    from directory.models import ListingPage

    backend = get_search_backend(backend_name(language))
    ids: list[int] = []
    try:
        for operator in ("and", "or"):
            results = backend.search(
                listing_query(words, operator), ListingPage, order_by_relevance=True
            )
            for page in results[:MAX_HITS]:
                if page.pk not in ids:
                    ids.append(page.pk)
    except (TransportError, ApiError) as error:
        raise ElasticsearchUnavailable(str(error)) from error
    return ids
