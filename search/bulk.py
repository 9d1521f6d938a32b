"""Write many pages fast: ``bulk_writes()`` pauses every per-save index and updates each once.

Every save of a page normally updates, there and then, Wagtail's search index (the admin's
search), the reference index (the admin's "usage" of documents and snippets), the project's
listing index (:mod:`search.indexing`) and the content version (:mod:`base.content_cache`).
A page is saved three times when it is created and published (insert, revision,
publication), its copy in every other language once more, and each update reads back what
was just written: for a loader or an import, most of its time. Inside ``bulk_writes()``
these updates are paused in the current thread and the saved objects are noted; when the
block ends without an exception each noted object is indexed once, in bulk, and the
content version changes once::

    with bulk_writes() as batch:
        ...  # saves, publications, translations
        batch.written(ServicePage, ids)  # rows inserted without signals (bench/generate.py)

The block is one transaction, so with an exception nothing written inside it is kept and
there is nothing to index. A nested block joins the outer one. Other threads keep indexing
on every save. Deletions inside the block update the indexes at once, as outside.
"""

import logging
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_save
from modelcluster.fields import ParentalKey
from wagtail.models import Page, ReferenceIndex
from wagtail.search.backends import get_search_backends_with_name
from wagtail.search.index import get_indexed_models
from wagtail.search.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import (
    reference_index_auto_update_disabled,
    update_reference_index_on_save,
)

from base.content_cache import changes_held
from directory.models import ListingPage, OrganisationPage
from search import indexing

logger = logging.getLogger(__name__)

# Objects fetched and indexed at a time at the end of a block.
CHUNK = 500

_local = threading.local()
# While any thread writes in bulk, Wagtail's handlers that index on save are swapped for
# gates that note the save instead in writing threads (and pass it on in every other one).
# Signal receivers are process-wide, so the writers are counted.
_lock = threading.Lock()
_writers = 0
_search_models: set[type] = set()
_reference_models: set[type] = set()


class Batch:
    """What a ``bulk_writes()`` block saved, by model, until it is indexed."""

    def __init__(self):
        self.clear()

    def clear(self) -> None:
        self.search: dict[type, set] = defaultdict(set)
        self.references: dict[type, set] = defaultdict(set)
        self.listings: set = set()
        self.organisations: set = set()

    def written(
        self, model: type, pks: Iterable, *, wagtail_search: bool = True, references: bool = True
    ) -> None:
        """Note objects written without signals (raw inserts) to be indexed like saved ones.

        ``wagtail_search=False`` leaves them out of Wagtail's own index (the admin's search),
        which the public search does not read; ``references=False`` out of the reference
        index, for objects the writer indexed itself (:func:`base.bulk_pages.index_references`).
        """
        pks = set(pks)
        if wagtail_search and model in _search_models:
            self.search[model] |= pks
        if references and model in _reference_models:
            self.references[model] |= pks
        if issubclass(model, ListingPage):
            self.listings |= pks
        elif issubclass(model, OrganisationPage):
            self.organisations |= pks

    def index(self) -> None:
        """Index everything noted so far, once, and forget it."""
        search, references = self.search, self.references
        listings, organisations = self.listings, self.organisations
        self.clear()
        with transaction.atomic():
            for model, pks in search.items():
                _add_to_search(model, sorted(pks))
            for model, pks in _most_specific(references).items():
                pks = sorted(pks)
                for start in range(0, len(pks), CHUNK):
                    for obj in model.objects.filter(pk__in=pks[start : start + CHUNK]):
                        ReferenceIndex.create_or_update_for_object(obj)
            if listings or organisations:
                indexing.index_saved(listings, organisations)


def _most_specific(objects: dict[type, set]) -> dict[type, set]:
    """Each object once, as the most specific of the classes it was noted as.

    A page's rows point at its base class (a listing's rows at ``ListingPage``), the page
    itself at its own; the reference index keeps one set of references per object.
    """
    chosen: dict[tuple, type] = {}
    for model, pks in objects.items():
        parents = model._meta.get_parent_list()
        root = parents[-1] if parents else model
        for pk in pks:
            current = chosen.get((root, pk))
            if current is None or issubclass(model, current):
                chosen[(root, pk)] = model
    result: dict[type, set] = defaultdict(set)
    for (_root, pk), model in chosen.items():
        result[model].add(pk)
    return result


