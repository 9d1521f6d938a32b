"""Import HSDS 3.0 services (a JSON array, a page wrapper, or an export directory)."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from api.importer import Importer, ImportFileError, read_bundle
from base.progress import Progress


class Command(BaseCommand):
    help = (
        "Import HSDS 3.0 services: FILE is a JSON array of services, a page wrapper with "
        "'contents', or a directory written by export_hsds. Everything is validated first; "
        "one invalid record and nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="services JSON file or export directory")
        parser.add_argument(
            "--locale",
            default="de",
            help="language of the records; other than de, they translate existing listings",
        )
        parser.add_argument("--dry-run", action="store_true", help="validate and report only")

    def handle(self, *args, file, locale, dry_run, **options):
        try:
            services, organizations, terms = read_bundle(file)
            importer = Importer(locale)
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        except Locale.DoesNotExist as error:
            raise CommandError(f"unknown locale: {locale}") from error
        progress = Progress(self.stderr, options["verbosity"], "Services")
        report = importer.run(services, dry_run, organizations, terms, progress=progress)
        progress.done()
        if report.errors:
            for error in report.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(report.errors)} problem(s) in {file}: nothing was imported")
        if options["verbosity"] >= 1:
            prefix = "dry run, nothing written: " if dry_run else ""
            self.stdout.write(prefix + report.summary())
