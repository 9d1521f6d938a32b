"""Elasticsearch: index settings, mappings and query bodies for real (no server needed),
the fallback to the database against a closed loopback port, and, when
``ELASTICSEARCH_URL`` is set, searching a live cluster."""

import json
import logging
import socket

import pytest
from django.conf import settings
from django.test import override_settings
from wagtail.models import Locale
from wagtail.search import index
from wagtail.search.backends import get_search_backend

from directory.models import ListingPage
from search.analysis import analyze
from search.backends import in_locale, listing_query
from search.es_config import LANGUAGE_ANALYZERS, backend_name, elasticsearch_backends
from search.models import Synonym
from search.query import analyse_query, search_listings, word_alternatives
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
    analysed = next(value for key, value in properties.items() if "analysed_terms" in key)
    assert analysed["analyzer"] == analysed["search_analyzer"] == "whitespace"
    # The organisation's name is searched with the lowest boost (given at query time).
    body = json.dumps(compiled("de", listing_query([["caritas"]], "and")))
    assert '"boost": 0.5' in body


def test_the_analysed_field_holds_the_projects_stems(dead_elasticsearch, organisation, locale_en):
    page = publish_listing(organisation, "Integrationskurse für Frauen", "Deutsch lernen.")
    terms = page.analysed_terms().split()
    for word in ("Integrationskurse", "Frauen", "lernen", "Caritas"):
        assert analyze(word, "de")[0] in terms, word
    english = page.copy_for_translation(locale_en, copy_parents=True)
    english.title = "Integration courses for women"
    english.save_revision().publish()
    terms = ListingPage.objects.get(id=english.id).specific.analysed_terms().split()
    # The English words, and the German source text (German words in every interface).
    assert analyze("women", "en")[0] in terms
    assert analyze("Integrationskurse", "de")[0] in terms


def compiled(language, query):
    backend = get_search_backend(backend_name(language))
    return backend.query_compiler_class(ListingPage.objects.all(), query).get_query()


def match_texts(body) -> list[tuple[str, bool]]:
    """(query text, fuzzy?) of every match clause in a compiled query body."""
    found = []
    if isinstance(body, dict):
        for key, value in body.items():
            if key in ("match", "multi_match") and isinstance(value, dict):
                clause = value if key == "multi_match" else next(iter(value.values()))
                if isinstance(clause, dict):  # not the content type filter
                    found.append((clause["query"], clause.get("fuzziness") == "AUTO"))
            else:
                found += match_texts(value)
    elif isinstance(body, list):
        for item in body:
            found += match_texts(item)
    return found


def test_the_query_body_asks_for_all_words_then_any_word(dead_elasticsearch):
    alternatives = [["aufenthaltstitel"], ["jobcenter"]]
    bodies = {
        operator: compiled("ar", listing_query(alternatives, operator))
        for operator in ("and", "or")
    }
    for operator, body in bodies.items():
        texts = match_texts(body)
        # Each word as typed and fuzzily (typos), in every searched field.
        for word in ("aufenthaltstitel", "jobcenter"):
            assert (word, False) in texts and (word, True) in texts, operator
        assert body["bool"]["filter"] == {
            "match": {"_django_content_type": "directory.ListingPage"}
        }
    # All words: one "must" per word; any word: "should" only.
    assert '"must"' in json.dumps(bodies["and"]["bool"]["must"])
    assert '"must"' not in json.dumps(bodies["or"]["bool"]["must"])


def test_the_query_carries_the_editors_synonyms_and_the_correction(dead_elasticsearch):
    Synonym.objects.create(language="de", terms="Deutschkurs, Sprachkurs, Integrationskurs")
    Synonym.objects.create(language="ar", terms="دورة لغة, درس")
    german = Locale.objects.get(language_code="de")
    arabic = Locale.objects.get_or_create(language_code="ar")[0]

    words = analyse_query("Deutschkurs", "de", german.id)
    alternatives = word_alternatives(words, "de")
    # The typed word (normalised), then the other words of its group as editors wrote them,
    # then the project's stems of all three (for the whitespace-analysed field).
    assert alternatives[0][:3] == ["deutschkurs", "Sprachkurs", "Integrationskurs"]
    stems = {analyze(word, "de")[0] for word in ("Deutschkurs", "Sprachkurs", "Integrationskurs")}
    assert stems <= set(alternatives[0])
    texts = match_texts(compiled("de", listing_query(alternatives, "and")))
    assert {"deutschkurs", "Sprachkurs", "Integrationskurs"} <= {text for text, _f in texts}
    # The typed word is also matched fuzzily; synonyms are not blurred further.
    assert ("deutschkurs", True) in texts and ("Sprachkurs", True) not in texts

    # In the Arabic interface the German synonyms apply too (German official words).
    words = analyse_query("Deutschkurs درس", "ar", arabic.id)
    alternatives = word_alternatives(words, "ar")
    assert alternatives[0][0] == "deutschkurs" and "Integrationskurs" in alternatives[0]
    assert alternatives[1][:2] == ["درس", "دورة لغة"]


def test_a_typo_sends_the_closest_indexed_word_too(dead_elasticsearch, organisation):
    publish_listing(organisation, "Integrationskurs am Abend", "Deutsch lernen.")
    german = Locale.objects.get(language_code="de")
    words = analyse_query("Intgrationskurs", "de", german.id)
    alternatives = word_alternatives(words, "de")
    assert alternatives[0][:2] == ["intgrationskurs", "integrationskurs"]
    assert analyze("Integrationskurs", "de")[0] in alternatives[0]


def test_german_hits_are_shown_as_the_visitors_language_version(organisation, locale_en):
    first = publish_listing(organisation, "Beratung zum Aufenthaltstitel", "Aufenthalt.")
    second = publish_listing(organisation, "Jobcenter-Sprechstunde", "Bürgergeld.")
    english = first.copy_for_translation(locale_en, copy_parents=True)
    english.title = "Residence permit counselling"
    english.save_revision().publish()

    # The translation stands in for its German source; a listing without one is left out.
    assert in_locale([second.id, first.id], locale_en) == [english.id]
    assert in_locale([second.id, first.id], organisation.locale) == [second.id, first.id]
    assert in_locale([], locale_en) == []


def test_each_backend_indexes_only_its_own_language(dead_elasticsearch, organisation):
    page = publish_listing(organisation, "Deutschkurs", "Deutsch lernen.")
    assert get_search_backend(backend_name("de")).accepts(page)
    assert not get_search_backend(backend_name("ar")).accepts(page)


def test_search_falls_back_to_the_database_when_elasticsearch_is_down(
    dead_elasticsearch, organisation, caplog
):
    page = publish_listing(organisation, "Deutschkurs am Abend", "Deutsch lernen.")
    assert page.live
    # A publish while the cluster is down does not fail (its cost is measured in bench/).
    index.insert_or_update_object(page)
    with caplog.at_level(logging.WARNING, logger="search.query"):
        ids = search_listings("Deutschkurs", locale=Locale.objects.get(language_code="de")).ids
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
