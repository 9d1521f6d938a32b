"""Search in a real browser: suggestions as you type, pick one, narrow by an action field.

The same journey runs in German and in Arabic (right to left); each results page must
pass axe-core and fit a phone screen.
"""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils import translation

from tests.browser.test_public_journey import check_page, open_filters

# No database fixture: this journey reads the committed demo (``demo_site_url``).
pytestmark = pytest.mark.browser


@pytest.fixture
def site_url(demo_site_url):
    """The live server's address, with the demo content loaded."""
    return demo_site_url


def search_journey(page, axe, site_url, language, typed, pick_with_keyboard):
    from playwright.sync_api import expect

    with translation.override(language):
        page.goto(f"{site_url}{reverse('search')}")
    box = page.get_by_role("combobox")
    box.press_sequentially(typed, delay=40)
    options = page.get_by_role("option")
    expect(options.first).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    chosen = options.first.text_content()
    assert chosen.startswith(typed.lower())

    with page.expect_navigation():
        if pick_with_keyboard:
            box.press("ArrowDown")
            expect(box).to_have_attribute(
                "aria-activedescendant", options.first.get_attribute("id")
            )
            box.press("Enter")
        else:
            options.first.click()
    assert parse_qs(urlsplit(page.url).query)["q"] == [chosen]
    cards = page.locator(".search-results .listing-card")
    expect(cards.first).to_be_visible()
    before = page.locator("#results-title").text_content()
    check_page(page, axe, f"search results ({language})")

    facet = page.locator("input[name=action_field][value=sprache]")
    open_filters(page)
    if not facet.is_visible():
        facet.locator("xpath=ancestor::details[1]/summary").click()
    facet.check()
    with page.expect_navigation():
        page.locator(".filter-form button[type=submit]").click()
    query = parse_qs(urlsplit(page.url).query)
    assert query["action_field"] == ["sprache"] and query["q"] == [chosen]
    expect(cards.first).to_be_visible()
    assert page.locator("#results-title").text_content() != "" and before
    return page


def test_visitor_picks_a_suggestion_and_narrows_by_an_action_field(site_url, page, axe):
    search_journey(page, axe, site_url, "de", "Deutschk", pick_with_keyboard=True)
    assert page.locator("html").get_attribute("dir") in (None, "ltr")


def test_the_same_search_works_in_arabic_right_to_left(site_url, page, axe):
    search_journey(page, axe, site_url, "ar", "الاند", pick_with_keyboard=False)
    assert page.locator("html").get_attribute("dir") == "rtl"
