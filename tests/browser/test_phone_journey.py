"""A migrant's phone (390 px) in a real Chromium: results before filters, chips that remove
one filter, a listing saved and read again without network, and reading a listing aloud
with phone numbers and postcodes digit by digit."""

import re

import pytest
from wagtail.models import Locale

from directory.models import DirectoryIndexPage, ListingPage
from tests.browser.test_public_journey import check_page, narrowing_action_field

# No database fixture: these journeys read the committed demo (``demo_site_url``).
pytestmark = pytest.mark.browser

# A stand-in for the device's speech engine: one German voice, and every utterance recorded.
FAKE_SPEECH = """
window.spoken = [];
window.SpeechSynthesisUtterance = function (text) {
  this.text = text;
  this.addEventListener = function () {};
};
Object.defineProperty(window, "speechSynthesis", { value: {
  speaking: false, pending: false,
  getVoices: function () { return [{ lang: "de-DE", name: "Test" }]; },
  addEventListener: function () {},
  cancel: function () {},
  speak: function (utterance) {
    window.spoken.push({ text: utterance.text, lang: utterance.lang });
  }
} });
"""


@pytest.fixture
def site_url(demo_site_url):
    return demo_site_url


def listing_with_phone_and_address() -> ListingPage:
    german = Locale.objects.get(language_code="de")
    return (
        ListingPage.objects.live()
        .filter(locale=german, contacts__phone__gt="", locations__postcode__gt="")
        .distinct()
        .order_by("title")
        .first()
    )


def test_results_come_before_the_filters_and_a_chip_removes_one_filter(site_url, page, axe):
    from playwright.sync_api import expect

    directory = DirectoryIndexPage.objects.get(locale__language_code="de")
    german = ListingPage.objects.live().filter(locale__language_code="de")
    code, _ids = narrowing_action_field(german)
    page.goto(f"{site_url}{directory.url}?action_field={code}&free=1")

    count = page.locator("#results-title")
    summary = page.locator("details[data-filters] > summary")
    first_card = page.locator(".results .listing-card, .results .empty").first
    expect(count).to_be_visible()
    expect(page.locator(".filter-form")).to_be_hidden()
    expect(summary).to_contain_text("(2)")
    top = [box["y"] for box in (count.bounding_box(), summary.bounding_box())]
    assert top[0] < top[1] < first_card.bounding_box()["y"]
    check_page(page, axe, "filtered directory on a phone")

    chips = page.locator("a.chip:not(.chip-reset)")
    expect(chips).to_have_count(2)
    before = count.inner_text()
    free_chip = page.locator(f"a.chip[href*='action_field={code}']:not(.chip-reset)")
    with page.expect_navigation():
        free_chip.click()
    assert f"action_field={code}" in page.url and "free=1" not in page.url
    expect(page.locator("a.chip:not(.chip-reset)")).to_have_count(1)
    expect(page.locator("details[data-filters] > summary")).to_contain_text("(1)")
    assert count.inner_text() != before or re.search(r"\b0\b", before) is None


def test_a_saved_listing_opens_again_without_network(site_url, page, axe):
    from playwright.sync_api import expect

    listing = listing_with_phone_and_address()
    page.goto(f"{site_url}{listing.url}")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    save = page.locator("button[data-save]")
    expect(save).to_be_visible()
    save.click()
    expect(save).to_have_attribute("aria-pressed", "true")
    # The page was kept by the click; wait for the cache to hold it.
    page.wait_for_function(
        "url => caches.match(url, {ignoreVary: true}).then(Boolean)", arg=page.url
    )
    check_page(page, axe, "listing with its tools")

    page.context.set_offline(True)
    page.reload()
    expect(page.locator("main h1")).to_have_text(listing.title)

    page.goto(f"{site_url}/de/gespeichert/")
    saved = page.locator("[data-saved-list] a")
    expect(saved).to_have_count(1)
    expect(saved).to_have_text(listing.title)
    assert saved.get_attribute("href") == listing.url
    check_page(page, axe, "saved listings offline")

    # A page never visited answers with the offline page in its language.
    page.goto(f"{site_url}/ar/offline-not-visited/")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("main h1")).to_be_visible()
    page.context.set_offline(False)


def test_read_aloud_reads_phone_numbers_and_postcodes_digit_by_digit(site_url, page):
    from playwright.sync_api import expect

    listing = listing_with_phone_and_address()
    page.add_init_script(FAKE_SPEECH)
    page.goto(f"{site_url}{listing.url}")
    button = page.locator("button[data-read-aloud]")
    expect(button).to_be_visible()
    button.click()
    spoken = page.evaluate("window.spoken")
    assert spoken[0]["text"] == listing.title and spoken[0]["lang"] == "de"
    text = " ".join(part["text"] for part in spoken)
    postcode = listing.locations.first().postcode
    assert " ".join(postcode) in text
    phone_digits = re.sub(r"\D", "", listing.contacts.first().phone)
    assert " ".join(phone_digits) in re.sub(r",", "", text)


def test_read_aloud_is_hidden_without_a_voice_for_the_language(site_url, page):
    from playwright.sync_api import expect

    listing = listing_with_phone_and_address()
    page.add_init_script(FAKE_SPEECH.replace('lang: "de-DE"', 'lang: "en-GB"'))
    page.goto(f"{site_url}{listing.url}")
    expect(page.locator("button[data-save]")).to_be_visible()
    expect(page.locator("button[data-read-aloud]")).to_be_hidden()
