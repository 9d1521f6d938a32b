"""A version token for the published content, and values cached in memory until it changes.

Pages change rarely and are read all the time. Whatever the public pages derive from the
page tree and the listings (the home page of each language, the main menu, the directory's
facet masks, rendered listing cards) is cached under the current *content version*. Saving
or deleting a page, one of its rows, a taxonomy term, a view restriction, a site or a
locale stores a new token in Django's cache, and everything cached under an older token is
rebuilt on its next use.

With several server processes, Django's cache must be shared between them (``CACHE_URL``)
for a change made in one to reach the others at once; otherwise each process also drops
what it cached after ``MAX_AGE_SECONDS``. Bulk writes that send no signals (the benchmark
generator, raw SQL) call :func:`content_changed` themselves; bulk writes that do send them
(``search.bulk.bulk_writes``) hold the changes back and make one at the end.
"""

import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import post_page_move

VERSION_KEY = "wegweiser:content-version"
MAX_AGE_SECONDS = 60

T = TypeVar("T")

_lock = threading.Lock()
_values: dict[object, tuple[str, float, object]] = {}
_watched: list[type] = []
_held = threading.local()


def content_version() -> str:
    """The current token (a new one is made when the cache has none)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY) or ""
    return version


def content_changed(**kwargs) -> None:
    """Outdate everything cached under the current token, in every process sharing the cache."""
    if getattr(_held, "depth", 0):
        _held.changed = True
        return
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    with _lock:
        _values.clear()


@contextmanager
def changes_held() -> Iterator[None]:
    """Make the content changes of this thread inside the block one change at its end.

    Other threads are not affected. Also at the end of a block left by an exception: one
    change too many only costs a rebuild of what was cached.
    """
    _held.depth = getattr(_held, "depth", 0) + 1
    try:
        yield
    finally:
        _held.depth -= 1
        if not _held.depth and getattr(_held, "changed", False):
            _held.changed = False
            content_changed()


def cached(key, build: Callable[[], T]) -> T:
    """``build()``, kept in this process until the content changes (or MAX_AGE_SECONDS)."""
    version = content_version()
    entry = _values.get(key)
    if entry is not None and entry[0] == version and time.monotonic() - entry[1] < MAX_AGE_SECONDS:
        return entry[2]
    value = build()
    with _lock:
        _values[key] = (version, time.monotonic(), value)
    return value


def watch(*models: type) -> None:
    """Treat saving or deleting any of ``models`` (or their subclasses) as a content change."""
    for model in models:
        if model not in _watched:
            _watched.append(model)


def _on_change(sender, raw=False, **kwargs):
    if raw or not isinstance(sender, type):
        return
    if any(issubclass(sender, model) for model in _watched):
        content_changed()


def connect_signals() -> None:
    """Watch the page tree, sites and locales; other apps add their models with :func:`watch`."""
    watch(Page, PageViewRestriction, Site, Locale)
    post_save.connect(_on_change, dispatch_uid="content_cache_saved")
    post_delete.connect(_on_change, dispatch_uid="content_cache_deleted")
    post_page_move.connect(content_changed, dispatch_uid="content_cache_moved")
