"""Visitors' correction messages stay with those who follow them up, and nothing personal is
kept longer than the retention period (before, every admin user could read the messages
through the snippet chooser and wagtail-localize's snippet API)."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from partners.models import CorrectionSuggestion
from search.models import FailedSearch

pytestmark = pytest.mark.django_db

SECRET = "Frau Musterfrau, Hasselbachplatz 3, bitte zurückrufen"


@pytest.fixture
def suggestion(world):
    return CorrectionSuggestion.objects.create(listing=world.listing_a, message=SECRET)


@pytest.mark.parametrize(
    "url",
    [
        "/admin/snippets/choose/partners/correctionsuggestion/",
        "/admin/snippets/choose/partners/correctionsuggestion/results/",
        "/admin/localize/api/snippets/partners/correctionsuggestion/",
        "/admin/localize/api/snippets/partners/correctionsuggestion/{pk}/",
    ],
)
def test_another_partners_editor_cannot_read_correction_messages(client, world, suggestion, url):
    client.force_login(world.editor_b)
    response = client.get(url.format(pk=suggestion.pk))
    assert response.status_code in (302, 403, 404)
    assert "Musterfrau" not in response.content.decode()


def test_an_organisations_editor_reads_and_closes_the_suggestions_about_its_own_listings(
    client, world, suggestion
):
    client.force_login(world.editor_a)
    listing = client.get("/admin/snippets/partners/correctionsuggestion/")
    assert listing.status_code == 200
    assert "Musterfrau" in listing.content.decode()
    url = f"/admin/snippets/partners/correctionsuggestion/edit/{suggestion.pk}/"
    assert client.get(url).status_code == 200
    client.post(url, {"message": SECRET, "done": "on"})
    assert CorrectionSuggestion.objects.get(pk=suggestion.pk).done


def test_another_partners_editor_can_neither_list_open_nor_close_a_suggestion(
    client, world, suggestion
):
    client.force_login(world.editor_b)
    listing = client.get("/admin/snippets/partners/correctionsuggestion/")
    assert "Musterfrau" not in listing.content.decode()
    base = "/admin/snippets/partners/correctionsuggestion"
    for url in (f"{base}/edit/{suggestion.pk}/", f"{base}/history/{suggestion.pk}/"):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        assert "Musterfrau" not in response.content.decode()
    client.post(f"{base}/edit/{suggestion.pk}/", {"message": "überschrieben", "done": "on"})
    client.post(f"{base}/delete/{suggestion.pk}/")
    unchanged = CorrectionSuggestion.objects.get(pk=suggestion.pk)
    assert (unchanged.message, unchanged.done) == (SECRET, False)


def test_the_title_of_a_suggestion_carries_no_message(suggestion):
    assert "Musterfrau" not in str(suggestion)
    assert suggestion.listing.title in str(suggestion)


def test_coordinators_still_read_and_follow_up_suggestions(client, world, suggestion):
    client.force_login(world.coordinator)
    response = client.get("/admin/snippets/partners/correctionsuggestion/")
    assert response.status_code == 200
    assert "Musterfrau" in response.content.decode()
    api = client.get("/admin/localize/api/snippets/partners/correctionsuggestion/")
    assert api.status_code == 200
    assert "Musterfrau" not in api.content.decode()


def test_personal_data_is_deleted_after_the_retention_period(world, settings):
    settings.WEGWEISER_RETENTION_DAYS = 180
    today = timezone.localdate()
    old = CorrectionSuggestion.objects.create(listing=world.listing_a, message="alt")
    CorrectionSuggestion.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=181)
    )
    recent = CorrectionSuggestion.objects.create(listing=world.listing_a, message="neu")
    FailedSearch.objects.create(query="alt", language="de", day=today - datetime.timedelta(181))
    FailedSearch.objects.create(query="neu", language="de", day=today - datetime.timedelta(179))
    call_command("purge_personal_data", stdout=io.StringIO())
    assert list(CorrectionSuggestion.objects.all()) == [recent]
    assert list(FailedSearch.objects.values_list("query", flat=True)) == ["neu"]
