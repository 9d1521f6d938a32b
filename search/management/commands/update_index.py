"""``update_index``: Wagtail's index rebuild, then the project's own term index.

Listed before ``wagtail.search`` in INSTALLED_APPS, this command replaces Wagtail's of the
same name, so ``make reindex`` and any scheduled ``update_index`` re-sync both indexes.

Search answers from the complete old index while it runs: database indexes are rebuilt
inside one transaction (other connections read the old rows until it commits), and each
Elasticsearch index is built under a new name, then its alias is switched to it in one
call (``ATOMIC_REBUILD``). An Elasticsearch that is unreachable is reported and left as it
was; the database indexes are rebuilt all the same.
"""

import time

from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
from modelsearch.management.commands.rebuild_modelsearch_index import Command as WagtailCommand
from wagtail.search.backends import get_search_backend

from base.progress import Progress
from search import pending
from search.indexing import rebuild_index
from search.models import PendingIndexUpdate


class Command(WagtailCommand):
    help = (
        "Rebuild Wagtail's search index and the project's analysed listing index; searches "
        "see the old complete index until each rebuild is done."
    )

    def update_backend(self, backend_name, **kwargs):
        backend = get_search_backend(backend_name)
        if not isinstance(backend, ElasticsearchBaseSearchBackend):
            with transaction.atomic():
                super().update_backend(backend_name, **kwargs)
            return
        started = timezone.now()
        try:
            super().update_backend(backend_name, **kwargs)
        except Exception as error:
            if not pending.is_unreachable(error):
                raise
            self.unreachable.append(backend_name)
            self.stderr.write(f"{backend_name}: Elasticsearch unreachable, index left as it was")
            return
        # The new index holds everything the kept updates were for.
        PendingIndexUpdate.objects.filter(backend=backend_name, updated_at__lt=started).delete()

    def print_iter_progress(self, iterable):
        # Wagtail prints dots on stdout; progress goes to a terminal's stderr here (base.progress).
        yield from iterable

    def handle(self, **options):
        self.unreachable = []
        super().handle(**options)
        started = time.monotonic()
        progress = Progress(self.stderr, options["verbosity"], "Analysed listing index")
        count = rebuild_index(progress=progress)
        progress.done()
        if options["verbosity"] >= 1:
            self.stdout.write(
                f"Analysed listing index: {count} listing pages in "
                f"{time.monotonic() - started:.1f} s"
            )
        if self.unreachable:
            raise CommandError(
                "Elasticsearch unreachable, not rebuilt: " + ", ".join(self.unreachable)
            )
