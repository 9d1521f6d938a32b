"""``/healthz`` for load balancers and monitoring: can this server answer visitors?

It checks the database, the shared cache and every configured search backend, and
answers 200 ``{"status": "ok"}`` or 503 with the failing parts named. It never raises:
a failing part is logged and reported, so a monitor sees the cause, not a 500 page.
"""

import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from wagtail.search.backends import get_search_backend

logger = logging.getLogger(__name__)


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone() != (1,):
            raise RuntimeError("SELECT 1 did not answer 1")


def _cache() -> None:
    ping = getattr(cache, "ping", None)  # the shared Redis cache answers misses when down
    if ping is not None:
        ping()
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "1", 10)
    value = cache.get(key)
    cache.delete(key)
    if value != "1":
        raise RuntimeError("a value written to the cache could not be read back")


def _search() -> None:
    for name in settings.WAGTAILSEARCH_BACKENDS:
        client = getattr(get_search_backend(name), "es", None)
        # The database backend lives in the database checked above.
        if client is not None and not client.ping():
            raise RuntimeError(f"search backend {name!r} does not answer")


CHECKS = {"database": _database, "cache": _cache, "search": _search}


@never_cache
@require_safe
def healthz(request):
    """200 when the database, the cache and the search backends answer, else 503."""
    failing = {}
    for part, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # noqa: BLE001 (any failure is a finding, not a crash)
            logger.error("Health check: %s failed: %s", part, error)
            failing[part] = str(error) or error.__class__.__name__
    if failing:
        return JsonResponse({"status": "failing", "failing": failing}, status=503)
    return JsonResponse({"status": "ok", "checks": list(CHECKS)})
