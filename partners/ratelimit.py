"""Counting by client without keeping who the client is: the IP address is only hashed
(with the secret key) into a cache key that expires; it is never stored or logged."""

import hashlib

from django.conf import settings
from django.core.cache import cache


def client_address(request) -> str:
    """The client's address: ``REMOTE_ADDR``, or the header a trusted reverse proxy sets
    (``CLIENT_IP_HEADER``, e.g. ``X-Real-IP``), since behind a proxy every visitor would
    otherwise share the proxy's address and one limit."""
    if request is None:
        return ""
    header = settings.WEGWEISER_CLIENT_IP_HEADER
    forwarded = request.META.get(header, "") if header else ""
    return forwarded.split(",")[0].strip() or request.META.get("REMOTE_ADDR", "")


def client_hash(request, *extra: str) -> str:
    """A keyed hash of the client's address (and ``extra`` parts, e.g. a username)."""
    address = client_address(request)
    material = "|".join([settings.SECRET_KEY, address, *extra]).encode()
    return hashlib.sha256(material).hexdigest()[:40]


def hit(key: str, window_seconds: int) -> int:
    """Count one event for ``key`` in a fixed window; returns the count so far."""
    if cache.add(key, 1, timeout=window_seconds):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window_seconds)
        return 1


def count(key: str) -> int:
    return cache.get(key, 0)
