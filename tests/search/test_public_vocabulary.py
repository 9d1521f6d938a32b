"""Suggestions and "did you mean" know only words of live, public pages (issue 11, item 7).

Each attack plants a secret word where visitors must not read it (a draft, a pending
revision, a private or offline page) and asks the public search for it the way a visitor
would: the suggestions endpoint and the "did you mean" of the search page.
"""

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings
from wagtail.models import Locale, PageViewRestriction

from directory.models import ServicePage
from search.indexing import rebuild_index
from search.models import ListingWord, SearchWord
from search.query import analyse_query, word_alternatives
from tests.search.test_elasticsearch import backends_at, closed_port
from tests.search.test_search_page import publish_listing

pytestmark = pytest.mark.django_db

SECRET = "Zauberkessel"


def suggested(client, typed, language="de"):
    """What the search box offers a visitor typing ``typed``."""
    response = client.get(f"/{language}/suche/vorschlaege/", {"q": typed})
    assert response.status_code == 200
    return response.json()["suggestions"]


def did_you_mean(client, typed, language="de"):
    """The "did you mean" the search page shows for ``typed`` ("" when none)."""
    # The German path answers every language, by way of the page's own path.
    response = client.get(f"/{language}/suche/", {"q": typed}, follow=True)
    assert response.status_code == 200
    return response.context["suggestion"]


def is_public(client, word=SECRET):
    """Whether any public way of the search reveals ``word``."""
    lowered = word.lower()
    typo = lowered[:-1] + "x"
    return lowered in suggested(client, lowered[:5]) or did_you_mean(client, typo) == lowered


def test_a_published_listing_gives_its_words_to_suggestions_and_did_you_mean(client, organisation):
    publish_listing(organisation, f"{SECRET} Beratung", "Offene Sprechstunde.")
    assert "zauberkessel" in suggested(client, "zaube")
    assert did_you_mean(client, "zauberkesxel") == "zauberkessel"


def test_attack_secret_word_in_an_unpublished_draft_is_never_suggested(client, organisation):
    draft = ServicePage(title=f"{SECRET} Treffen", summary="Noch nicht veröffentlicht.", live=False)
    organisation.add_child(instance=draft)
    draft.save_revision()
    assert not draft.live
    assert not is_public(client)
    # The words are kept for the page, ready for the day it is published.
    assert ListingWord.objects.filter(page=draft, word="zauberkessel").exists()
    draft.get_latest_revision().publish()
    assert is_public(client)


def test_attack_secret_word_in_a_pending_revision_is_never_suggested(client, organisation):
    page = publish_listing(organisation, "Nähcafé", "Nähen und reden.")
    page.title = f"{SECRET} Nähcafé"
    page.save_revision()
    assert not is_public(client)
    assert "nähcafe" in suggested(client, "nähc")


def test_attack_unpublishing_a_listing_takes_its_secret_words_out(client, organisation):
    page = publish_listing(organisation, f"{SECRET} Werkstatt", "Räder reparieren.")
    publish_listing(organisation, "Fahrradwerkstatt", "Räder reparieren.")
    assert is_public(client)
    page.unpublish()
    assert not is_public(client)
    # A word another public page still has stays.
    assert "reparieren" in suggested(client, "repar")


@pytest.mark.parametrize("restriction", ["password", "groups", "login"])
def test_attack_secret_word_of_a_private_listing_is_never_suggested(
    client, organisation, restriction
):
    page = publish_listing(organisation, f"{SECRET} Kreis", "Nur für Eingeladene.")
    assert is_public(client)
    private = PageViewRestriction.objects.create(
        page=page,
        restriction_type=restriction,
        password="geheim-genug",  # noqa: S106
    )
    if restriction == "groups":
        private.groups.add(Group.objects.create(name="Eingeladene"))
    assert not is_public(client)
    private.delete()
    assert is_public(client)


def test_attack_secret_word_below_a_private_organisation_is_never_suggested(client, organisation):
    publish_listing(organisation, f"{SECRET} Kreis", "Nur für Mitglieder.")
    PageViewRestriction.objects.create(page=organisation, restriction_type="login")
    assert not is_public(client)


def test_attack_secret_word_below_an_offline_organisation_is_never_suggested(client, organisation):
    page = publish_listing(organisation, f"{SECRET} Kreis", "Offen für alle.")
    organisation.unpublish()
    page.refresh_from_db()
    assert page.live
    assert not is_public(client)


def test_attack_secret_word_of_a_deleted_listing_is_no_longer_suggested(client, organisation):
    page = publish_listing(organisation, f"{SECRET} Kreis", "Offen für alle.")
    assert is_public(client)
    page.delete()
    assert not is_public(client)


def test_rebuilding_the_index_keeps_drafts_out_of_the_vocabulary(client, organisation):
    publish_listing(organisation, "Sprachcafé", "Deutsch üben.")
    draft = ServicePage(title=f"{SECRET} Treffen", summary="Entwurf.", live=False)
    organisation.add_child(instance=draft)
    rebuild_index()
    assert not is_public(client)
    assert SearchWord.objects.filter(word="sprachcafe").exists()
    assert ListingWord.objects.filter(page=draft, word="zauberkessel").exists()


def test_attack_secret_word_reaches_no_elasticsearch_query_of_a_private_page(organisation):
    page = publish_listing(organisation, f"{SECRET} Kreis", "Nur für Eingeladene.")
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    german = Locale.objects.get(language_code="de")
    url = f"http://127.0.0.1:{closed_port()}"
    with override_settings(ELASTICSEARCH_URL=url, WAGTAILSEARCH_BACKENDS=backends_at(url)):
        words = analyse_query("zauberkesxel", "de", german.id)
        # The correction Elasticsearch would be sent comes from the same public vocabulary.
        sent = {term for alternatives in word_alternatives(words, "de") for term in alternatives}
    assert not any("zauberkessel" in term for term in sent)
    assert not any(word.correction for word in words)
