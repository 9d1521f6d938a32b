""" "Related searches" never offer the query again: not as typed, not in another spelling,
not as its plural. The rule (``search.query.search_form``): two texts are the same search
when their words, normalised and stemmed in the visitor's language, are the same."""

import pytest
from wagtail.models import Locale

from base.content_cache import content_changed
from search.analysis import normalize
from search.models import SearchWord
from search.query import related_searches, search_form

pytestmark = pytest.mark.django_db


def known_words(language: str, *words: str) -> Locale:
    """Make ``words`` the public vocabulary of ``language`` (as indexing stores them)."""
    locale = Locale.objects.get_or_create(language_code=language)[0]
    SearchWord.objects.bulk_create(
        SearchWord(locale=locale, word=normalize(word), stem=normalize(word)) for word in words
    )
    content_changed()
    return locale


@pytest.mark.parametrize(
    ("language", "query", "variant"),
    [
        ("en", "learn german", "Learn GERMAN"),
        ("en", "learn course", "learn courses"),
        ("de", "Deutschkurs", "deutschkurse"),
        ("de", "Beratung für Mütter", "beratung fur mutter"),
        ("ar", "تعلم الألمانية", "تعلم الالمانيه"),
        ("ar", "تعلم الإنجليزية", "تعلم الانجليزيه"),
        ("fa", "کلاس زبان", "كلاس زبان"),
        ("tr", "Almanca kurs", "almanca kursları"),
    ],
)
def test_spellings_and_plurals_are_the_same_search(language, query, variant):
    assert search_form(query, language) == search_form(variant, language)


@pytest.mark.parametrize(
    ("language", "query", "other"),
    [
        ("en", "learn german", "learn germany"),
        ("de", "Deutschkurs", "Deutschkursangebot"),
        ("de", "Beratung", "Beratungsstelle"),
        ("ar", "تعلم الألمانية", "تعلم المانيا"),
    ],
)
def test_a_word_with_a_stem_of_its_own_is_another_search(language, query, other):
    assert search_form(query, language) != search_form(other, language)


def test_related_searches_skip_the_query_and_its_plural_in_english():
    locale = known_words("en", "german", "germans", "germany", "learn")
    assert related_searches("learn german", locale) == ["learn germany"]


def test_related_searches_skip_the_arabic_query_in_another_spelling():
    # The example: "تعلم الالمانيه" is "تعلم الألمانية" without hamza and with ه.
    locale = known_words("ar", "الألمانية", "تعلم")
    assert related_searches("تعلم الألمانية", locale) == []
    assert related_searches("تعلم الالمانيه", locale) == []


def test_related_searches_offer_one_text_per_search():
    locale = known_words("de", "deutschkurs", "deutschkurse", "deutschkursen", "deutschkursangebot")
    assert related_searches("Deutschkurs", locale) == ["deutschkursangebot"]
    assert related_searches("Deutsch", locale) == ["deutschkurs", "deutschkursangebot"]


def test_the_search_page_lists_no_related_search_equal_to_the_query(client, home_page):
    known_words("de", "deutschkurs", "deutschkurse", "deutschkursangebot")
    response = client.get("/de/suche/", {"q": "Deutschkurs"})
    assert response.status_code == 200
    html = response.content.decode()
    related = html[html.index('class="completions"') :]
    related = related[: related.index("</nav>")]
    assert response.context["completions"] == ["deutschkursangebot"]
    assert 'href="/de/suche/?q=deutschkursangebot"' in related
    assert '?q=deutschkurse"' not in related and '?q=deutschkurs"' not in related
