"""``manage.py load_demo``: load the demo directory of Magdeburg's integration network."""

import time

from django.core.management.base import BaseCommand

from base.progress import Progress
from demo.loader import load_demo
from demo.translate import translate_demo
from search.bulk import bulk_writes


class Command(BaseCommand):
    help = (
        "Load the demo content: home page, network pages, taxonomies, organisations, services "
        "and projects, synchronised into every language with the shipped translations. Safe to "
        "run again: what already exists is left unchanged."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--german-only",
            action="store_true",
            help="Load the German content only: no language trees, no translations.",
        )

    def handle(self, *args, german_only=False, **options):
        started = time.monotonic()
        # All or nothing: a failure half-way must not leave a half-built page tree. Every
        # page (with its copies in each language) is indexed once at the end, not per save.
        # The steps, not pages: each runs as one unit (the last indexes everything at once).
        progress = Progress(
            self.stderr, options["verbosity"], "Demo steps (content, translations, index)"
        )
        with bulk_writes():
            progress(0, 3)
            report = load_demo()
            progress(1, 3)
            translated = {} if german_only else translate_demo()
            progress(2, 3)
        progress(3, 3)
        progress.done()
        if options["verbosity"] >= 1:
            for line in report.lines():
                self.stdout.write(line)
            for code, count in translated.items():
                self.stdout.write(f"translations into {code}: {count} objects")
            self.stdout.write(
                self.style.SUCCESS(f"Demo content ready in {time.monotonic() - started:.1f} s.")
            )
