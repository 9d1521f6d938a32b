"""Import any HSDS 3.0 source: JSON (object, array, page wrapper), a CSV package, an export."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from api.importer import Importer, ImportFileError, read_bundle
from base.progress import Progress


class Command(BaseCommand):
    help = (
        "Import HSDS 3.0: FILE is a JSON object, array or page wrapper of services, "
        "organizations, locations, services at locations or taxonomies; a folder or zip "
        "with datapackage.json (the tabular form); or a directory written by export_hsds. "
        "Everything is validated first; one invalid record and nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="services JSON file or export directory")
        parser.add_argument(
            "--locale",
            default="de",
            help="language of the records; other than de, they translate existing listings",
        )
        parser.add_argument("--dry-run", action="store_true", help="validate and report only")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="a record replaces what an earlier import kept under its id (default: merge)",
        )

    def handle(self, *args, file, locale, dry_run, replace, **options):
        try:
            bundle = read_bundle(file)
            importer = Importer(locale)
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        except Locale.DoesNotExist as error:
            raise CommandError(f"unknown locale: {locale}") from error
        progress = Progress(self.stderr, options["verbosity"], "Services")
        report = importer.run(
            bundle.services,
            dry_run,
            bundle.organizations,
            bundle.terms,
            progress=progress,
            taxonomies=bundle.taxonomies,
            locations=bundle.locations,
            replace=replace,
        )
        progress.done()
        for note in bundle.notes:
            self.stdout.write(note)
        for warning in report.warnings:
            self.stdout.write(f"warning: {warning}")
        if report.errors:
            for error in report.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(report.errors)} problem(s) in {file}: nothing was imported")
        if options["verbosity"] >= 1:
            prefix = "dry run, nothing written: " if dry_run else ""
            self.stdout.write(prefix + report.summary())
