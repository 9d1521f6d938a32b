"""What the public pages cache about the content is rebuilt as soon as the content changes,
in this process (signals) and in others sharing the cache (the version token)."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

from base.content_cache import VERSION_KEY, cached, content_changed
from wegweiser.settings.base import cache_from_url

pytestmark = pytest.mark.django_db


def counting_builder():
    calls = []

    def build():
        calls.append(1)
        return len(calls)

    return build, calls


def test_a_value_is_built_once_until_the_content_changes():
    build, calls = counting_builder()
    assert cached("test-key", build) == 1
    assert cached("test-key", build) == 1
    content_changed()
    assert cached("test-key", build) == 2
    assert len(calls) == 2


def test_a_change_made_by_another_process_is_seen_through_the_shared_cache():
    build, calls = counting_builder()
    cached("test-key", build)
    # Another server process published something: it stored a new token in the cache.
    cache.set(VERSION_KEY, "written-by-another-process", timeout=None)
    assert cached("test-key", build) == 2


def test_saving_a_page_outdates_the_cache(home_page):
    build, calls = counting_builder()
    cached("test-key", build)
    home_page.title = "Wegweiser Magdeburg"
    home_page.save_revision().publish()
    cached("test-key", build)
    assert len(calls) == 2


def test_a_published_title_reaches_the_menu_and_directory_at_once(client, home_page):
    from home.models import ContentPage

    client.get("/de/")
    page = ContentPage(title="Über das Netzwerk", slug="netzwerk", show_in_menus=True)
    home_page.add_child(instance=page)
    page.save_revision().publish()
    assert "Über das Netzwerk" in client.get("/de/").content.decode()


@pytest.mark.parametrize(
    ("url", "backend"),
    [
        ("", "locmem.LocMemCache"),
        ("locmem://", "locmem.LocMemCache"),
        ("file:///var/cache/wegweiser", "filebased.FileBasedCache"),
        ("redis://cache:6379/0", "base.cache.ResilientRedisCache"),
    ],
)
def test_cache_url_selects_the_cache(url, backend):
    expected = backend if backend.startswith("base.") else f"django.core.cache.backends.{backend}"
    assert cache_from_url(url)["BACKEND"] == expected


@pytest.mark.parametrize("url", ["memcached://x", "file://relative/path", "nonsense"])
def test_an_unknown_cache_url_is_refused_with_a_clear_message(url):
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL"):
        cache_from_url(url)
