"""Every public page a visitor on slow data opens stays under 200 KB with its assets.

Counted in a real Chromium: the bytes of every response the page loads (HTML, stylesheet,
scripts, icons, fonts; uncompressed, so the compressed transfer of the production server is
smaller still), the map excluded (Leaflet and tiles only load with ``MAP_TILE_URL``). The
service worker's own background caching is not counted: it happens after the page is shown.
"""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from directory.models import DirectoryIndexPage, ListingPage
from home.models import HomePage

pytestmark = pytest.mark.browser

BUDGET = 200 * 1024
LANGUAGES = ("de", "ar", "fa", "en")


def pages_of(language: str) -> list[str]:
    locale = Locale.objects.get(language_code=language)
    listing = ListingPage.objects.live().filter(locale=locale).order_by("path").first()
    with translation.override(language):
        search = reverse("search")
    return [
        HomePage.objects.get(locale=locale).url,
        DirectoryIndexPage.objects.get(locale=locale).url,
        f"{DirectoryIndexPage.objects.get(locale=locale).url}?action_field=sprache",
        listing.url,
        f"{search}?q=Beratung",
    ]


RESOURCES = """() => [
    ...performance.getEntriesByType("navigation"),
    ...performance.getEntriesByType("resource"),
].map((entry) => [entry.name, entry.decodedBodySize])"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_kind_of_page_weighs_less_than_200_kb_with_its_assets(
    demo_site_url, browser, language
):
    for path in pages_of(language):
        # A fresh browser each time: nothing comes from an earlier page's cache.
        context = browser.new_context(viewport={"width": 390, "height": 844})
        try:
            page = context.new_page()
            page.goto(f"{demo_site_url}{path}", wait_until="load")
            entries = page.evaluate(RESOURCES)
        finally:
            context.close()
        counted = {url: size for url, size in entries if "/leaflet/" not in url}
        total = sum(counted.values())
        biggest = sorted(counted.items(), key=lambda item: -item[1])[:3]
        assert total > 1000, f"{path}: nothing measured"
        assert total < BUDGET, f"{path}: {total / 1024:.0f} KB, largest {biggest}"
