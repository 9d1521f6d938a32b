"""Import listings from a partner's CSV file (columns: see README or the admin template)."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from api.csv_import import CsvError, import_csv
from base.progress import Progress


class Command(BaseCommand):
    help = "Import listings from a CSV file (one row per listing); all rows or none."

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV file, UTF-8, comma or semicolon separated")
        parser.add_argument("--locale", default="de", help="language of the rows (default de)")
        parser.add_argument("--dry-run", action="store_true", help="validate and report only")

    def handle(self, *args, file, locale, dry_run, **options):
        progress = Progress(self.stderr, options["verbosity"], "Rows")
        try:
            with open(file, "rb") as handle:
                report = import_csv(handle.read(), locale, dry_run, progress=progress)
        except (OSError, CsvError) as error:
            raise CommandError(str(error)) from error
        except Locale.DoesNotExist as error:
            raise CommandError(f"unknown locale: {locale}") from error
        if report.errors:
            for error in report.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(report.errors)} problem(s) in {file}: nothing was imported")
        progress.done()
        if options["verbosity"] >= 1:
            prefix = "dry run, nothing written: " if dry_run else ""
            self.stdout.write(prefix + report.summary())
