"""``replay_index_updates``: hand the updates Elasticsearch missed while it was down to it."""

from django.core.management.base import BaseCommand

from search.pending import replay


class Command(BaseCommand):
    help = (
        "Replay the search index updates Elasticsearch could not take while it was "
        "unreachable (search.PendingIndexUpdate). Updates for a cluster still down are kept."
    )

    def handle(self, *args, **options):
        done, kept = replay()
        if options["verbosity"] >= 1 and (done or kept):
            self.stdout.write(f"{done} index update(s) replayed, {kept} kept for later.")
        elif options["verbosity"] >= 2:
            self.stdout.write("No index updates pending.")
