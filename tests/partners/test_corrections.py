"""The public "suggest a correction" form: stored, sent to that organisation's editors and
the coordinators, protected against spam and floods, and without storing addresses."""

import time
from ipaddress import ip_network

import pytest
from django.core import mail, signing

from partners.forms import FORM_STARTED_SALT
from partners.models import CorrectionSuggestion

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(german_world):
    """These tests do not depend on languages."""
    return german_world


def started(seconds_ago=10):
    return signing.dumps(time.time() - seconds_ago, salt=FORM_STARTED_SALT)


def suggest(client, listing, **fields):
    data = {"message": "Die Telefonnummer stimmt nicht.", "started": started(), **fields}
    return client.post(f"/de/korrektur/{listing.id}/", data, REMOTE_ADDR="203.0.113.7")


def test_listing_page_offers_the_correction_form(client, world):
    html = client.get(world.listing_a.url).content.decode()
    assert f'action="/de/korrektur/{world.listing_a.id}/"' in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_suggestion_reaches_that_organisations_editors_and_the_coordinators(client, world):
    mail.outbox.clear()
    response = suggest(client, world.listing_a, contact="0391 1234")
    assert response.status_code == 302
    assert "correction=thanks" in response["Location"]
    suggestion = CorrectionSuggestion.objects.get()
    assert suggestion.listing_id == world.listing_a.id
    recipients = sorted(address for m in mail.outbox for address in m.to)
    assert recipients == sorted([world.editor_a.email, world.coordinator.email])
    assert all("Die Telefonnummer stimmt nicht." in m.body for m in mail.outbox)
    follow = client.get(response["Location"]).content.decode()
    assert "Thank you" in follow or "Danke" in follow


def test_no_address_of_the_visitor_is_stored(client, world):
    suggest(client, world.listing_a)
    stored = CorrectionSuggestion.objects.values().get()
    assert "203.0.113.7" not in repr(stored)
    field_names = {f.name for f in CorrectionSuggestion._meta.get_fields()}
    assert not field_names & {"ip", "ip_address", "remote_addr"}


def test_honeypot_and_too_fast_posts_are_dropped(client, world):
    assert suggest(client, world.listing_a, website="http://spam.example").status_code == 400
    assert suggest(client, world.listing_a, started=started(seconds_ago=0)).status_code == 400
    assert suggest(client, world.listing_a, started="forged").status_code == 400
    assert suggest(client, world.listing_a, message="").status_code == 400
    assert not CorrectionSuggestion.objects.exists()


def test_suggestions_are_rate_limited_per_address(client, world):
    for _ in range(5):
        assert suggest(client, world.listing_a).status_code == 302
    refused = suggest(client, world.listing_a)
    assert refused.status_code == 429
    # The hour's window is at most an hour away.
    assert 1 <= int(refused["Retry-After"]) <= 3600
    assert CorrectionSuggestion.objects.count() == 5
    other = client.post(
        f"/de/korrektur/{world.listing_a.id}/",
        {"message": "Anderer Besucher", "started": started()},
        REMOTE_ADDR="198.51.100.2",
    )
    assert other.status_code == 302


def test_only_post_and_only_live_listings(client, world):
    assert client.get(f"/de/korrektur/{world.listing_a.id}/").status_code == 405
    world.listing_a.unpublish()
    assert suggest(client, world.listing_a).status_code == 404


def test_csrf_is_enforced(world):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert suggest(strict, world.listing_a).status_code == 403


def test_behind_a_proxy_the_configured_header_tells_visitors_apart(client, world, settings):
    settings.WEGWEISER_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    for _ in range(5):
        suggest(client, world.listing_a)
    response = client.post(
        f"/de/korrektur/{world.listing_a.id}/",
        {"message": "Über den Proxy", "started": started()},
        REMOTE_ADDR="203.0.113.7",
        HTTP_X_REAL_IP="198.51.100.44",
    )
    assert response.status_code == 302


def test_correction_limit_cannot_be_dodged_with_a_made_up_forwarded_for(client, world, settings):
    """The correction form's limit counts the same address as login throttling: a bot
    behind our proxy that invents a new X-Forwarded-For entry per post is still one client."""
    settings.WEGWEISER_TRUSTED_PROXIES = [ip_network("10.0.0.1/32")]
    url = f"/de/korrektur/{world.listing_a.id}/"
    form_started = started()
    statuses = [
        client.post(
            url,
            {"message": f"Spam {number}", "started": form_started},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{number}, 203.0.113.5",
        ).status_code
        for number in range(1, 8)
    ]
    assert statuses == [302] * 5 + [429] * 2
