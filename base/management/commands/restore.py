"""``manage.py restore ARCHIVE``: a backup back into an empty database and media folder."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from base.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by manage.py backup into this site's database (which must be "
        "empty: no tables) and media folder. The archive is checked completely first; a "
        "malformed, damaged or foreign archive changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="a wegweiser-YYYYmmdd-HHMMSS.tar.gz")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace a database that is not empty (everything in it is lost) and write "
            "over the media folder",
        )

    def handle(self, *args, **options):
        try:
            manifest = restore_backup(Path(options["archive"]), force=options["force"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"]:
            self.stdout.write(
                f"Restored the backup of {manifest['created']} "
                f"({manifest['media']['files']} media files). Next: manage.py migrate (if this "
                "version is newer), and manage.py update_index when Elasticsearch is used."
            )
