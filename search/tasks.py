"""Index work in the background (django-tasks): a full rebuild and the replay of the updates
Elasticsearch missed. The scheduler enqueues them or runs the same commands directly."""

from django.core.management import call_command
from django_tasks import task

from search.pending import replay


@task()
def rebuild_search_index() -> str:
    """``update_index`` in the worker (searches keep the old index until it is done)."""
    call_command("update_index", verbosity=0)
    return "rebuilt"


@task()
def replay_index_updates() -> list[int]:
    """Hand Elasticsearch what it missed while down; returns [replayed, still kept]."""
    return list(replay())
