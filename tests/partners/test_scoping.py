"""Partner A cannot touch partner B's organisation or listings, in any language, through
the real admin views; it can work on its own in every language, but not publish."""

import pytest
from wagtail.models import Page, PageLogEntry
from wagtail_localize.models import Translation

from base.i18n import ensure_synced_locale
from tests.partners.conftest import copies, edit_form_data

pytestmark = pytest.mark.django_db

REFUSED = (302, 403, 404)


def snapshot(*pages):
    """What must not change: every language version's title, state, place and revisions."""
    rows = []
    for page in pages:
        for copy in copies(page):
            copy.refresh_from_db()
            rows.append(
                (
                    copy.id,
                    copy.title,
                    copy.live,
                    copy.path,
                    copy.alias_of_id,
                    copy.latest_revision_id,
                    copy.has_unpublished_changes,
                )
            )
    return sorted(rows), Page.objects.count(), Translation.objects.count()


def refused(response):
    """Wagtail answers PermissionDenied with a redirect to the dashboard; others 403/404."""
    if response.status_code == 302:
        return "/admin/pages/" not in response["Location"] or response["Location"] == "/admin/"
    return response.status_code in REFUSED


def test_partner_edits_own_listing_and_organisation_in_every_language(client, world):
    client.force_login(world.editor_a)
    for page in [*copies(world.listing_a), *copies(world.org_a)]:
        response = client.get(f"/admin/pages/{page.id}/edit/")
        assert response.status_code == 200, page.locale
        assert page.permissions_for_user(world.editor_a).can_edit(), page.locale


def test_partner_cannot_open_edit_or_preview_other_partners_pages_in_any_language(client, world):
    targets = [*copies(world.listing_b), *copies(world.org_b)]
    assert len(targets) == 6  # German, English alias, Arabic translation (or alias)
    data = {
        page.id: edit_form_data(client, world.superuser, page, title="Vandalised")
        for page in targets
    }
    before = snapshot(world.listing_b, world.org_b)
    client.force_login(world.editor_a)
    for page in targets:
        base = f"/admin/pages/{page.id}"
        assert refused(client.get(f"{base}/edit/")), page.locale
        for action in ({}, {"action-submit": "1"}, {"action-publish": "1"}):
            response = client.post(f"{base}/edit/", {**data[page.id], **action})
            assert refused(response), (page.locale, action)
        assert refused(client.post(f"{base}/edit/preview/", data[page.id])), page.locale
        assert refused(client.get(f"{base}/view_draft/")), page.locale
    assert snapshot(world.listing_b, world.org_b) == before


def test_partner_cannot_unpublish_move_delete_copy_or_translate_other_partners_pages(client, world):
    targets = [*copies(world.listing_b), *copies(world.org_b)]
    before = snapshot(world.listing_b, world.org_b)
    client.force_login(world.editor_a)
    for page in targets:
        base = f"/admin/pages/{page.id}"
        assert refused(client.post(f"{base}/unpublish/")), page.locale
        assert refused(client.post(f"{base}/delete/")), page.locale
        destination = world.org_a.get_translation(page.locale)
        assert refused(client.post(f"{base}/move/{destination.id}/confirm/")), page.locale
        assert refused(
            client.post(
                f"{base}/copy/",
                {"new_title": "Copy", "new_slug": "copy", "new_parent_page": destination.id},
            )
        ), page.locale
        assert refused(client.post(f"{base}/lock/")), page.locale
        assert refused(
            client.post(f"/admin/localize/submit/page/{page.id}/", {"locales": [world.english.id]})
        ), page.locale
    assert snapshot(world.listing_b, world.org_b) == before


def test_partner_cannot_add_listings_under_another_organisation(client, world):
    client.force_login(world.editor_a)
    for org in copies(world.org_b):
        response = client.get(f"/admin/pages/add/directory/servicepage/{org.id}/")
        assert refused(response), org.locale
    assert not PageLogEntry.objects.filter(user=world.editor_a).exists()


def test_partner_cannot_publish_own_listing_directly(client, world):
    data = edit_form_data(client, world.editor_a, world.listing_a, title="Neuer Titel")
    client.force_login(world.editor_a)
    client.post(f"/admin/pages/{world.listing_a.id}/edit/", {**data, "action-publish": "1"})
    world.listing_a.refresh_from_db()
    assert world.listing_a.title == "Migrationsberatung A"


def test_rights_follow_a_language_added_later(client, world):
    persian = ensure_synced_locale("fa")
    own = world.listing_a.get_translation(persian)
    other = world.listing_b.get_translation(persian)
    assert own.permissions_for_user(world.editor_a).can_edit()
    assert not other.permissions_for_user(world.editor_a).can_edit()
    client.force_login(world.editor_a)
    assert client.get(f"/admin/pages/{own.id}/edit/").status_code == 200
    assert refused(client.get(f"/admin/pages/{other.id}/edit/"))


def test_partner_menu_shows_only_what_they_need(client, world):
    client.force_login(world.editor_a)
    html = client.get("/admin/").content.decode()
    for hidden in ('"name": "reports"', '"name": "snippets"', '"name": "settings"'):
        assert hidden not in html
    assert "Migrationsberatung A" in html
    assert "Migrationsberatung B" not in html
    assert f"/admin/pages/{world.org_a.id}/" in html  # "My organisation" opens their subtree
    assert client.get(f"/admin/pages/{world.org_a.id}/").status_code == 200
