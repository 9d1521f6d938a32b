"""``manage.py backup`` and ``restore``: a round trip into an empty database, and refusals.

The content is small and built here: ``setup_site`` (seven languages), an HSDS import (listings
with their copies in every language), a published revision, a translation, an editor's
account, an image and a document. The restore runs as an operator runs it: a separate
process whose ``DATABASE_URL`` names a new, empty database (a SQLite file, or on PostgreSQL a
database created for the test) and whose ``MEDIA_ROOT`` is an empty folder. That process then
describes what it restored and serves pages from it.
"""

import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import textwrap
from pathlib import Path

import psycopg
import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import StringTranslation, Translation

from base.backup import MANIFEST
from directory.models import ListingPage
from tests.base.test_media_storage import png_bytes
from tests.conftest import forget_cached_content, restore_migrated_state

ROOT = Path(__file__).resolve().parents[2]
HSDS_FILE = ROOT / "tests" / "fixtures" / "hsds-small.json"
POSTGRESQL = connection.vendor == "postgresql"


def pg_tools_present() -> bool:
    return bool(shutil.which("pg_dump") and shutil.which("pg_restore"))


needs_tools = pytest.mark.skipif(
    POSTGRESQL and not pg_tools_present() and os.environ.get("REQUIRE_BACKUP_TOOLS") != "1",
    reason="pg_dump and pg_restore are not installed (Debian: postgresql-client); "
    "REQUIRE_BACKUP_TOOLS=1 makes this a failure",
)


def snapshot(media_root: str) -> dict:
    """What a restore must bring back, comparable between two databases."""
    pages = Page.objects.order_by("pk").values_list(
        "pk", "title", "url_path", "locale__language_code", "live", "latest_revision_id"
    )
    media = Path(media_root)
    return {
        "pages": [list(row) for row in pages],
        "listings": sorted(ListingPage.objects.values_list("pk", "title")),
        "revisions": Revision.objects.count(),
        "translations": Translation.objects.count(),
        "string translations": sorted(StringTranslation.objects.values_list("pk", "data")),
        "locales": sorted(Locale.objects.values_list("language_code", flat=True)),
        "users": sorted(get_user_model().objects.values_list("username", "password", "email")),
        "images": sorted(Image.objects.values_list("title", "file")),
        "documents": sorted(Document.objects.values_list("title", "file")),
        "files": {
            path.relative_to(media).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(media.rglob("*"))
            if path.is_file()
        },
    }


RESTORE_AND_SERVE = textwrap.dedent(
    """
    import json, sys
    import django
    django.setup()
    from django.conf import settings
    from django.core.management import CommandError, call_command
    from django.test import Client
    from tests.base.test_backup import snapshot

    archive, listing_url = sys.argv[1], sys.argv[2]
    call_command("restore", archive, verbosity=0)
    result = {"snapshot": snapshot(settings.MEDIA_ROOT)}
    try:
        call_command("restore", archive, verbosity=0)
    except CommandError as error:
        result["second restore"] = str(error)
    client = Client()
    result["pages"] = {}
    for url in ["/de/", "/ar/", listing_url]:
        response = client.get(url)
        result["pages"][url] = [response.status_code, response.content.decode()]
    print(json.dumps(result))
    """
)


