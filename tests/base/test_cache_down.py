"""Redis, the shared cache, stopped while the site runs: pages are still served, the outage
is logged, and the cache is used again as soon as Redis is back (no restart)."""

import os
import shutil
import socket
import subprocess
import time

import pytest
import redis
from django.core.cache import cache
from django.test import override_settings

from base.content_cache import VERSION_KEY
from directory.factories import ServicePageFactory
from wegweiser.settings.base import cache_from_url


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """A private ``redis-server`` on a free loopback port, which a test can stop and start."""

    def __init__(self, binary: str):
        self.binary = binary
        self.port = free_port()
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 (our own fixed arguments)
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)

    def keys(self) -> list[bytes]:
        return redis.Redis(port=self.port).keys("*")


@pytest.fixture
def redis_server():
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("REQUIRE_REDIS") == "1":
            pytest.fail("redis-server is not installed (REQUIRE_REDIS=1 forbids skipping)")
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    server = RedisServer(binary)
    server.start()
    yield server
    if server.process.poll() is None:
        server.stop()


@pytest.fixture
def site(organisation):
    """A German directory with one partner and one live service."""
    ServicePageFactory(parent=organisation, title="Sprachcafé am Hasselbachplatz")
    return organisation


PAGES = [
    "/de/",
    "/de/angebote/",
    "/de/suche/?q=Sprachcaf%C3%A9",
    "/api/hsds/services",
    "/sitemap.xml",
    "/admin/login/",
]


def answers(client) -> dict[str, int]:
    return {url: client.get(url).status_code for url in PAGES}


@pytest.mark.django_db
def test_pages_are_served_while_redis_is_stopped_and_the_cache_returns_with_it(
    client, site, redis_server, caplog
):
    caches = {"default": cache_from_url(redis_server.url)}
    caches["default"]["OPTIONS"] = {"RETRY_AFTER_SECONDS": 0.2}
    with override_settings(CACHES=caches):
        assert answers(client) == dict.fromkeys(PAGES, 200)
        assert any(VERSION_KEY in key.decode() for key in redis_server.keys())

        redis_server.stop()
        assert answers(client) == dict.fromkeys(PAGES, 200)
        # A failed sign-in is still answered (the throttle counts nothing while Redis is down).
        response = client.post("/admin/login/", {"username": "nobody", "password": "wrong"})
        assert response.status_code == 200
        assert "does not answer" in caplog.text
        assert "Sprachcafé am Hasselbachplatz" in client.get("/de/suche/?q=Sprachcafe").text

        redis_server.start()  # an empty Redis, as after a restart
        time.sleep(0.3)  # past RETRY_AFTER_SECONDS: the next request asks Redis again
        assert client.get("/de/").status_code == 200
        assert any(VERSION_KEY in key.decode() for key in redis_server.keys())
        assert "answers again" in caplog.text
    cache.clear()
