"""Backups: the database and the media folder in one dated, checksummed archive.

``manage.py backup`` writes ``wegweiser-YYYYmmdd-HHMMSS.tar.gz`` holding ``manifest.json``
(format, date, database vendor, and the size and SHA-256 of every other member), the
database (PostgreSQL: ``pg_dump`` in its custom format; SQLite: a copy made with SQLite's
online backup API, consistent while the site keeps writing) and ``media/`` (the uploaded
files; not when media live in an S3 bucket, which keeps its own versions).

``manage.py restore ARCHIVE`` checks the whole archive first (a tar.gz, our manifest, no
member outside the archive's own folders, every checksum, the same database vendor) and
refuses an archive that fails, or a database that has tables, before it changes anything.
"""

import gzip
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from datetime import datetime
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection

from base.content_cache import content_changed

FORMAT = "wegweiser-backup"
VERSION = 1
MANIFEST = "manifest.json"
DATABASE_MEMBERS = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
MEDIA_PREFIX = "media/"
ARCHIVE_PREFIX = "wegweiser-"
ARCHIVE_SUFFIX = ".tar.gz"


class BackupError(Exception):
    """A backup or restore that cannot be done; nothing was changed."""


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _vendor() -> str:
    if connection.vendor not in DATABASE_MEMBERS:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")
    return connection.vendor


def _pg_environment() -> dict[str, str]:
    """libpq's variables for the site's PostgreSQL database (the password never on a
    command line)."""
    db = connection.settings_dict
    values = {
        "PGDATABASE": db["NAME"],
        "PGUSER": db.get("USER"),
        "PGPASSWORD": db.get("PASSWORD"),
        "PGHOST": db.get("HOST"),
        "PGPORT": str(db.get("PORT") or ""),
    }
    return {**os.environ, **{key: value for key, value in values.items() if value}}


def _run(command: list[str]) -> None:
    program = shutil.which(command[0])
    if program is None:
        raise BackupError(
            f"{command[0]} is not installed: on Debian, apt-get install postgresql-client "
            "(its major version at least the server's)."
        )
    result = subprocess.run(  # noqa: S603 (fixed programs, arguments from our settings)
        [program, *command[1:]], env=_pg_environment(), capture_output=True, text=True
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def _dump_database(vendor: str, target: Path) -> None:
    if vendor == "postgresql":
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}"])
        return
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        connection.connection.backup(destination)
    finally:
        destination.close()


def _media_root() -> Path | None:
    """The local media folder, or None when media are stored elsewhere (S3)."""
    if isinstance(default_storage, FileSystemStorage):
        return Path(default_storage.location)
    return None


def _media_files(root: Path | None) -> list[Path]:
    if root is None or not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file())


def create_backup(directory: Path, keep: int = 0) -> Path:
    """Write a backup archive into ``directory`` and return its path; with ``keep``,
    delete the oldest of this folder's archives beyond that many."""
    vendor = _vendor()
    directory.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")  # noqa: DTZ005 (the operator's clock)
    archive = directory / f"{ARCHIVE_PREFIX}{stamp}{ARCHIVE_SUFFIX}"
    partial = archive.with_name(archive.name + ".partial")
    media_root = _media_root()
    with tempfile.TemporaryDirectory(dir=directory) as work:
        dump = Path(work) / DATABASE_MEMBERS[vendor]
        _dump_database(vendor, dump)
        members = {dump.name: dump}
        for path in _media_files(media_root):
            members[MEDIA_PREFIX + path.relative_to(media_root).as_posix()] = path
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created": datetime.now().astimezone().isoformat(timespec="seconds"),
            "database": {"vendor": vendor, "member": dump.name},
            "media": {
                "included": media_root is not None,
                "files": len(members) - 1,
            },
            "files": {
                name: {"size": path.stat().st_size, "sha256": sha256(path)}
                for name, path in members.items()
            },
        }
        manifest_path = Path(work) / MANIFEST
        manifest_path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        try:
            # The archive holds password hashes: readable by the site's user only.
            descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
                tar.add(manifest_path, arcname=MANIFEST)
                for name, path in members.items():
                    tar.add(path, arcname=name, recursive=False)
            partial.replace(archive)
        finally:
            partial.unlink(missing_ok=True)
    if keep:
        archives = sorted(directory.glob(f"{ARCHIVE_PREFIX}*{ARCHIVE_SUFFIX}"))
        for old in archives[:-keep]:
            old.unlink()
    return archive


