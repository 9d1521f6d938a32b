"""A visitor switches languages in a real browser: German, Arabic (right to left), Persian.

The Arabic interface and a translated listing read in Arabic, right to left; an untranslated
listing in Persian shows the German text with a notice; the switcher leads back to the same
listing in German.
"""

import pytest
from wagtail.models import Locale

from demo.translate import TRANSLATED_LISTINGS, load_catalogue
from directory.models import ListingPage
from tests.browser.test_public_journey import assert_nothing_loaded_from_elsewhere, check_page

# No database fixture: this journey reads the committed demo (``demo_site_url``).
pytestmark = pytest.mark.browser


@pytest.fixture
def site_url(demo_site_url):
    return demo_site_url


def test_visitor_reads_the_site_in_arabic_and_persian_and_returns_to_german(site_url, page, axe):
    from playwright.sync_api import expect

    arabic = Locale.objects.get(language_code="ar")
    persian = Locale.objects.get(language_code="fa")
    catalogue = load_catalogue("ar")
    translated = ListingPage.objects.get(locale__language_code="de", slug=TRANSLATED_LISTINGS[2])
    untranslated = (
        ListingPage.objects.filter(locale__language_code="de")
        .exclude(slug__in=TRANSLATED_LISTINGS)
        .order_by("path")
        .first()
    )

    page.goto(f"{site_url}/de/")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    german_heading = page.locator("main h1").inner_text()

    # Switch to Arabic with the language switcher: the whole page turns right to left.
    page.locator(".language-list a[hreflang='ar']").click()
    page.wait_for_url(f"{site_url}/ar/")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert page.locator("main h1").inner_text() != german_heading
    # The layout is mirrored: the skip link and the main heading start at the right edge.
    heading_box = page.locator("main h1").bounding_box()
    assert heading_box["x"] + heading_box["width"] > page.viewport_size["width"] * 0.6
    check_page(page, axe, "Arabic home page")

    # A translated listing in Arabic shows Arabic text.
    arabic_listing = translated.get_translation(arabic)
    page.goto(f"{site_url}{arabic_listing.url}")
    expect(page.locator("main h1")).to_have_text(catalogue[translated.title])
    expect(page.locator("main")).to_contain_text(catalogue[translated.summary])
    # Phone numbers stay left to right inside the right-to-left text.
    number = page.locator("main a[href^='tel:'] [dir=ltr]").first
    expect(number).to_be_visible()
    assert number.evaluate("element => getComputedStyle(element).direction") == "ltr"
    check_page(page, axe, "Arabic listing")

    # An untranslated listing in Persian: German text, marked German, with a notice.
    persian_listing = untranslated.get_translation(persian)
    page.goto(f"{site_url}{persian_listing.url}")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("main h1")).to_have_text(untranslated.title)
    expect(page.locator("main h1")).to_have_attribute("lang", "de")
    expect(page.locator("[data-translation=missing]")).to_be_visible()
    check_page(page, axe, "untranslated Persian listing")

    # Back to German through the switcher: the same listing.
    page.locator(".language-list a[hreflang='de']").click()
    page.wait_for_url(f"{site_url}{untranslated.url}")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.locator("main h1")).to_have_text(untranslated.title)
    expect(page.locator("[data-translation]")).to_have_count(0)

    assert_nothing_loaded_from_elsewhere(page, site_url)
