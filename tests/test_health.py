"""``/healthz`` tells a load balancer whether this server can answer, and what is broken."""

import os

import pytest
from django.test import override_settings

from tests.search.test_elasticsearch import backends_at, closed_port
from wegweiser.settings.base import cache_from_url

pytestmark = pytest.mark.django_db


def test_a_healthy_server_answers_ok_without_being_cached(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert set(response.json()["checks"]) == {"database", "cache", "search"}
    assert "no-cache" in response["Cache-Control"]


def test_an_unreachable_elasticsearch_is_named(client):
    url = f"http://127.0.0.1:{closed_port()}"
    with override_settings(ELASTICSEARCH_URL=url, WAGTAILSEARCH_BACKENDS=backends_at(url)):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert list(response.json()["failing"]) == ["search"]


def test_an_unreachable_cache_is_named(client, caplog):
    url = f"redis://127.0.0.1:{closed_port()}/0"
    caches = {"default": cache_from_url(url)}
    with override_settings(CACHES=caches):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert list(response.json()["failing"]) == ["cache"]
    assert "cache failed" in caplog.text


def test_a_running_redis_cache_is_healthy(client):
    caches = {"default": cache_from_url(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15"))}
    with override_settings(CACHES=caches):
        try:
            response = client.get("/healthz")
        except Exception as error:  # noqa: BLE001
            pytest.fail(f"/healthz raised {error!r}")
    if response.status_code == 503 and not os.environ.get("REQUIRE_REDIS"):
        pytest.skip("No Redis server at 127.0.0.1:6379 (REQUIRE_REDIS=1 makes this a failure).")
    assert response.status_code == 200, response.json()


def test_healthz_only_answers_reads(client):
    assert client.post("/healthz").status_code == 405


@pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="ELASTICSEARCH_URL not set")
def test_a_live_elasticsearch_is_healthy(client):
    assert client.get("/healthz").status_code == 200
