"""The database goes away under a running server (as in a PostgreSQL restart) and comes back.

The server is gunicorn in its own process, reading the test database through a TCP relay
that this test can cut: cutting closes every open database connection and drops new ones,
which is what the site sees while PostgreSQL restarts. Requests in the gap get a 503 page
in the visitor's language; the next request after the gap is served again, without a
restart of the server.
"""

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection
from wagtail.models import Locale

from tests.conftest import restore_migrated_state

ROOT = Path(__file__).resolve().parents[1]


class CuttableRelay:
    """Relays TCP connections from a loopback port to ``target``; :meth:`cut` severs them."""

    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.open = True
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return
            if not self.open:
                client.close()
                continue
            upstream = socket.create_connection(self.target)
            with self.lock:
                self.sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                try:
                    end.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def cut(self):
        """Sever every relayed connection and drop new ones until :meth:`restore`."""
        self.open = False
        with self.lock:
            for sock in self.sockets:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()
            self.sockets.clear()

    def restore(self):
        self.open = True

    def close(self):
        self.cut()
        self.listener.close()


def fetch(url: str) -> tuple[int, dict, str]:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:  # noqa: S310 (loopback)
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.fixture
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL: the server under test reads the test database from another "
            "process (CI runs this on its PostgreSQL run)"
        )


@pytest.fixture
def migrated(transactional_db):
    """The migrations' rows (locales, root page), which an earlier transactional test's flush
    may have removed."""
    if not Locale.objects.filter(language_code="de").exists():
        restore_migrated_state()


@pytest.fixture
def server_through_relay(postgresql_only, migrated, home_page):
    db = connection.settings_dict
    relay = CuttableRelay((db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432)))
    port = socket.create_server(("127.0.0.1", 0))
    address = port.getsockname()
    port.close()
    user = db["USER"] or "postgres"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wegweiser.settings.test",
        "DATABASE_URL": f"postgres://{user}@127.0.0.1:{relay.port}/{db['NAME']}",
        "DATABASE_CONN_MAX_AGE": "60",  # a broken persistent connection must be replaced too
    }
    server = subprocess.Popen(  # noqa: S603 (our own fixed arguments)
        [sys.executable, "-m", "gunicorn", "wegweiser.wsgi", "--workers", "1"]
        + ["--bind", f"127.0.0.1:{address[1]}", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{address[1]}"
    for _ in range(200):
        try:
            fetch(base + "/healthz")
            break
        except OSError:
            time.sleep(0.1)
    try:
        yield base, relay
    finally:
        server.terminate()
        server.wait(timeout=20)
        relay.close()


def test_a_database_restart_gives_a_503_in_the_visitors_language_and_the_site_recovers(
    server_through_relay,
):
    base, relay = server_through_relay
    assert fetch(base + "/de/")[0] == 200

    relay.cut()
    status, headers, html = fetch(base + "/de/")
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert "Kurz nicht erreichbar" in html and 'lang="de"' in html
    status, _headers, html = fetch(base + "/ar/")
    assert status == 503
    assert 'lang="ar" dir="rtl"' in html
    assert "Briefly unavailable" not in html
    assert fetch(base + "/healthz")[0] == 503

    relay.restore()
    assert fetch(base + "/de/")[0] == 200
    assert fetch(base + "/healthz")[0] == 200
