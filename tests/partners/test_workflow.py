"""Partner edits go live only after a coordinator approves; trusted partners publish."""

import pytest
from django.core import mail
from wagtail.models import Page, WorkflowPage, WorkflowState

from directory.models import DirectoryIndexPage
from partners.roles import WORKFLOW_NAME
from tests.partners.conftest import copies, edit_form_data

pytestmark = pytest.mark.django_db


def submit(client, user, page, **changes):
    data = edit_form_data(client, user, page, **changes)
    client.force_login(user)
    response = client.post(f"/admin/pages/{page.id}/edit/", {**data, "action-submit": "1"})
    assert response.status_code == 302
    client.logout()


def current_task_state(page):
    state = WorkflowState.objects.for_instance(page).get(status=WorkflowState.STATUS_IN_PROGRESS)
    return state.current_task_state


def test_every_language_directory_is_under_partner_review(world):
    for directory in DirectoryIndexPage.objects.all():
        assert WorkflowPage.objects.get(page=directory).workflow.name == WORKFLOW_NAME
    for page in copies(world.listing_a):
        assert page.get_workflow().name == WORKFLOW_NAME


def test_partner_edit_goes_live_only_after_coordinator_approves(client, world):
    mail.outbox.clear()
    submit(client, world.editor_a, world.listing_a, title="Migrationsberatung A (neu)")
    listing = Page.objects.get(id=world.listing_a.id)
    assert listing.title == "Migrationsberatung A"
    assert listing.workflow_in_progress
    submission_mails = {address for m in mail.outbox for address in m.to}
    assert world.coordinator.email in submission_mails
    assert world.editor_b.email not in submission_mails
    assert "Migrationsberatung A (neu)" not in client.get(listing.url).content.decode()

    mail.outbox.clear()
    client.force_login(world.coordinator)
    task_state = current_task_state(listing)
    response = client.post(
        f"/admin/pages/workflow/action/{listing.id}/approve/{task_state.id}/",
        {"comment": "Passt."},
    )
    assert response.status_code == 302
    listing.refresh_from_db()
    assert listing.title == "Migrationsberatung A (neu)"
    assert listing.live and not listing.has_unpublished_changes
    assert "Migrationsberatung A (neu)" in client.get(listing.url).content.decode()
    assert world.editor_a.email in {address for m in mail.outbox for address in m.to}
    # The English alias follows the approved German page.
    english = Page.objects.get(translation_key=listing.translation_key, locale=world.english)
    assert english.title == "Migrationsberatung A (neu)"


def test_coordinator_can_request_changes_with_a_comment(client, world):
    submit(client, world.editor_a, world.listing_a, title="Falscher Titel")
    client.force_login(world.coordinator)
    task_state = current_task_state(world.listing_a)
    response = client.post(
        f"/admin/pages/workflow/action/{world.listing_a.id}/reject/{task_state.id}/",
        {"comment": "Bitte Öffnungszeiten ergänzen."},
    )
    assert response.status_code == 302
    world.listing_a.refresh_from_db()
    assert world.listing_a.title == "Migrationsberatung A"
    task_state.refresh_from_db()
    assert task_state.status == "rejected"
    assert task_state.comment == "Bitte Öffnungszeiten ergänzen."


def test_partner_cannot_approve_own_submission(client, world):
    submit(client, world.editor_a, world.listing_a, title="Selbst freigegeben")
    client.force_login(world.editor_a)
    task_state = current_task_state(world.listing_a)
    client.post(f"/admin/pages/workflow/action/{world.listing_a.id}/approve/{task_state.id}/")
    world.listing_a.refresh_from_db()
    assert world.listing_a.title == "Migrationsberatung A"


def test_trusted_partner_publishes_directly_in_every_language(client, world):
    world.partner_a.may_publish_directly = True
    world.partner_a.save()
    for page in copies(world.listing_a):
        assert page.permissions_for_user(world.editor_a).can_publish(), page.locale
    assert not world.listing_b.permissions_for_user(world.editor_a).can_publish()
    data = edit_form_data(client, world.editor_a, world.listing_a, title="Sofort online")
    client.force_login(world.editor_a)
    client.post(f"/admin/pages/{world.listing_a.id}/edit/", {**data, "action-publish": "1"})
    world.listing_a.refresh_from_db()
    assert world.listing_a.title == "Sofort online"

    world.partner_a.may_publish_directly = False
    world.partner_a.save()
    editor = type(world.editor_a).objects.get(pk=world.editor_a.pk)  # no cached rights
    assert not world.listing_a.permissions_for_user(editor).can_publish()


def test_coordinators_see_who_changed_what(client, world):
    submit(client, world.editor_a, world.listing_a, title="Geändert")
    client.force_login(world.coordinator)
    response = client.get(f"/admin/pages/{world.listing_a.id}/history/")
    assert response.status_code == 200
    assert "editor-a" in response.content.decode()


def test_coordinator_trusts_a_partner_in_the_admin_and_cannot_add_partners(client, world):
    client.force_login(world.coordinator)
    assert client.get("/admin/snippets/partners/partner/").status_code == 200
    assert client.get("/admin/snippets/partners/partner/add/").status_code in (302, 403)
    response = client.post(
        f"/admin/snippets/partners/partner/edit/{world.partner_a.pk}/",
        {"may_publish_directly": "on"},
    )
    assert response.status_code == 302
    world.partner_a.refresh_from_db()
    assert world.partner_a.may_publish_directly
    editor = type(world.editor_a).objects.get(pk=world.editor_a.pk)
    assert world.listing_a.permissions_for_user(editor).can_publish()
    client.force_login(world.editor_a)
    response = client.post(
        f"/admin/snippets/partners/partner/edit/{world.partner_b.pk}/",
        {"may_publish_directly": "on"},
    )
    world.partner_b.refresh_from_db()
    assert not world.partner_b.may_publish_directly
