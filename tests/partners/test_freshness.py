"""One click confirms a listing in every language; reminders at 11 months go exactly to the
editors of those listings; at 12 months the public page warns and the report lists it."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import WorkflowState

from directory.factories import ServicePageFactory
from directory.models import ListingPage
from partners.freshness import send_review_reminders
from tests.partners.conftest import copies, edit_form_data

pytestmark = pytest.mark.django_db


def age(listing, days):
    """Pretend ``listing`` was last checked ``days`` ago (in every language)."""
    date = timezone.localdate() - datetime.timedelta(days=days)
    ListingPage.objects.filter(translation_key=listing.translation_key).update(last_reviewed=date)
    return date


def test_still_correct_covers_every_language_in_one_click(client, world):
    age(world.listing_a, 400)
    client.force_login(world.editor_a)
    response = client.post(f"/admin/partners/still-correct/{world.listing_a.id}/")
    assert response.status_code == 302
    today = timezone.localdate()
    for page in copies(world.listing_a):
        assert page.last_reviewed == today, page.locale
        assert not page.is_stale()
    # The date survives a later edit from the latest revision.
    latest = ListingPage.objects.get(id=world.listing_a.id).get_latest_revision_as_object()
    assert latest.last_reviewed == today
    # Every language's public page shows it without the outdated notice.
    for page in copies(world.listing_a):
        html = client.get(page.url).content.decode()
        assert "data-stale" not in html, page.locale


def test_cards_show_the_confirmation_at_once(client, world):
    age(world.listing_a, 400)
    organisation = world.listing_a.get_parent()
    # The organisation page's cards are rendered once and then kept (directory.cards).
    assert "data-stale" in client.get(organisation.url).content.decode()
    client.force_login(world.editor_a)
    client.post(f"/admin/partners/still-correct/{world.listing_a.id}/")
    client.logout()
    assert "data-stale" not in client.get(organisation.url).content.decode()


def test_still_correct_is_refused_for_another_partners_listing(client, world):
    old = age(world.listing_b, 400)
    client.force_login(world.editor_a)
    for page in copies(world.listing_b):
        response = client.post(f"/admin/partners/still-correct/{page.id}/")
        assert response.status_code in (302, 403, 404)
    assert {p.last_reviewed for p in copies(world.listing_b)} == {old}
    assert client.get(f"/admin/partners/still-correct/{world.listing_a.id}/").status_code == 405


def test_reminders_go_exactly_to_the_editors_of_listings_due(world, django_user_model):
    fresh_b = ServicePageFactory(parent=world.org_b, title="Frisch")
    age(world.listing_a, 340)  # due: over 11 months
    age(fresh_b, 300)  # not due yet
    age(world.listing_b, 100)
    second_editor = django_user_model.objects.create_user("editor-a2", "a2@example.org", "x")
    second_editor.groups.add(world.partner_a.group)
    mail.outbox.clear()
    call_command("send_review_reminders", stdout=__import__("io").StringIO())
    recipients = sorted(address for m in mail.outbox for address in m.to)
    assert recipients == sorted([world.editor_a.email, "a2@example.org"])
    assert all("Migrationsberatung A" in m.body for m in mail.outbox)
    assert not any("Frisch" in m.body for m in mail.outbox)
    # A daily run does not repeat the reminder at once.
    mail.outbox.clear()
    assert send_review_reminders() == {}
    assert mail.outbox == []


def test_reminders_repeat_after_a_month_until_confirmed(world):
    age(world.listing_a, 340)
    send_review_reminders()
    mail.outbox.clear()
    later = timezone.localdate() + datetime.timedelta(days=31)
    from partners.models import ReviewReminder

    ReviewReminder.objects.update(sent_at=timezone.now() - datetime.timedelta(days=31))
    assert world.editor_a.email in send_review_reminders(today=later)


def test_outdated_notice_appears_at_twelve_months_in_every_language(client, world):
    age(world.listing_a, 364)
    for page in copies(world.listing_a):
        assert "data-stale" not in client.get(page.url).content.decode(), page.locale
    age(world.listing_a, 365)
    for page in copies(world.listing_a):
        assert "data-stale" in client.get(page.url).content.decode(), page.locale


def test_stale_report_lists_listings_at_twelve_months_for_coordinators_only(client, world):
    age(world.listing_a, 366)
    age(world.listing_b, 200)
    client.force_login(world.coordinator)
    html = client.get("/admin/reports/stale-listings/").content.decode()
    assert f'data-stale-listing="{world.listing_a.id}"' in html
    assert f'data-stale-listing="{world.listing_b.id}"' not in html
    client.force_login(world.editor_a)
    assert client.get("/admin/reports/stale-listings/").status_code in (302, 403)


def test_partner_cannot_date_information_checked_into_the_future(client, world):
    """Attack: a partner saved "information checked on" 2029 and the reminders went silent."""
    old = age(world.listing_a, 400)
    data = edit_form_data(client, world.editor_a, world.listing_a, last_reviewed="2029-01-01")
    client.force_login(world.editor_a)
    client.post(f"/admin/pages/{world.listing_a.id}/edit/", {**data, "action-submit": "1"})
    latest = ListingPage.objects.get(id=world.listing_a.id).get_latest_revision_as_object()
    assert latest.last_reviewed == old
    assert {p.last_reviewed for p in copies(world.listing_a)} == {old}


def test_a_future_date_is_never_stored(world):
    listing = ListingPage.objects.get(id=world.listing_a.id)
    listing.last_reviewed = timezone.localdate() + datetime.timedelta(days=1000)
    listing.save()
    listing.refresh_from_db()
    assert listing.last_reviewed == timezone.localdate()


def test_an_approved_version_counts_as_checked_today_in_every_language(client, world):
    age(world.listing_a, 400)
    data = edit_form_data(client, world.editor_a, world.listing_a, title="Neu geprüft")
    client.force_login(world.editor_a)
    client.post(f"/admin/pages/{world.listing_a.id}/edit/", {**data, "action-submit": "1"})
    assert {p.last_reviewed for p in copies(world.listing_a)} != {timezone.localdate()}
    listing = ListingPage.objects.get(id=world.listing_a.id)
    state = WorkflowState.objects.for_instance(listing).get(status=WorkflowState.STATUS_IN_PROGRESS)
    client.force_login(world.coordinator)
    response = client.post(
        f"/admin/pages/workflow/action/{listing.id}/approve/{state.current_task_state.id}/",
        {"comment": ""},
    )
    assert response.status_code == 302
    for page in copies(world.listing_a):
        assert page.title == "Neu geprüft" or page.locale.language_code == "ar"
        assert page.last_reviewed == timezone.localdate(), page.locale