def _read_manifest(tar: tarfile.TarFile, name: str) -> dict:
    try:
        member = tar.getmember(MANIFEST)
    except KeyError:
        raise BackupError(f"{name} is not a Wegweiser backup: it has no {MANIFEST}.") from None
    file = tar.extractfile(member) if member.isfile() else None
    try:
        manifest = json.loads(file.read(1 << 24)) if file else None
    except ValueError:
        manifest = None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{name} is not a Wegweiser backup: its {MANIFEST} is not ours.")
    if manifest.get("version") != VERSION:
        raise BackupError(
            f"{name} is a Wegweiser backup of format version {manifest.get('version')}; "
            f"this version of Wegweiser restores version {VERSION}."
        )
    files = manifest.get("files")
    database = manifest.get("database")
    if (
        not isinstance(files, dict)
        or not isinstance(database, dict)
        or database.get("member") not in files
        or DATABASE_MEMBERS.get(database.get("vendor")) != database.get("member")
    ):
        raise BackupError(f"{name} is damaged: its {MANIFEST} is incomplete.")
    return manifest


def _safe_member_name(name: str) -> bool:
    path = PurePosixPath(name)
    return (
        not path.is_absolute()
        and ".." not in path.parts
        and (name in DATABASE_MEMBERS.values() or name.startswith(MEDIA_PREFIX))
    )


def unpack(archive: Path, target: Path) -> dict:
    """Check ``archive`` completely and unpack it into the empty folder ``target``;
    returns its manifest. Raises :class:`BackupError` for anything but our own, intact
    backup of this site's database vendor."""
    name = archive.name
    if not archive.is_file():
        raise BackupError(f"{archive} does not exist.")
    try:
        tar = tarfile.open(archive, mode="r:gz")
    except (tarfile.TarError, OSError, EOFError):
        raise BackupError(f"{name} is not a Wegweiser backup: not a tar.gz archive.") from None
    with tar:
        try:
            manifest = _read_manifest(tar, name)
            expected = manifest["files"]
            seen = set()
            for member in tar:
                if member.name == MANIFEST:
                    continue
                if not (member.isfile() and _safe_member_name(member.name)):
                    raise BackupError(
                        f"{name} is not a Wegweiser backup: it holds {member.name!r}, which a "
                        "backup never does."
                    )
                if member.name not in expected or member.name in seen:
                    raise BackupError(f"{name} is damaged: {member.name} is not in its manifest.")
                destination = target / member.name
                destination.parent.mkdir(parents=True, exist_ok=True)
                with tar.extractfile(member) as source, destination.open("wb") as copy:
                    shutil.copyfileobj(source, copy)
                if sha256(destination) != expected[member.name].get("sha256"):
                    raise BackupError(f"{name} is damaged: {member.name} fails its checksum.")
                seen.add(member.name)
        except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile) as error:
            raise BackupError(f"{name} is damaged: {error}.") from None
    missing = set(expected) - seen
    if missing:
        raise BackupError(f"{name} is damaged: {sorted(missing)[0]} is missing.")
    vendor = _vendor()
    if manifest["database"]["vendor"] != vendor:
        raise BackupError(
            f"{name} holds a {manifest['database']['vendor']} database; this site uses {vendor}. "
            "Restore it into a site with the same database system."
        )
    return manifest


def database_is_empty() -> bool:
    """Whether the site's database has no tables at all (a new, unmigrated database)."""
    return not connection.introspection.table_names()


def media_is_empty() -> bool:
    return not _media_files(_media_root())


def _empty_database(vendor: str) -> None:
    """Drop every table (``--force``), so that the restore is the whole database."""
    if vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    # SQLite: the online backup API replaces the whole database file.


def _load_database(vendor: str, dump: Path) -> None:
    if vendor == "postgresql":
        connection.close()
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={connection.settings_dict['NAME']}",
                str(dump),
            ]
        )
        return
    connection.close()
    source = sqlite3.connect(dump)
    destination = sqlite3.connect(connection.settings_dict["NAME"])
    try:
        source.backup(destination)
    finally:
        source.close()
        destination.close()


def restore_backup(archive: Path, force: bool = False) -> dict:
    """Restore ``archive`` into the site's database and media folder; returns its manifest."""
    vendor = _vendor()
    media_root = _media_root()
    with tempfile.TemporaryDirectory() as work:
        target = Path(work)
        manifest = unpack(archive, target)
        if not force and not database_is_empty():
            raise BackupError(
                "The database is not empty: restore into a new, empty database (createdb, no "
                "migrate), or pass --force to replace everything in it."
            )
        if not force and manifest["media"]["included"] and not media_is_empty():
            raise BackupError(
                f"The media folder {media_root} is not empty: restore into an empty folder, or "
                "pass --force to write the backup's files over it."
            )
        if force and not database_is_empty():
            _empty_database(vendor)
        _load_database(vendor, target / manifest["database"]["member"])
        if manifest["media"]["included"] and media_root is not None:
            media = target / MEDIA_PREFIX.rstrip("/")
            if media.is_dir():
                shutil.copytree(media, media_root, dirs_exist_ok=True)
    # The shared cache still describes the content before the restore.
    cache.clear()
    content_changed()
    return manifest


def default_directory() -> Path:
    return Path(settings.WEGWEISER_BACKUP_DIR)
