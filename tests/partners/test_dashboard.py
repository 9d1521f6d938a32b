"""The partner's dashboard panel: own listings, their state in every language, one click."""

import pytest

pytestmark = pytest.mark.django_db


def test_dashboard_lists_own_listings_with_status_translations_and_review_date(client, world):
    client.force_login(world.editor_a)
    html = client.get("/admin/").content.decode()
    assert f'data-partner-listing="{world.listing_a.id}"' in html
    assert f'data-partner-listing="{world.listing_b.id}"' not in html
    assert 'data-state="live"' in html
    assert "ar:" in html and "en:" in html
    assert f"/admin/partners/still-correct/{world.listing_a.id}/" in html


def test_coordinators_get_no_partner_panel(client, world):
    client.force_login(world.coordinator)
    html = client.get("/admin/").content.decode()
    assert "data-partner-listing" not in html
