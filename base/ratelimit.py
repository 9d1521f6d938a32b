"""The client's address as every limit counts it, and counting by client without keeping
who the client is: the address is only hashed (with the secret key) into a cache key that
expires; it is never stored or logged.

Login throttling (django-axes, ``AXES_CLIENT_IP_CALLABLE``), the password reset limit and
the public endpoints' rate limits (search, suggestions, API, correction form, sitemap;
``WEGWEISER_RATE_LIMITS``) all use :func:`client_address`.
"""

import hashlib
import ipaddress
import math
import time
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse

# An IPv6 customer gets at least a /64 and chooses freely inside it: one client.
IPV6_PREFIX = 64


def _parse(value: str):
    try:
        address = ipaddress.ip_address(value.strip())
    except ValueError:
        return None
    if address.version == 6 and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _is_trusted_proxy(address) -> bool:
    return any(address in network for network in settings.WEGWEISER_TRUSTED_PROXIES)


def _forwarded_client(request, peer):
    """The right-most ``X-Forwarded-For`` entry that no trusted proxy added.

    Each proxy appends the address it received the request from, so everything left of
    the entries our own proxies wrote is whatever the client chose to send.
    """
    chain = [
        entry.strip()
        for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if entry.strip()
    ]
    count = settings.WEGWEISER_TRUSTED_PROXY_COUNT
    if count:
        # REMOTE_ADDR is the last proxy; the other count - 1 proxies appended an entry each.
        if len(chain) < count:
            return peer
        return _parse(chain[-count])
    if not _is_trusted_proxy(peer):
        return peer
    for entry in reversed(chain):
        address = _parse(entry)
        if address is None:
            return None
        if not _is_trusted_proxy(address):
            return address
    return peer


def client_address(request) -> str:
    """The client's address as limits count it: IPv4 as is, IPv6 as its /64 network
    (written as the network's first address, e.g. ``2001:db8:1:2::``).

    Behind a reverse proxy the address comes from the header the proxy overwrites
    (``CLIENT_IP_HEADER``) or from ``X-Forwarded-For`` as far as it was written by the
    proxies named in ``TRUSTED_PROXIES`` / counted by ``TRUSTED_PROXY_COUNT``; otherwise
    it is ``REMOTE_ADDR``. An entry a client made up is never believed.
    """
    if request is None:
        return ""
    peer = _parse(request.META.get("REMOTE_ADDR", ""))
    header = settings.WEGWEISER_CLIENT_IP_HEADER
    if header:
        # The proxy overwrites this header; should it append instead, its entry is last.
        address = _parse(request.META.get(header, "").split(",")[-1]) or peer
    elif settings.WEGWEISER_TRUSTED_PROXIES or settings.WEGWEISER_TRUSTED_PROXY_COUNT:
        address = _forwarded_client(request, peer) or peer
    else:
        address = peer
    if address is None:
        return ""
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/{IPV6_PREFIX}", strict=False).network_address)
    return str(address)


def client_hash(request, *extra: str) -> str:
    """A keyed hash of the client's address (and ``extra`` parts, e.g. a username)."""
    return keyed_hash(client_address(request), *extra)


def keyed_hash(*parts: str) -> str:
    """A keyed hash of ``parts`` (e.g. an e-mail address), for cache keys."""
    material = "|".join([settings.SECRET_KEY, *parts]).encode()
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
    """How many events ``key`` has in its current window."""
    return cache.get(key, 0)


# Rate limits count in fixed windows of wall-clock time, read here so that a test can move
# the clock forward instead of sleeping.
clock = time.time


@dataclass(frozen=True)
class Limit:
    """At most ``requests`` requests per ``window`` seconds from one client (0: no limit)."""

    requests: int
    window: int


def limit_of(family: str) -> Limit:
    """The limit of an endpoint family (``search``, ``api``, ...) from the settings."""
    requests, window = settings.WEGWEISER_RATE_LIMITS[family]
    return Limit(int(requests), int(window))


def _window(request, family: str, limit: Limit) -> tuple[str, int]:
    """The cache key of the client's current window and the seconds until it ends."""
    now = clock()
    start = int(now // limit.window) * limit.window
    seconds_left = max(1, math.ceil(start + limit.window - now))
    return f"ratelimit:{family}:{start}:{client_hash(request)}", seconds_left


def exceeded(request, family: str) -> int | None:
    """Seconds until the client may try again if it used up its limit, else ``None``.

    Counts nothing: for endpoints that count only what they accept (:func:`record`).
    """
    limit = limit_of(family)
    if not limit.requests:
        return None
    key, seconds_left = _window(request, family, limit)
    return seconds_left if count(key) >= limit.requests else None


def record(request, family: str) -> None:
    """Count one request of the client towards the family's limit."""
    limit = limit_of(family)
    if limit.requests:
        key, seconds_left = _window(request, family, limit)
        hit(key, seconds_left)


def throttle(request, family: str) -> int | None:
    """Count this request; seconds until the client may try again if it is over the limit."""
    limit = limit_of(family)
    if not limit.requests:
        return None
    key, seconds_left = _window(request, family, limit)
    return seconds_left if hit(key, seconds_left) > limit.requests else None


def too_many_requests_page(request, retry_after: int) -> TemplateResponse:
    """429 in the visitor's language on the site's own page, with ``Retry-After``."""
    response = TemplateResponse(
        request,
        "429.html",
        {"retry_minutes": math.ceil(retry_after / 60)},
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return response


def rate_limited(family: str, too_many=too_many_requests_page):
    """View decorator: a client over the family's limit gets ``too_many(request, seconds)``
    (by default the site's 429 page) instead of the view's answer."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            retry_after = throttle(request, family)
            if retry_after is not None:
                return too_many(request, retry_after)
            return view(request, *args, **kwargs)

        return wrapper

    return decorate
