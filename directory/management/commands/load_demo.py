"""``manage.py load_demo``: load the demo directory of Magdeburg's integration network."""

import time

from django.core.management.base import BaseCommand
from django.db import transaction

from directory.demo import load_demo


class Command(BaseCommand):
    help = (
        "Load the demo content: home page, network pages, taxonomies, organisations, services "
        "and projects. Safe to run again: what already exists is left unchanged."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        # All or nothing: a failure half-way must not leave a half-built page tree.
        with transaction.atomic():
            report = load_demo()
        if options["verbosity"] >= 1:
            for line in report.lines():
                self.stdout.write(line)
            self.stdout.write(
                self.style.SUCCESS(f"Demo content ready in {time.monotonic() - started:.1f} s.")
            )
