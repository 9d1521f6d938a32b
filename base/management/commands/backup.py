"""``manage.py backup``: the database and the media folder in one dated archive."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from base.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Write the database (pg_dump or SQLite's online backup) and the media folder into "
        "BACKUP_DIR/wegweiser-YYYYmmdd-HHMMSS.tar.gz with a checksummed manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir", help="folder for the archive (default: BACKUP_DIR, ./backups)"
        )
        parser.add_argument(
            "--keep",
            type=int,
            default=None,
            help="keep this many archives in the folder, delete older ones (default: "
            "BACKUP_KEEP, 14; 0 keeps all)",
        )

    def handle(self, *args, **options):
        directory = Path(options["output_dir"] or settings.WEGWEISER_BACKUP_DIR)
        keep = settings.WEGWEISER_BACKUP_KEEP if options["keep"] is None else options["keep"]
        if keep < 0:
            raise CommandError("--keep must be 0 (keep all) or more.")
        try:
            archive = create_backup(directory, keep=keep)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"]:
            self.stdout.write(str(archive))