def _add_to_search(model: type, pks: list) -> None:
    """Add objects to every search backend that updates on save, a chunk at a time."""
    for start in range(0, len(pks), CHUNK):
        objects = list(model.get_indexed_objects().filter(pk__in=pks[start : start + CHUNK]))
        if not objects:
            continue
        for name, backend in get_search_backends_with_name(with_auto_update=True):
            try:
                backend.add_bulk(model, objects)
            except Exception:
                # As on a single save: an external service that is down (Elasticsearch)
                # must not lose the data; `update_index` catches up. Database backends raise.
                if not backend.catch_indexing_errors:
                    raise
                logger.exception("Bulk indexing %s into %r failed", model.__name__, name)


def _batch() -> Batch | None:
    return getattr(_local, "batch", None)


def _search_on_save(sender, instance, raw=False, **kwargs):
    """Wagtail's index-on-save, noted for the end in a thread inside ``bulk_writes()``."""
    batch = _batch()
    if batch is None:
        post_save_signal_handler(instance, sender=sender, raw=raw, **kwargs)
    elif not raw:
        # Wagtail indexes a page as its specific type, whichever class was saved.
        model = (instance.specific_class or sender) if isinstance(instance, Page) else sender
        batch.search[model].add(instance.pk)


def _references_on_save(sender, instance, raw=False, **kwargs):
    """Wagtail's reference index update on save, noted for the end inside ``bulk_writes()``."""
    batch = _batch()
    if batch is None:
        update_reference_index_on_save(instance, sender=sender, raw=raw, **kwargs)
    elif not raw and not getattr(reference_index_auto_update_disabled, "value", False):
        owner = _reference_owner(sender, instance)
        if owner is not None:
            batch.references[owner[0]].add(owner[1])


def _reference_owner(model: type, instance) -> tuple[type, object] | None:
    """The object whose references a save changes, found as Wagtail's own task finds it:
    a child row (orderable) stands for its parent, through the parental keys."""
    while True:
        key = next((f for f in model._meta.get_fields() if isinstance(f, ParentalKey)), None)
        if key is None:
            break
        instance = getattr(instance, key.name)
        if instance is None:
            return None
        model = key.related_model
    return (model, instance.pk) if ReferenceIndex.is_indexed(model) else None


def _listing_index_on_save(sender, instance, raw=False, update_fields=None, **kwargs):
    """Note listings and organisations for the project's index (it pauses itself)."""
    batch = _batch()
    # Draft saves (update_fields) must not reach the public search, as in search.indexing.
    if batch is None or raw or update_fields:
        return
    if isinstance(instance, ListingPage):
        batch.listings.add(instance.pk)
    elif isinstance(instance, OrganisationPage):
        batch.organisations.add(instance.pk)


def _swap(handler, gate, models, swapped: set) -> None:
    for model in models:
        if post_save.disconnect(handler, sender=model):
            post_save.connect(gate, sender=model)
            swapped.add(model)


def _swap_back(handler, gate, swapped: set) -> None:
    for model in swapped:
        post_save.disconnect(gate, sender=model)
        post_save.connect(handler, sender=model)
    swapped.clear()


def _start_writer() -> None:
    global _writers
    with _lock:
        _writers += 1
        if _writers == 1:
            _swap(post_save_signal_handler, _search_on_save, get_indexed_models(), _search_models)
            _swap(
                update_reference_index_on_save,
                _references_on_save,
                list(ReferenceIndex.tracked_models),
                _reference_models,
            )
            post_save.connect(_listing_index_on_save, dispatch_uid="search_bulk_listings")


def _stop_writer() -> None:
    global _writers
    with _lock:
        _writers -= 1
        if not _writers:
            post_save.disconnect(dispatch_uid="search_bulk_listings")
            _swap_back(post_save_signal_handler, _search_on_save, _search_models)
            _swap_back(update_reference_index_on_save, _references_on_save, _reference_models)


@contextmanager
def bulk_writes() -> Iterator[Batch]:
    """Pause per-save indexing and content changes in this thread; index once at the end."""
    batch = _batch()
    if batch is not None:
        yield batch
        return
    batch = Batch()
    _start_writer()
    _local.batch = batch
    try:
        with changes_held(), indexing.paused():
            with transaction.atomic():
                yield batch
                batch.index()
            # Outside any other transaction the commit just ran the block's on-commit work
            # (wagtail-localize publishes translations then): index what it saved too.
            batch.index()
    finally:
        _local.batch = None
        _stop_writer()
