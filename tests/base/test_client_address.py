"""The client's address behind a proxy: what a client writes into X-Forwarded-For is never
believed beyond what our own proxies added; the same address feeds every limit."""

from ipaddress import ip_network

from django.test import RequestFactory

from base.ratelimit import client_address

PROXY = "10.0.0.1"


def address(settings, remote, forwarded=None, **overrides):
    settings.WEGWEISER_CLIENT_IP_HEADER = overrides.get("header", "")
    settings.WEGWEISER_TRUSTED_PROXIES = [ip_network(n) for n in overrides.get("proxies", [])]
    settings.WEGWEISER_TRUSTED_PROXY_COUNT = overrides.get("count", 0)
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    meta.update(overrides.get("meta", {}))
    return client_address(RequestFactory().get("/", **meta))


def test_without_a_proxy_setting_forwarded_for_is_ignored(settings):
    assert address(settings, "203.0.113.5", "198.51.100.7") == "203.0.113.5"


def test_the_right_most_entry_not_written_by_a_trusted_proxy_is_the_client(settings):
    proxies = ["10.0.0.0/24"]
    # The client made up the first entry; our proxies added the client and 10.0.0.2.
    chain = "198.51.100.7, 203.0.113.5, 10.0.0.2"
    assert address(settings, PROXY, chain, proxies=proxies) == "203.0.113.5"
    # A request that did not come through our proxy: its header is not believed at all.
    assert address(settings, "203.0.113.9", chain, proxies=proxies) == "203.0.113.9"
    # Garbage in the chain right of the client is not skipped over.
    assert address(settings, PROXY, "198.51.100.7, nonsense", proxies=proxies) == PROXY


def test_a_proxy_count_takes_that_many_entries_from_the_right(settings):
    chain = "198.51.100.7, 203.0.113.5, 10.0.0.2"
    assert address(settings, PROXY, chain, count=2) == "203.0.113.5"
    assert address(settings, PROXY, "203.0.113.5", count=1) == "203.0.113.5"
    # Fewer entries than proxies: the request bypassed them, the peer is the client.
    assert address(settings, "203.0.113.9", "198.51.100.7", count=2) == "203.0.113.9"


def test_a_header_the_proxy_overwrites(settings):
    meta = {"HTTP_X_REAL_IP": "203.0.113.5"}
    assert address(settings, PROXY, "198.51.100.7", header="HTTP_X_REAL_IP", meta=meta) == (
        "203.0.113.5"
    )


def test_ipv6_counts_by_64_and_mapped_ipv4_as_ipv4(settings):
    assert address(settings, "2001:db8:1:2:aaaa:bbbb:cccc:dddd") == "2001:db8:1:2::"
    assert address(settings, "::ffff:203.0.113.5") == "203.0.113.5"
