"""Arabic from home to the directory on a phone: every heading a visitor sees is Arabic.

Issue 14 began with "All services and projects" opening a page headed "Angebote" with a
German intro; this journey follows that link in Arabic and reads every h1, h2 and h3 on
both pages.
"""

import re

import pytest

from tests.browser.test_public_journey import assert_nothing_loaded_from_elsewhere

# No database fixture: this journey reads the committed demo (``demo_site_url``).
pytestmark = pytest.mark.browser

ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
# German words that gave the untranslated pages away.
GERMAN_WORDS = ("Angebote", "Angebot", "Ergebnis", "Filter", "Themen", "Suche")
HEADINGS = "h1, h2, h3"


def assert_headings_are_arabic(page, label: str) -> list[str]:
    headings = [text.strip() for text in page.locator(HEADINGS).all_inner_texts()]
    assert headings, f"no headings on the {label}"
    not_arabic = [text for text in headings if not ARABIC_SCRIPT.search(text)]
    assert not not_arabic, f"headings without Arabic script on the {label}: {not_arabic}"
    german = [text for text in headings if any(word in text for word in GERMAN_WORDS)]
    assert not german, f"German words in headings on the {label}: {german}"
    return headings


def test_arabic_visitor_goes_from_home_to_the_directory_and_reads_every_heading_in_arabic(
    demo_site_url, page
):
    from playwright.sync_api import expect

    page.goto(f"{demo_site_url}/ar/")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    assert_headings_are_arabic(page, "Arabic home page")

    page.locator("main .hero-all a").click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    assert "/ar/" in page.url
    assert "angebote" not in page.url
    headings = assert_headings_are_arabic(page, "Arabic directory")
    # The directory shows results: their titles are headings too, and read in Arabic.
    assert page.locator(".card-list .card-title").count() > 0
    assert len(headings) > 2

    assert_nothing_loaded_from_elsewhere(page, demo_site_url)
