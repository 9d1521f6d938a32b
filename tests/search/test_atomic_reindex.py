"""``update_index`` never empties the search: a search in another connection while the
index is rebuilt gets the complete old answer, then the new one after the commit."""

import sqlite3
import threading

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.db.backends.sqlite3.base import DatabaseWrapper
from wagtail.models import Locale

from directory.models import ListingPage
from search.indexing import rebuild_index
from search.query import search_listings
from tests.conftest import restore_migrated_state
from tests.search.test_search_page import publish_listing


@pytest.fixture
def locale_de(transactional_db):
    """The German locale, put back with the other migrated rows when an earlier
    transactional test's flush removed them."""
    if not Locale.objects.filter(language_code="de").exists():
        restore_migrated_state()
    return Locale.objects.get(language_code="de")


def in_another_connection(function):
    """Run ``function`` in a new thread, which Django gives its own database connection."""
    result = {}

    def run():
        try:
            result["value"] = function()
        except Exception as error:  # handed to the test below
            result["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=60)
    if "error" in result:
        raise result["error"]
    return result["value"]


def german_ids(query: str) -> set[int]:
    return set(search_listings(query, locale=Locale.objects.get(language_code="de")).ids)


@pytest.mark.django_db(transaction=True)
def test_a_search_during_update_index_answers_from_the_complete_old_index(organisation):
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip(
            "the in-memory SQLite test database shares one cache between connections, so a "
            "reader is locked out rather than isolated; this runs on PostgreSQL (CI) and the "
            "write-ahead log is tested on a file database below"
        )
    pages = [
        publish_listing(organisation, f"Sprachkurs {name}", "Deutsch lernen.")
        for name in ("Nord", "Süd", "Ost")
    ]
    old = {page.pk for page in pages}
    assert german_ids("Sprachkurs") == old
    # Renamed without a save (no index update): only the rebuild brings the new title in.
    renamed = pages[2].pk
    ListingPage.objects.filter(pk=renamed).update(title="Nähcafé Ost")

    during = []

    def search_meanwhile(done, total):
        if done < total:
            during.append(in_another_connection(lambda: german_ids("Sprachkurs")))

    rebuild_index(batch_size=1, progress=search_meanwhile)
    assert during and all(found == old for found in during)
    assert german_ids("Sprachkurs") == old - {renamed}
    assert german_ids("Nähcafé") == {renamed}


@pytest.mark.django_db(transaction=True)
def test_update_index_rebuilds_the_search_index(organisation):
    page = publish_listing(organisation, "Sprachkurs am Abend", "Deutsch lernen.")
    ListingPage.objects.filter(pk=page.pk).update(title="Nähcafé am Abend")
    assert german_ids("Nähcafé") == set()
    call_command("update_index", verbosity=0)
    assert german_ids("Nähcafé") == {page.pk}


@pytest.mark.django_db
def test_sqlite_readers_are_not_blocked_by_a_rebuild_in_progress(tmp_path, settings):
    """The settings put SQLite in write-ahead-log mode: a long write transaction (the
    rebuild) leaves readers the last committed state instead of locking them out."""
    options = settings.DATABASES["default"].get("OPTIONS", {})
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("SQLite only: PostgreSQL readers are never blocked by writers")
    assert "journal_mode=WAL" in options["init_command"]

    def wrapper():
        params = {**connection.settings_dict, "NAME": str(tmp_path / "wal.sqlite3")}
        params["OPTIONS"] = {**options, "timeout": 0.1}
        return DatabaseWrapper(params, alias="wal_test")

    writer, reader = wrapper(), wrapper()
    try:
        with writer.cursor() as cursor:
            assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            cursor.execute("CREATE TABLE term (word TEXT)")
            cursor.executemany("INSERT INTO term VALUES (%s)", [("alt",)] * 50)
        writer.set_autocommit(False)
        with writer.cursor() as cursor:
            cursor.execute("DELETE FROM term")
            cursor.executemany("INSERT INTO term VALUES (%s)", [("neu",)] * 2000)
        with reader.cursor() as cursor:
            # Not "database is locked": the old, complete rows.
            assert cursor.execute("SELECT word, COUNT(*) FROM term GROUP BY word").fetchall() == [
                ("alt", 50)
            ]
        writer.commit()
        with reader.cursor() as cursor:
            assert cursor.execute("SELECT word, COUNT(*) FROM term GROUP BY word").fetchall() == [
                ("neu", 2000)
            ]
    except sqlite3.OperationalError as error:  # pragma: no cover - the failure to report
        pytest.fail(f"a reader was blocked during a write: {error}")
    finally:
        writer.close()
        reader.close()