@pytest.fixture
def media(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def content(transactional_db, media):
    """A small site, committed (the backup reads what other connections see)."""
    if not Locale.objects.filter(language_code="de").exists():
        restore_migrated_state()  # an earlier transactional test's flush removed them
    forget_cached_content()
    call_command("setup_site", network_name="Netzwerk Musterstadt", verbosity=0)
    call_command("import_hsds", str(HSDS_FILE), verbosity=0, stdout=io.StringIO())
    listing = ListingPage.objects.filter(locale__language_code="de").live().first().specific
    listing.title = f"{listing.title} (geprüft)"
    listing.save_revision().publish()
    get_user_model().objects.create_user("editor", "editor@example.org", "a long password 1")
    Image.objects.create(title="Flyer", file=ContentFile(png_bytes(), name="flyer.png"))
    Document.objects.create(title="Satzung", file=ContentFile(b"%PDF-1.4\n", name="satzung.pdf"))
    yield listing
    forget_cached_content()


@pytest.fixture
def empty_database(tmp_path):
    """The URL of a new, empty database of this run's kind."""
    if not POSTGRESQL:
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    settings_dict = connection.settings_dict
    name = f"{settings_dict['NAME']}_restored"[:63]
    admin = {
        "host": settings_dict.get("HOST") or None,
        "port": settings_dict.get("PORT") or None,
        "user": settings_dict.get("USER") or None,
        "password": settings_dict.get("PASSWORD") or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**admin) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    user = settings_dict.get("USER") or ""
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    yield f"postgres://{user}{password}@{host}:{port}/{name}"
    with psycopg.connect(**admin) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@needs_tools
def test_backup_restores_into_an_empty_database_and_serves_the_site(
    content, media, tmp_path, empty_database
):
    out = io.StringIO()
    call_command("backup", output_dir=str(tmp_path / "backups"), stdout=out)
    archive = Path(out.getvalue().strip())
    assert archive.name.startswith("wegweiser-") and archive.name.endswith(".tar.gz")
    assert archive.stat().st_mode & 0o077 == 0, "the archive holds password hashes"
    expected = json.loads(json.dumps(snapshot(str(media))))  # as the other process prints it
    assert expected["files"], "the content has files to back up"

    restored_media = tmp_path / "restored-media"
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wegweiser.settings.test",
        "DATABASE_URL": empty_database,
        "MEDIA_ROOT": str(restored_media),
        "CACHE_URL": "locmem://",
    }
    result = subprocess.run(  # noqa: S603 (the test's own script)
        [sys.executable, "-c", RESTORE_AND_SERVE, str(archive), content.url],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    restored = json.loads(result.stdout.strip().splitlines()[-1])

    for part, value in expected.items():
        assert restored["snapshot"][part] == value, part
    assert "not empty" in restored["second restore"]
    for url, (status, _html) in restored["pages"].items():
        assert status == 200, url
    assert "Netzwerk Musterstadt" in restored["pages"]["/de/"][1]
    assert 'dir="rtl"' in restored["pages"]["/ar/"][1]
    assert "(geprüft)" in restored["pages"][content.url][1]


def write_archive(path: Path, members: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def manifest_for(members: dict[str, bytes], vendor: str | None = None) -> bytes:
    vendor = vendor or connection.vendor
    member = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}[vendor]
    return json.dumps(
        {
            "format": "wegweiser-backup",
            "version": 1,
            "created": "2026-12-01T03:00:00+01:00",
            "database": {"vendor": vendor, "member": member},
            "media": {"included": True, "files": 0},
            "files": {
                name: {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                for name, data in members.items()
            },
        }
    ).encode()


DATABASE_MEMBER = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


def refused(archive: Path, *args) -> str:
    with pytest.raises(CommandError) as error:
        call_command("restore", str(archive), *args, verbosity=0)
    return str(error.value)


@pytest.mark.django_db
class TestRestoreRefuses:
    """Every refusal is decided before anything is written: the database keeps its pages."""

    @pytest.fixture(autouse=True)
    def pages_before(self, db, media):
        self.pages = Page.objects.count()
        yield
        assert Page.objects.count() == self.pages
        assert not media.exists() or not any(media.iterdir())

    def test_a_file_that_is_not_an_archive(self, tmp_path):
        archive = tmp_path / "wegweiser-20261201-030000.tar.gz"
        archive.write_bytes(b"PK\x03\x04 a zip file, say")
        assert "not a Wegweiser backup: not a tar.gz archive" in refused(archive)

    def test_a_missing_archive(self, tmp_path):
        assert "does not exist" in refused(tmp_path / "nothing.tar.gz")

    def test_a_foreign_archive_without_our_manifest(self, tmp_path):
        archive = write_archive(tmp_path / "other.tar.gz", {"dump.sql": b"CREATE TABLE x;"})
        assert f"not a Wegweiser backup: it has no {MANIFEST}" in refused(archive)

    def test_a_manifest_of_another_program(self, tmp_path):
        archive = write_archive(tmp_path / "other.tar.gz", {MANIFEST: b'{"format": "other"}'})
        assert "is not ours" in refused(archive)

    def test_a_damaged_member(self, tmp_path):
        member = DATABASE_MEMBER[connection.vendor]
        members = {member: b"the database"}
        manifest = manifest_for(members)
        archive = write_archive(
            tmp_path / "damaged.tar.gz", {MANIFEST: manifest, member: b"the databasX"}
        )
        assert f"damaged: {member} fails its checksum" in refused(archive)

    def test_a_member_outside_the_archive(self, tmp_path):
        members = {DATABASE_MEMBER[connection.vendor]: b"db", "media/../../evil.py": b"x"}
        archive = write_archive(
            tmp_path / "evil.tar.gz", {MANIFEST: manifest_for(members), **members}
        )
        assert "which a backup never does" in refused(archive)

    def test_a_truncated_archive(self, tmp_path):
        members = {DATABASE_MEMBER[connection.vendor]: os.urandom(200_000)}
        archive = write_archive(
            tmp_path / "full.tar.gz", {MANIFEST: manifest_for(members), **members}
        )
        archive.write_bytes(archive.read_bytes()[:-50_000])
        assert "damaged" in refused(archive)

    def test_a_backup_of_the_other_database_system(self, tmp_path):
        other = "sqlite" if POSTGRESQL else "postgresql"
        members = {DATABASE_MEMBER[other]: b"db"}
        archive = write_archive(
            tmp_path / "other-db.tar.gz", {MANIFEST: manifest_for(members, other), **members}
        )
        assert f"holds a {other} database" in refused(archive)

    def test_an_intact_backup_into_a_database_that_is_not_empty(self, tmp_path):
        members = {DATABASE_MEMBER[connection.vendor]: b"db"}
        archive = write_archive(
            tmp_path / "ok.tar.gz", {MANIFEST: manifest_for(members), **members}
        )
        assert "The database is not empty" in refused(archive)
