"""The shared Redis cache, made optional: when Redis is down the site still answers.

Everything the site keeps in the cache can be rebuilt (the content version, rendered
cards, throttle and rate-limit counters), so a cache failure must never become a 500. While
Redis does not answer, reads miss, writes are dropped, counters start from nothing, and
the failure is logged (once per outage, then again when Redis is back). After a failure
the cache is not asked again for :data:`RETRY_AFTER_SECONDS` (``OPTIONS``
``RETRY_AFTER_SECONDS``), so a page that reads the
cache twenty times does not wait for twenty connection attempts.
"""

import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5.0
# A cache on the same network answers in a millisecond; waiting longer helps no visitor.
DEFAULT_TIMEOUTS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}


class ResilientRedisCache(RedisCache):
    """Django's Redis cache whose failures are logged and answered as cache misses."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        self.retry_after = options.pop("RETRY_AFTER_SECONDS", RETRY_AFTER_SECONDS)
        for name, value in DEFAULT_TIMEOUTS.items():
            options.setdefault(name, value)
        super().__init__(server, {**params, "OPTIONS": options})
        self._lock = threading.Lock()
        self._down_until = 0.0
        self._down = False

    def ping(self) -> None:
        """Ask Redis directly (no fallback): raises the connection error when it is down."""
        self._cache.get_client().ping()

    def _call(self, fallback, method, *args, **kwargs):
        if time.monotonic() < self._down_until:
            return fallback
        try:
            result = method(*args, **kwargs)
        except RedisError as error:
            with self._lock:
                self._down_until = time.monotonic() + self.retry_after
                if not self._down:
                    self._down = True
                    logger.error(
                        "The shared cache at %s does not answer (%s): pages are served "
                        "uncached and counters start afresh until it is back.",
                        self._servers[0] if self._servers else "?",
                        error,
                    )
            return fallback
        if self._down:
            with self._lock:
                if self._down:
                    self._down = False
                    logger.warning("The shared cache answers again.")
        return result

    def add(self, key, value, timeout=None, version=None):
        return self._call(False, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call(default, super().get, key, default, version)

    def set(self, key, value, timeout=None, version=None):
        return self._call(None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=None, version=None):
        return self._call(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._call({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._call(False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        # With the cache down a counter starts afresh (django-axes increments without add()).
        return self._call(delta, super().incr, key, delta, version)

    def set_many(self, data, timeout=None, version=None):
        return self._call(list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call(None, super().delete_many, keys, version)

    def clear(self):
        return self._call(False, super().clear)
