"""Index updates an unreachable Elasticsearch could not take: kept, then replayed.

While the cluster is down, saving, publishing and imports go on (the database is the
source of truth; search answers from the database index meanwhile). Each update the
cluster refused for being unreachable is stored as a :class:`search.models.PendingIndexUpdate`
(one row per backend and object: the latest action wins) and handed over again by
:func:`replay` (``manage.py replay_index_updates``, run by the scheduler and the worker).
"""

import logging
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from elastic_transport import TransportError
from elasticsearch import ApiError
from modelsearch.backends import InvalidSearchBackendError
from wagtail.search.backends import get_search_backend

from search.models import PendingIndexUpdate

logger = logging.getLogger(__name__)


def is_unreachable(error: Exception) -> bool:
    """Whether ``error`` says the cluster is down or overloaded (worth trying again later),
    rather than that it refused the document itself."""
    if isinstance(error, TransportError):
        return True
    if isinstance(error, ApiError):
        return error.meta.status == 429 or error.meta.status >= 500
    return False


def record(backend_name: str, objects: Iterable, action: str, error: Exception) -> int:
    """Keep ``action`` on ``objects`` for ``backend_name`` until it can be replayed."""
    rows = [
        PendingIndexUpdate(
            backend=backend_name,
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=str(obj.pk),
            action=action,
            last_error=str(error)[:500],
        )
        for obj in objects
        if obj.pk is not None
    ]
    if not rows:
        return 0
    # The same object failing again keeps one row with the newest action.
    PendingIndexUpdate.objects.bulk_create(
        rows,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["backend", "content_type", "object_id"],
        update_fields=["action", "last_error", "updated_at"],
    )
    logger.warning(
        "Elasticsearch backend %r unreachable: %d %s update(s) kept for replay_index_updates (%s)",
        backend_name,
        len(rows),
        action,
        error,
    )
    return len(rows)


def _apply(backend, row: PendingIndexUpdate) -> None:
    """Hand one kept update to its backend; raises when the cluster is still unreachable."""
    model = row.content_type.model_class()
    if model is None:
        return
    obj = None
    if row.action == PendingIndexUpdate.INDEX:
        obj = model._default_manager.filter(pk=row.object_id).first()
        obj = obj.get_indexed_instance() if obj is not None else None
        if obj is not None and obj.__class__.get_indexed_objects().filter(pk=obj.pk).exists():
            backend.add_now(obj)
            return
    # Deleted since (or no longer indexed): remove it from the index instead.
    backend.delete_now(model(pk=model._meta.pk.to_python(row.object_id)))


def replay(limit: int | None = None) -> tuple[int, int]:
    """Replay the kept updates, oldest first; returns (handed over, still kept).

    A backend that is still unreachable is not tried again in this run: its rows stay,
    with one more failed attempt counted.
    """
    done, down = 0, set()
    rows = PendingIndexUpdate.objects.select_related("content_type")
    for row in rows[:limit] if limit else rows.iterator():
        if row.backend in down:
            continue
        try:
            backend = get_search_backend(row.backend)
        except InvalidSearchBackendError as error:  # removed from the settings since
            logger.warning(
                "Dropping a pending update for unknown backend %r: %s", row.backend, error
            )
            row.delete()
            continue
        try:
            _apply(backend, row)
        except Exception as error:
            if not is_unreachable(error):
                raise
            down.add(row.backend)
            continue
        row.delete()
        done += 1
    if down:
        PendingIndexUpdate.objects.filter(backend__in=down).update(attempts=F("attempts") + 1)
        logger.warning("Elasticsearch still unreachable for %s", ", ".join(sorted(down)))
    return done, PendingIndexUpdate.objects.count()
