"""Public endpoints are rate limited per client address (search, suggestions, the HSDS API,
the sitemap; the correction form in tests/partners/test_corrections.py): over the limit a
429 with Retry-After, a page in the visitor's language or the API's JSON error."""

import json

import pytest
from django.core.cache import cache

from base import ratelimit
from base.i18n import ensure_synced_locale

pytestmark = pytest.mark.django_db

VISITOR = "203.0.113.7"
NEIGHBOUR = "198.51.100.2"
LIMIT = 3
# A moment 10 s into a minute-long window, so 50 s remain until it frees.
WINDOW_START = 1_800_000_000 - 1_800_000_000 % 60


@pytest.fixture(autouse=True)
def low_limits(settings, monkeypatch):
    """Every family allows 3 requests a minute; the clock stands still until a test moves it."""
    cache.clear()
    settings.WEGWEISER_RATE_LIMITS = {
        family: (LIMIT, 60) for family in ("search", "suggestions", "api", "sitemap")
    } | {"correction": (5, 3600)}
    now = {"time": WINDOW_START + 10.0}
    monkeypatch.setattr(ratelimit, "clock", lambda: now["time"])
    yield now
    cache.clear()


@pytest.fixture
def site(organisation):
    """German and Arabic trees (the Arabic one synchronised from German)."""
    ensure_synced_locale("ar")
    return organisation


ENDPOINTS = {
    "search page": "/de/suche/?q=Beratung",
    "search suggestions": "/de/suche/vorschlaege/?q=Ber",
    "HSDS API": "/api/hsds/services",
    "sitemap": "/sitemap.xml",
}


def get(client, url, address=VISITOR, **headers):
    return client.get(url, REMOTE_ADDR=address, **headers)


def use_up(client, url, address=VISITOR, **headers):
    for _ in range(LIMIT):
        assert get(client, url, address, **headers).status_code == 200


@pytest.mark.parametrize("url", ENDPOINTS.values(), ids=ENDPOINTS.keys())
def test_each_public_endpoint_answers_429_with_retry_after_over_its_limit(client, site, url):
    use_up(client, url)
    refused = get(client, url)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "50"


def test_the_api_refuses_in_its_own_json_error_format_with_cors(client, site):
    use_up(client, "/api/hsds/services")
    refused = get(client, "/api/hsds/organizations")  # one limit for the whole API
    assert refused.status_code == 429
    body = json.loads(refused.content)
    assert body["status"] == 429
    assert "50 seconds" in body["error"]
    assert refused["Access-Control-Allow-Origin"] == "*"
    assert "Retry-After" in refused["Access-Control-Expose-Headers"]


def test_suggestions_over_the_limit_are_an_empty_json_list(client, site):
    use_up(client, "/de/suche/vorschlaege/?q=Ber")
    refused = get(client, "/de/suche/vorschlaege/?q=Ber")
    assert refused["Content-Type"] == "application/json"
    assert json.loads(refused.content)["suggestions"] == []


def test_the_refusal_page_is_in_arabic_and_right_to_left_for_arabic_visitors(client, site):
    use_up(client, "/ar/bahth/?q=سكن")
    refused = get(client, "/ar/bahth/?q=سكن")
    assert refused.status_code == 429
    html = refused.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "طلبات كثيرة جدًا" in html
    # The site's own page: header and footer of the base template.
    assert 'class="skip-link"' in html


def test_another_client_address_is_not_affected(client, site):
    use_up(client, "/de/suche/?q=Beratung")
    assert get(client, "/de/suche/?q=Beratung").status_code == 429
    assert get(client, "/de/suche/?q=Beratung", address=NEIGHBOUR).status_code == 200


def test_forged_x_forwarded_for_does_not_dodge_the_limit_without_a_trusted_proxy(client, site):
    statuses = [
        get(
            client, "/de/suche/?q=Beratung", HTTP_X_FORWARDED_FOR=f"198.51.100.{number}"
        ).status_code
        for number in range(LIMIT + 2)
    ]
    assert statuses == [200] * LIMIT + [429] * 2


def test_an_ipv6_client_cannot_dodge_the_limit_by_changing_addresses_in_its_network(client, site):
    statuses = [
        get(client, "/sitemap.xml", address=f"2001:db8:1:2::{number:x}").status_code
        for number in range(1, LIMIT + 2)
    ]
    assert statuses == [200] * LIMIT + [429]


def test_the_counter_resets_when_the_window_ends(client, site, low_limits):
    use_up(client, "/api/hsds/services")
    assert get(client, "/api/hsds/services").status_code == 429
    low_limits["time"] += 49.5
    assert get(client, "/api/hsds/services")["Retry-After"] == "1"
    low_limits["time"] += 0.5  # the next minute begins
    assert get(client, "/api/hsds/services").status_code == 200


def test_signed_in_visitors_are_limited_like_anonymous_ones(client, site, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.org", "x"))
    use_up(client, "/de/suche/?q=Beratung")
    assert get(client, "/de/suche/?q=Beratung").status_code == 429


def test_admin_pages_are_not_rate_limited(client, site, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.org", "x"))
    use_up(client, "/de/suche/?q=Beratung")
    assert [get(client, "/admin/").status_code for _ in range(LIMIT + 2)] == [200] * (LIMIT + 2)


def test_a_limit_of_zero_switches_the_limit_off(client, site, settings):
    settings.WEGWEISER_RATE_LIMITS = {**settings.WEGWEISER_RATE_LIMITS, "sitemap": (0, 60)}
    assert {get(client, "/sitemap.xml").status_code for _ in range(LIMIT + 2)} == {200}


def test_counters_are_kept_under_a_keyed_hash_never_the_address(client, site):
    get(client, "/de/suche/?q=Beratung")
    get(client, "/api/hsds/services", address="2001:db8:1:2::1")
    keys = " ".join(str(key) for key in cache._cache)
    assert "ratelimit:search:" in keys
    for address in (VISITOR, "2001:db8:1:2::", "2001:db8:1:2::1"):
        assert address not in keys
