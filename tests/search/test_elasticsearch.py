"""Elasticsearch: index settings, mappings and query bodies for real (no server needed),
the fallback to the database against a closed loopback port, and, when
``ELASTICSEARCH_URL`` is set, searching a live cluster."""

import logging
import socket
import time

import pytest
from django.conf import settings
from django.test import override_settings
from wagtail.models import Locale
from wagtail.search import index
from wagtail.search.backends import get_search_backend

from directory.models import ListingPage
from search.backends import listing_query
from search.es_config import LANGUAGE_ANALYZERS, backend_name, elasticsearch_backends
from search.query import search_listings
from tests.search.test_search_page import publish_listing

pytestmark = pytest.mark.django_db
LANGUAGES = ("de", "en", "ar", "fa", "uk", "ru", "tr")


def closed_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def backends_at(url: str) -> dict:
    return {
        "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": True},
        **elasticsearch_backends(url, "test_", LANGUAGES, 0.5),
    }


@pytest.fixture
def dead_elasticsearch():
    url = f"http://127.0.0.1:{closed_port()}"
    with override_settings(ELASTICSEARCH_URL=url, WAGTAILSEARCH_BACKENDS=backends_at(url)):
        yield url


def test_each_language_has_its_own_index_and_analyzer(dead_elasticsearch):
    for language in LANGUAGES:
        backend = get_search_backend(backend_name(language))
        analysis = backend.settings["settings"]["analysis"]["analyzer"]
        assert analysis["default"] == {"type": LANGUAGE_ANALYZERS[language]}
        # Wagtail's own analyzers for autocomplete stay in place next to the default.
        assert "edgengram_analyzer" in analysis
        index = backend.get_index_for_model(ListingPage)
        assert index.name == f"test_{language}_wagtailcore_page"
        assert backend.timeout == 0.5


def test_the_listing_mapping_has_the_searchable_fields(dead_elasticsearch):
    backend = get_search_backend(backend_name("de"))
    mapping = backend.mapping_class(ListingPage).get_mapping()
    properties = mapping["properties"]
    field_names = " ".join(properties)
    for name in ("title", "summary", "description"):
        assert name in field_names


def test_the_query_body_asks_for_all_words_then_any_word(dead_elasticsearch):
    backend = get_search_backend(backend_name("ar"))
    bodies = {
        operator: backend.query_compiler_class(
            ListingPage.objects.all(), listing_query(["aufenthaltstitel", "jobcenter"], operator)
        ).get_query()
        for operator in ("and", "or")
    }
    for body in bodies.values():
        match = body["bool"]["must"]["multi_match"]
        assert match["query"] == "aufenthaltstitel jobcenter"
        # Boosted fields (summary, labels) are searched with their boosts.
        assert any("^" in name for name in match["fields"])
        assert body["bool"]["filter"] == {
            "match": {"_django_content_type": "directory.ListingPage"}
        }
    assert bodies["and"]["bool"]["must"]["multi_match"]["operator"] == "and"
    # "or" is Elasticsearch's default: the compiler leaves it out.
    assert bodies["or"]["bool"]["must"]["multi_match"].get("operator", "or") == "or"


def test_each_backend_indexes_only_its_own_language(dead_elasticsearch, organisation):
    page = publish_listing(organisation, "Deutschkurs", "Deutsch lernen.")
    assert get_search_backend(backend_name("de")).accepts(page)
    assert not get_search_backend(backend_name("ar")).accepts(page)


def test_search_falls_back_to_the_database_when_elasticsearch_is_down(
    dead_elasticsearch, organisation, caplog
):
    page = publish_listing(organisation, "Deutschkurs am Abend", "Deutsch lernen.")
    assert page.live
    # What a publish adds while the cluster is down: one refused connection, no retries.
    started = time.monotonic()
    index.insert_or_update_object(page)
    assert time.monotonic() - started < 1.0
    with caplog.at_level(logging.WARNING, logger="search.query"):
        started = time.monotonic()
        ids = search_listings("Deutschkurs", locale=Locale.objects.get(language_code="de")).ids
        assert time.monotonic() - started < 1.0
    assert ids == [page.id]
    assert "Elasticsearch unavailable" in caplog.text


def test_the_search_page_answers_while_elasticsearch_is_down(
    dead_elasticsearch, organisation, client
):
    publish_listing(organisation, "Deutschkurs", "Deutsch lernen.")
    response = client.get("/de/suche/", {"q": "Deutschkurs"})
    assert response.status_code == 200
    assert response.context["result_count"] == 1


@pytest.mark.skipif(
    not settings.ELASTICSEARCH_URL,
    reason="ELASTICSEARCH_URL is not set: no live Elasticsearch to search",
)
def test_a_live_cluster_finds_a_published_listing(organisation):
    from django.core.management import call_command

    page = publish_listing(organisation, "Sprachcafé im Park", "Deutsch üben beim Kaffee.")
    call_command("update_index", verbosity=0)
    get_search_backend(backend_name("de")).get_index_for_model(ListingPage).refresh()
    ids = search_listings("Sprachcafé", locale=Locale.objects.get(language_code="de")).ids
    assert page.id in ids
