"""The search page, its index and its admin report on a small site (no demo needed)."""

import pytest
from django.contrib.auth.models import Permission, User
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Locale

from directory.models import ActionField, ListingActionField, ServicePage
from search.indexing import rebuild_index
from search.models import FailedSearch, ListingTerm, Synonym
from search.query import MAX_QUERY_LENGTH, clean_query, search_listings

pytestmark = pytest.mark.django_db


def publish_listing(organisation, title, summary, action_codes=("sprache",), **fields):
    """A service built in memory with its action fields and published, as the admin does."""
    locale = organisation.locale
    links = [
        ListingActionField(action_field=ActionField.objects.get(code=code, locale=locale))
        for code in action_codes
    ]
    page = ServicePage(title=title, summary=summary, action_field_links=links, **fields)
    organisation.add_child(instance=page)
    page.save_revision().publish()
    return page


def found(query, language="de"):
    return search_listings(query, locale=Locale.objects.get(language_code=language)).ids


def test_a_published_listing_is_found_by_its_action_field_label_at_once(organisation):
    page = publish_listing(organisation, "Offene Sprechstunde", "Fragen aller Art.")
    # "Sprache" is only in the action field, which reaches the index with the first save.
    assert found("Sprache") == [page.id]
    assert found("Caritas") == [page.id]


def test_draft_changes_do_not_reach_the_search_until_published(organisation):
    page = publish_listing(organisation, "Nähcafé", "Nähen und reden.")
    page.title = "Geheimes Treffen"
    page.save_revision()
    assert found("Geheimes") == []
    assert found("Nähcafé") == [page.id]
    page.get_latest_revision().publish()
    assert found("Geheimes") == [page.id]


def test_an_unpublished_listing_is_not_found(organisation):
    page = publish_listing(organisation, "Fahrradwerkstatt", "Räder reparieren.")
    page.unpublish()
    assert found("Fahrradwerkstatt") == []


def test_renaming_the_organisation_updates_its_listings(organisation):
    page = publish_listing(organisation, "Kleiderkammer", "Kleidung für alle.")
    organisation.title = "Diakonie Mitteldeutschland"
    organisation.save_revision().publish()
    assert found("Diakonie") == [page.id]


def test_inflected_forms_and_german_compounds_meet(organisation):
    page = publish_listing(organisation, "Deutschkurse am Abend", "Für Berufstätige.")
    assert found("Deutschkurs") == [page.id]
    assert found("Deutsch") == [page.id]
    assert found("Kurs") == [page.id]


def test_all_words_rank_before_any_word(organisation):
    both = publish_listing(organisation, "Mietrecht Beratung", "Hilfe beim Mietvertrag.")
    one = publish_listing(organisation, "Beratung Schule", "Für Eltern.")
    assert found("Mietrecht Beratung")[:2] == [both.id, one.id]


def test_editors_synonyms_apply_to_the_next_query(organisation):
    page = publish_listing(organisation, "Nachhilfe Mathematik", "Für Schulkinder.")
    assert found("Lernhilfe") == []
    Synonym.objects.create(language="de", terms="Nachhilfe, Lernhilfe")
    assert found("Lernhilfe") == [page.id]


def test_seeded_synonyms_link_jobcenter_and_buergergeld(organisation):
    page = publish_listing(organisation, "Hilfe beim Bürgergeld", "Anträge ausfüllen.")
    assert found("Jobcenter") == [page.id]


def test_rebuilding_the_index_gives_the_same_rows(organisation):
    publish_listing(organisation, "Frauencafé", "Treffpunkt für Frauen.")
    before = sorted(ListingTerm.objects.values_list("page_id", "term", "weight"))
    assert rebuild_index() == 1
    assert sorted(ListingTerm.objects.values_list("page_id", "term", "weight")) == before


# --- bad input ------------------------------------------------------------------------------

