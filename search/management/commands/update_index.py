"""``update_index``: Wagtail's index rebuild, then the project's own term index.

Listed before ``wagtail.search`` in INSTALLED_APPS, this command replaces Wagtail's of the
same name, so ``make reindex`` and any scheduled ``update_index`` re-sync both indexes.
"""

import time

from modelsearch.management.commands.rebuild_modelsearch_index import Command as WagtailCommand

from search.indexing import rebuild_index


class Command(WagtailCommand):
    help = "Rebuild Wagtail's search index and the project's analysed listing index."

    def handle(self, **options):
        super().handle(**options)
        started = time.monotonic()
        count = rebuild_index()
        if options.get("verbosity", 1) >= 1:
            self.stdout.write(
                f"Analysed listing index: {count} listing pages in "
                f"{time.monotonic() - started:.1f} s"
            )
