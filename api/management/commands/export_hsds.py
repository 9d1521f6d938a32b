"""Export the whole directory as HSDS 3.0 JSON files that import_hsds reads back."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from api.export import write_export
from base.progress import Progress


class Command(BaseCommand):
    help = "Write services.json, organizations.json and taxonomies.json (HSDS 3.0) into DIR."

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="directory to write into")
        parser.add_argument("--locale", default="de", help="content language (default de)")

    def handle(self, *args, output, locale, **options):
        found = Locale.objects.filter(language_code=locale).first()
        if found is None:
            raise CommandError(f"unknown locale: {locale}")
        progress = Progress(self.stderr, options["verbosity"], "Services")
        counts = write_export(found, output, progress)
        progress.done()
        if options["verbosity"] >= 1:
            self.stdout.write(
                ", ".join(f"{name}: {count}" for name, count in counts.items()) + f" → {output}"
            )