BAD_QUERIES = [
    "",
    " ",
    "a" * 1_000_000,
    "Kurs " * 200_000,
    "\x00\x01\x1f\x7f",
    '"Deutsch',
    "Deutsch*",
    'NEAR(Deutsch Kurs) OR "x" AND -y',
    "'; DROP TABLE wagtailcore_page; --",
    "<script>alert(1)</script>",
    "%_\\~>",
    "\u202eevil\u200f",
    "💥" * 500,
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_queries_give_a_page_never_an_error(client, organisation, query):
    publish_listing(organisation, "Deutschkurs", "Deutsch lernen.")
    response = client.get("/de/suche/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert len(response.context["query"]) <= MAX_QUERY_LENGTH
    suggestions = client.get("/de/suche/vorschlaege/", {"q": query})
    assert suggestions.status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"q": "Kurs", "page": "-1"},
        {"q": "Kurs", "page": "1000000000"},
        {"q": "Kurs", "page": "abc"},
    ],
)
def test_impossible_page_numbers_are_a_clear_400(client, organisation, params):
    response = client.get("/de/suche/", params)
    assert response.status_code == 400
    assert "10000" in response.content.decode()


def test_a_page_past_the_end_shows_the_last_page(client, organisation):
    publish_listing(organisation, "Deutschkurs", "Deutsch lernen.")
    response = client.get("/de/suche/", {"q": "Deutschkurs", "page": "7"})
    assert response.status_code == 200
    assert response.context["result_count"] == 1


def test_unknown_filters_and_positions_are_ignored_with_a_notice(client, organisation):
    publish_listing(organisation, "Deutschkurs", "Deutsch lernen.")
    response = client.get(
        "/de/suche/",
        {"q": "Deutschkurs", "action_field": "nonsense", "free": "maybe", "lat": "nan", "lon": "x"},
    )
    assert response.status_code == 200
    assert response.context["result_count"] == 1
    assert "action_field=nonsense" in response.context["filters"].ignored


def test_the_query_is_echoed_escaped_and_cut_at_200_characters(client, organisation):
    query = "<b>x</b>" + "y" * 500
    response = client.get("/de/suche/", {"q": query})
    html = response.content.decode()
    assert "<b>x</b>" not in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html
    assert response.context["query"] == query[:200]


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.text(max_size=300))
def test_any_text_searches_without_an_error(organisation, text):
    cleaned = clean_query(text)
    assert len(cleaned) <= MAX_QUERY_LENGTH
    search_listings(text, locale=organisation.locale)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.text(alphabet=st.sampled_from(list("\"'*()~\\<>%:^-+ NEARORANDnot ä€ك\x00\t")), max_size=60)
)
def test_query_syntax_of_every_backend_is_harmless_on_the_page(client, organisation, text):
    response = client.get("/de/suche/", {"q": text})
    assert response.status_code == 200


# --- searches without results ---------------------------------------------------------------


def test_a_search_without_results_is_logged_without_personal_data(client, organisation):
    client.get("/de/suche/", {"q": "  Zzyzx  Quux "}, REMOTE_ADDR="203.0.113.9")
    client.get("/de/suche/", {"q": "zzyzx quux"})
    row = FailedSearch.objects.get()
    assert (row.query, row.language, row.count) == ("zzyzx quux", "de", 2)
    field_names = {f.name for f in FailedSearch._meta.get_fields()}
    assert field_names == {"id", "query", "language", "day", "count"}


def test_a_search_with_filters_and_no_results_is_not_logged(client, organisation):
    client.get("/de/suche/", {"q": "zzyzx", "free": "1"})
    assert not FailedSearch.objects.exists()


def test_coordinators_see_searches_without_results_in_the_admin(client, organisation):
    FailedSearch.objects.create(query="wohngeld antrag", language="ar", day="2026-01-05", count=3)
    user = User.objects.create_user("coordinator", password="pw", is_staff=True)  # noqa: S106
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_failedsearch"),
    )
    client.force_login(user)
    response = client.get("/admin/reports/failed-searches/")
    assert response.status_code == 200
    assert "wohngeld antrag" in response.content.decode()


def test_editors_without_the_permission_cannot_see_the_report(client, organisation):
    user = User.objects.create_user("editor", password="pw", is_staff=True)  # noqa: S106
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get("/admin/reports/failed-searches/")
    assert response.status_code in (302, 403)
