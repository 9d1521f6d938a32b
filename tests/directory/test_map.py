"""Maps come from the tile server named in the environment, or not at all.

Without ``MAP_TILE_URL`` a page loads nothing for a map and the policy allows no other
origin; with it, the result lists and listings carry the map and the tile server's origin
is allowed for images, on the public site only. The browser side is in
``tests/browser/test_map.py``.
"""

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.test import override_settings

from base.csp import map_tile_origin
from directory.factories import ListingLocationFactory, ServicePageFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
TILES = "https://tiles.example.org/{z}/{x}/{y}.png"


@pytest.fixture
def listing(module_site):
    listing = ServicePageFactory(parent=module_site.organisation, title="Sprachcafé")
    ListingLocationFactory(
        page=listing,
        latitude=Decimal("52.131"),
        longitude=Decimal("11.639"),
        street="Breiter Weg 1",
    )
    return listing


def img_src(response) -> list[str]:
    policy = response["Content-Security-Policy"]
    directive = next(part for part in policy.split(";") if part.strip().startswith("img-src"))
    return directive.split()[1:]


def test_without_a_tile_server_there_is_no_map_and_no_other_origin(client, module_site, listing):
    for url in (module_site.directory.url, listing.url, "/de/suche/?q=Sprachcaf%C3%A9"):
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200
        assert "leaflet" not in html.lower(), url
        assert "data-map-block" not in html, url
        assert img_src(response) == ["'self'"], url
    # The address and a route link are there instead.
    html = client.get(listing.url).content.decode()
    assert "Breiter Weg 1" in html
    assert "https://www.openstreetmap.org/directions?route=" in html


@override_settings(MAP_TILE_URL=TILES, MAP_TILE_ATTRIBUTION="© Kartendaten <Beispiel>")
def test_with_a_tile_server_the_results_and_the_listing_have_a_map(client, module_site, listing):
    response = client.get(module_site.directory.url)
    html = response.content.decode()
    assert img_src(response) == ["'self'", "https://tiles.example.org"]
    assert 'data-tiles="https://tiles.example.org/{z}/{x}/{y}.png"' in html
    assert 'data-attribution="© Kartendaten &lt;Beispiel&gt;"' in html
    assert "/static/vendor/leaflet/leaflet.js" in html
    # The card carries its place, which the map reads, so map and list show the same.
    assert re.search(r'class="card listing-card" data-lat="52.131\d*" data-lon="11.639\d*"', html)

    html = client.get(listing.url).content.decode()
    assert 'data-map-items=".location-list .location"' in html
    assert re.search(r'class="location" data-lat="52.131\d*" data-lon="11.639\d*"', html)


@override_settings(MAP_TILE_URL=TILES)
def test_the_admin_policy_does_not_get_the_tile_server(admin_client):
    response = admin_client.get("/admin/")
    assert "tiles.example.org" not in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        (TILES, "https://tiles.example.org"),
        ("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org"),
        ("http://127.0.0.1:8123/{z}/{x}/{y}.png", "http://127.0.0.1:8123"),
        ("", ""),
        ("javascript:alert(1)//{z}", ""),
        ("tiles.example.org/{z}/{x}/{y}.png", ""),
        ("https://user@tiles.example.org/{z}/{x}/{y}.png", ""),
    ],
)
def test_only_an_http_tile_server_makes_a_map(url, origin):
    assert map_tile_origin(url) == origin


@override_settings(MAP_TILE_URL="javascript:alert(1)//{z}")
def test_a_tile_url_that_is_no_web_address_shows_no_map(client, module_site, listing):
    response = client.get(module_site.directory.url)
    assert "data-map-block" not in response.content.decode()
    assert img_src(response) == ["'self'"]


def test_the_served_leaflet_is_the_one_package_json_names():
    wanted = json.loads((ROOT / "package.json").read_text())["dependencies"]["leaflet"]
    served = (ROOT / "static" / "vendor" / "leaflet" / "leaflet.js").read_text()
    assert f'.version="{wanted}"' in served
    assert (ROOT / "static" / "vendor" / "leaflet" / "LICENSE").is_file()
