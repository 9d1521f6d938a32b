"""Every kind of public page stays under 200 KB with its assets, on a phone, in four languages.

Counted in a real Chromium, a fresh browser context per page (nothing from an earlier page's
cache), 390 px wide: the ``decodedBodySize`` of the navigation and of every resource entry
(HTML, stylesheet, scripts, icons, images). That is the size after decompression, so the
figure does not depend on the server: the test server compresses nothing, while WhiteNoise in
production sends the static files compressed, so a visitor transfers less still. The map is
left out (Leaflet under ``/leaflet/`` and the tiles: both only load with ``MAP_TILE_URL``), and
so is the service worker's background caching, which is no resource of the page.
"""

from urllib.parse import quote

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from directory.models import DirectoryIndexPage, ListingPage
from home.models import HomePage
from tests.browser.conftest import PHONE_VIEWPORT

# No database fixture: these pages are the committed demo (``demo_site_url``).
pytestmark = pytest.mark.browser

BUDGET = 200 * 1024
LANGUAGES = ("de", "ar", "fa", "en")
KINDS = ("home", "directory", "directory filtered", "listing", "search")
# A word with results in each language's demo content.
SEARCH_WORDS = {"de": "deutsch", "ar": "لغة", "fa": "زبان", "en": "german"}
# An action field of the demo, by its code (the same in every language).
ACTION_FIELD = "sprache"
# Where the results must show: a page without them would weigh too little to tell anything.
RESULT_CARDS = {
    "directory": ".results .listing-card",
    "directory filtered": ".results .listing-card",
    "search": ".search-results .listing-card",
}

ENTRIES = """() => [
    ...performance.getEntriesByType("navigation"),
    ...performance.getEntriesByType("resource"),
].map((entry) => [entry.name, entry.decodedBodySize])"""


def path_of(kind: str, language: str) -> str:
    """The URL path of one kind of page in one language of the demo."""
    locale = Locale.objects.get(language_code=language)
    directory = DirectoryIndexPage.objects.live().get(locale=locale)
    if kind == "home":
        return HomePage.objects.live().get(locale=locale).url
    if kind == "directory":
        return directory.url
    if kind == "directory filtered":
        return f"{directory.url}?action_field={ACTION_FIELD}"
    if kind == "listing":
        return ListingPage.objects.live().filter(locale=locale).order_by("path").first().url
    with translation.override(language):
        return f"{reverse('search')}?q={quote(SEARCH_WORDS[language])}"


def is_map(url: str) -> bool:
    """Whether a request belongs to the map: Leaflet's files or a tile."""
    tile_server = settings.MAP_TILE_URL.split("{", 1)[0]
    return "/leaflet/" in url or bool(tile_server and url.startswith(tile_server))


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_page_weighs_less_than_200_kb_with_its_assets(demo_site_url, browser, language, kind):
    path = path_of(kind, language)
    context = browser.new_context(viewport=PHONE_VIEWPORT)
    try:
        page = context.new_page()
        response = page.goto(f"{demo_site_url}{path}", wait_until="load")
        assert response.ok, f"{language} {kind} ({path}): HTTP {response.status}"
        if kind in RESULT_CARDS:
            assert page.locator(RESULT_CARDS[kind]).count(), f"{path}: no results shown"
        entries = page.evaluate(ENTRIES)
    finally:
        context.close()
    counted = {url: size for url, size in entries if not is_map(url)}
    total = sum(counted.values())
    biggest = sorted(counted.items(), key=lambda item: -item[1])[:3]
    listed = ", ".join(
        f"{url.removeprefix(demo_site_url)} {size / 1024:.1f} KB" for url, size in biggest
    )
    assert total > 10 * 1024, f"{language} {kind} ({path}): only {total} bytes measured"
    assert total < BUDGET, (
        f"{language} {kind} ({path}) weighs {total / 1024:.0f} KB with its assets "
        f"(budget {BUDGET // 1024} KB); the biggest: {listed}"
    )
