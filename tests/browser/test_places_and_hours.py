"""On a 390 px phone: the map only with a tile server, nearest first by postcode, and the
opening status on a public holiday.

The tile server is a tiny HTTP server in the test that answers every tile with one PNG
and counts the requests. The clock of the site is set to Christmas Day 2026 (a Friday and a
public holiday in Sachsen-Anhalt) where a test needs a fixed date.
"""

import threading
import zlib
from datetime import datetime, time
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from struct import pack
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings
from django.utils import timezone

from directory.factories import (
    ListingLocationFactory,
    OpeningHoursFactory,
    OrganisationPageFactory,
    ServicePageFactory,
)
from directory.models import Weekday
from tests.browser.test_public_journey import assert_nothing_loaded_from_elsewhere, check_page

pytestmark = [
    pytest.mark.browser,
    # The live server reads committed rows: a transactional test on small factory content,
    # starting from the migrated database (it runs after the read-only demo journeys).
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_state"),
]

# From north to south: (title, postcode, latitude, longitude).
PLACES = [
    ("Neustadt-Beratung", "39124", "52.1580", "11.6330"),
    ("Altstadt-Beratung", "39104", "52.1310", "11.6390"),
    ("Buckau-Beratung", "39106", "52.1100", "11.6320"),
]


def png(size: int = 256) -> bytes:
    """A plain light-grey PNG tile."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return pack(">I", len(data)) + kind + data + pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xdd" * size for _ in range(size))
    header = pack(">IIBBBBB", size, size, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def tile_server():
    """A local tile server: its URL template and the list of paths it was asked for."""
    tile = png()
    asked = []

    class Tiles(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the name http.server calls)
            asked.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(tile)))
            self.end_headers()
            self.wfile.write(tile)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Tiles)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/{{z}}/{{x}}/{{y}}.png", asked
    server.shutdown()
    server.server_close()


@pytest.fixture
def site(directory_page, live_server):
    organisation = OrganisationPageFactory(parent=directory_page, title="Caritas", slug="caritas")
    listings = []
    for title, postcode, latitude, longitude in PLACES:
        listing = ServicePageFactory(parent=organisation, title=title)
        ListingLocationFactory(
            page=listing,
            postcode=postcode,
            latitude=Decimal(latitude),
            longitude=Decimal(longitude),
        )
        for weekday in (Weekday.MONDAY, Weekday.FRIDAY):
            OpeningHoursFactory(page=listing, weekday=weekday, opens=time(9), closes=time(16))
        listings.append(listing)
    return live_server.url, directory_page, listings


def test_no_map_and_nothing_from_elsewhere_without_a_tile_server(site, page, axe):
    base, directory, listings = site
    for url in (f"{base}{directory.url}", f"{base}{listings[0].url}"):
        page.goto(url)
        assert page.locator("[data-map-block]").count() == 0
        assert page.locator(".leaflet-container").count() == 0
    # The listing keeps its address and a plain route link.
    page.locator("main a.route-link").first.wait_for()
    assert page.locator("main address").first.inner_text().startswith("Breiter Weg")
    assert not [url for url in page.requested_urls if "leaflet" in url]
    assert_nothing_loaded_from_elsewhere(page, base)
    check_page(page, axe, "listing without a map")


def test_the_map_shows_the_listings_of_the_list_from_the_local_tile_server(
    site, page, axe, tile_server
):
    base, directory, listings = site
    tiles, asked = tile_server
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    with override_settings(MAP_TILE_URL=tiles, MAP_TILE_ATTRIBUTION="Testkacheln"):
        page.goto(f"{base}{directory.url}")
        page.locator(".map.leaflet-container").wait_for()
        markers = page.locator(".leaflet-marker-icon")
        titles = page.locator(".card-list .card-title a").all_inner_texts()
        assert markers.count() == len(titles) == len(PLACES)
        assert sorted(markers.evaluate_all("icons => icons.map(i => i.alt)")) == sorted(titles)
        page.wait_for_function("document.querySelectorAll('.leaflet-tile-loaded').length > 0")
        assert asked, "No tile was asked from the tile server"
        assert "Testkacheln" in page.locator(".leaflet-control-attribution").inner_text()

        # Keyboard: the markers are reachable and Enter opens a link to the listing.
        markers.first.focus()
        page.keyboard.press("Enter")
        popup_link = page.locator(".leaflet-popup-content a")
        popup_link.wait_for()
        assert popup_link.inner_text() in titles
        check_page(page, axe, "directory with a map")

        page.goto(f"{base}{listings[1].url}")
        page.locator(".map.leaflet-container").wait_for()
        assert page.locator(".leaflet-marker-icon").count() == 1
        check_page(page, axe, "listing with a map")
    assert not violations, violations


def test_nearest_first_by_postcode(site, page, axe):
    base, _directory, _listings = site
    page.goto(f"{base}/de/suche/")
    page.get_by_label("Postleitzahl oder Stadtteil").fill("39106")
    page.get_by_role("button", name="Nach Entfernung sortieren").click()
    page.wait_for_url("**near=39106**")
    titles = page.locator(".card-list .card-title a").all_inner_texts()
    assert titles == ["Buckau-Beratung", "Altstadt-Beratung", "Neustadt-Beratung"]
    assert "Sortiert nach Entfernung von 39106." in page.locator("main").inner_text()
    check_page(page, axe, "search sorted by postcode")

    # Results first: the place field is in the folded filter panel now.
    page.locator("details[data-filters] > summary").click()
    page.get_by_label("Postleitzahl oder Stadtteil").fill("Atlantis")
    page.get_by_role("button", name="Nach Entfernung sortieren").click()
    page.wait_for_url("**near=Atlantis**")
    assert "„Atlantis“" in page.get_by_role("alert").inner_text()
    check_page(page, axe, "search with an unknown place")


def test_on_christmas_day_the_cards_say_when_they_open_again(site, page, axe, monkeypatch):
    base, directory, _listings = site
    christmas = datetime(2026, 12, 25, 10, tzinfo=ZoneInfo("Europe/Berlin"))
    monkeypatch.setattr(timezone, "now", lambda: christmas)
    page.goto(f"{base}{directory.url}")
    statuses = page.locator(".listing-card [data-opening]").all_inner_texts()
    assert statuses == ["Geschlossen · öffnet Mo 09:00"] * len(PLACES)
    page.goto(f"{base}{directory.url}?open_now=1")
    assert page.locator(".listing-card").count() == 0
    check_page(page, axe, "directory on Christmas Day")
