"""The client's address as every limit counts it, and counting by client without keeping
who the client is: the address is only hashed (with the secret key) into a cache key that
expires; it is never stored or logged.

Login throttling (django-axes, ``AXES_CLIENT_IP_CALLABLE``), the password reset limit and
the correction form all use :func:`client_address`.
"""

import hashlib
import ipaddress

from django.conf import settings
from django.core.cache import cache

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
