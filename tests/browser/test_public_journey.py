"""A visitor's journey on a phone, in a real browser: home, directory, filter, listing.

Every page on the way must pass axe-core without serious or critical problems, fit a
390 px wide screen without sideways scrolling, and load nothing from outside the site
(no web fonts, CDNs or map tiles: a visitor's IP address must not reach third parties).
"""

import re
from urllib.parse import urlsplit

import pytest
from wagtail.models import Locale

from directory.models import ActionField, DirectoryIndexPage, ListingPage, ListingStatus
from directory.models.index import PAGE_SIZE

# No database fixture: the live server reads the database from another thread, so the demo
# is committed, once for the package (``demo_site_url``), and this journey only reads it.
pytestmark = pytest.mark.browser


@pytest.fixture
def site_url(demo_site_url):
    return demo_site_url


def german_listings():
    """Live German listings the directory shows (not ended), as an independent query."""
    german = Locale.objects.get(language_code="de")
    return (
        ListingPage.objects.live()
        .public()
        .filter(locale=german)
        .exclude(status=ListingStatus.ENDED)
    )


def narrowing_action_field(listings) -> tuple[str, set[int]]:
    """An action field that some but not all listings have, with those listings' ids."""
    total = listings.count()
    for field in ActionField.objects.filter(locale__language_code="de"):
        ids = set(
            listings.filter(action_field_links__action_field__code=field.code).values_list(
                "id", flat=True
            )
        )
        if 0 < len(ids) < total:
            return field.code, ids
    pytest.fail("The demo content has no action field that narrows the directory.")


def assert_fits_phone(page, label: str) -> None:
    screen = page.viewport_size["width"]
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= screen, (
        f"The {label} scrolls sideways on a {screen} px screen: its content is {width} px wide."
    )


def check_page(page, axe, label: str) -> None:
    """What every page must pass: accessible, and no sideways scrolling on a phone."""
    assert_fits_phone(page, label)
    axe(page, label)


def assert_nothing_loaded_from_elsewhere(page, site_url: str) -> None:
    # data: URLs are part of the page itself and never leave the browser.
    foreign = [
        url
        for url in page.requested_urls
        if not url.startswith(f"{site_url}/") and not url.startswith("data:")
    ]
    assert page.requested_urls, "No request was recorded; the request listener is broken."
    assert not foreign, "Requests left the site:\n" + "\n".join(sorted(set(foreign)))


def open_filters(page) -> None:
    """Unfold the "Filter (n)" disclosure (folded on a phone so the results come first)."""
    panel = page.locator("details[data-filters]")
    if not panel.evaluate("details => details.open"):
        panel.locator("summary.filters-summary").click()


def test_visitor_finds_a_service_by_topic_on_a_phone(site_url, page, axe):
    # Imported here: without Playwright the ``page`` fixture has already skipped the test.
    from playwright.sync_api import expect

    directory = DirectoryIndexPage.objects.get(locale__language_code="de")
    listings = german_listings()
    urls_by_listing = {listing.url: listing for listing in listings.specific()}

    # Home: a heading and the search box, right away.
    response = page.goto(f"{site_url}/de/")
    assert response.status == 200
    heading = page.locator("main h1")
    expect(heading).to_have_count(1)
    expect(heading).to_be_visible()
    assert heading.inner_text().strip()
    expect(page.locator("main form[role=search] input[type=search]")).to_be_visible()
    check_page(page, axe, "home page")

    # The directory, through the main menu.
    page.locator(f"nav.main-nav a[href='{directory.url}']").click()
    page.wait_for_url(f"{site_url}{directory.url}")
    expect(page.locator("main h1")).to_be_visible()
    all_count_text = page.locator("#results-title").inner_text()
    assert re.search(rf"\b{listings.count()}\b", all_count_text), all_count_text
    check_page(page, axe, "directory")

    # Filter by one action field: a plain form, submitted without JavaScript.
    code, expected_ids = narrowing_action_field(listings)
    option = f"input[type=checkbox][name=action_field][value='{code}']"
    checkbox = page.locator(f".filter-form {option}")
    # On a phone the filters sit behind "Filter (n)", after the results' count.
    open_filters(page)
    # A list of options may be folded away (<details>) so the results stay near on a phone.
    folded = page.locator(".filter-form details", has=page.locator(option))
    if folded.count() and not folded.evaluate("details => details.open"):
        folded.locator("summary").click()
    checkbox.check()
    page.locator(".filter-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"[?&]action_field="))
    assert f"action_field={code}" in page.url
    count_text = page.locator("#results-title").inner_text()
    assert count_text != all_count_text
    assert re.search(rf"\b{len(expected_ids)}\b", count_text), (
        f"Expected {len(expected_ids)} results for {code}, the page says {count_text!r}"
    )
    hrefs = page.locator(".listing-card .card-title a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert len(hrefs) == min(len(expected_ids), PAGE_SIZE)
    shown = [urls_by_listing.get(urlsplit(href).path) for href in hrefs]
    assert None not in shown, f"Cards link to unknown pages: {hrefs}"
    strays = [listing.title for listing in shown if listing.id not in expected_ids]
    assert not strays, f"Cards outside the action field {code}: {strays}"
    check_page(page, axe, "filtered directory")

    # The first listing: where, how to call, and when it is open.
    first = shown[0]
    open_before = first.is_open_now()
    page.locator(".listing-card .card-title a").first.click()
    page.wait_for_url(f"{site_url}{urlsplit(hrefs[0]).path}")
    open_after = first.is_open_now()
    expect(page.locator("main h1")).to_have_text(first.title)
    location = first.locations.first()
    assert location is not None, f"The demo listing {first.title!r} has no address."
    expect(page.locator("main address").first).to_be_visible()
    expect(page.locator("main address").first).to_contain_text(location.street)
    expect(page.locator("main a[href^='tel:']").first).to_be_visible()
    expect(page.locator("#when-title")).to_be_visible()
    if first.opening_hours.exists():
        expect(page.locator("main table.hours")).to_be_visible()
    if open_before == open_after:  # not at the very minute it opens or closes
        expect(page.locator(".listing-header .badge-open")).to_have_count(int(open_before))
    check_page(page, axe, "listing page")

    assert_nothing_loaded_from_elsewhere(page, site_url)
