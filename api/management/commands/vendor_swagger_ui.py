"""Copy Swagger UI's browser build from node_modules into static/vendor/swagger-ui/.

The documentation page (/api/hsds/docs/) serves it from the site's own static files, so no
CDN is involved; the copy is committed, so a deploy needs no npm. Run it after changing the
``swagger-ui-dist`` version in package.json (and ``npm ci``).
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

PACKAGE = settings.BASE_DIR / "node_modules" / "swagger-ui-dist"
TARGET = settings.BASE_DIR / "static" / "vendor" / "swagger-ui"
FILES = [
    "swagger-ui-bundle.js",
    "swagger-ui-bundle.js.LICENSE.txt",
    "swagger-ui.css",
    "LICENSE",
    "NOTICE",
    "package.json",
]
SOURCE_MAP = b"/*# sourceMappingURL=swagger-ui.css.map*/"


def vendored_files(package: Path = PACKAGE) -> dict[str, bytes]:
    """The files to serve, by name, as they are committed.

    The stylesheet loses its source map comment: the map is not shipped, and the production
    static files storage refuses a reference to a missing file.
    """
    return {
        name: (package / name).read_bytes().replace(SOURCE_MAP, b"").rstrip() + b"\n"
        for name in FILES
    }


class Command(BaseCommand):
    help = "Copy swagger-ui-dist's browser build (npm ci first) into static/vendor/swagger-ui/."

    def handle(self, *args, **options):
        if not PACKAGE.is_dir():
            raise CommandError(f"{PACKAGE} is missing: run npm ci")
        TARGET.mkdir(parents=True, exist_ok=True)
        for name, content in vendored_files().items():
            (TARGET / name).write_bytes(content)
        self.stdout.write(f"Swagger UI copied to {TARGET}")
