"""Rebuild api/hsds_schemas.json from the official HSDS 3.0 files (see api.schemas)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from api.schemas import BUNDLE_PATH, ROOTS, build_bundle, bundle_text


class Command(BaseCommand):
    help = (
        "Write api/hsds_schemas.json from the official HSDS 3.0 openapi.json and compiled "
        "schemas in DIR (default: HSDS_SCHEMA_DIR)."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", nargs="?", help="folder with the official files")

    def handle(self, *args, directory, **options):
        folder = Path(directory) if directory else settings.HSDS_SCHEMA_DIR
        missing = [
            name
            for name in [*ROOTS, "openapi"]
            if folder is None or not (folder / f"{name}.json").exists()
        ]
        if missing:
            raise CommandError(f"{folder}: missing {', '.join(f'{n}.json' for n in missing)}")
        BUNDLE_PATH.write_text(bundle_text(build_bundle(folder)), encoding="utf-8")
        self.stdout.write(f"{BUNDLE_PATH.name} written from {folder}")
