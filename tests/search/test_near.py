"""Nearest first without coordinates: a postcode or a district from the listings' own data.

Three places in Magdeburg, from north to south: Neue Neustadt (39124), the Altstadt (39104)
and Buckau (39106), each with one listing. A place is at the centroid of the listings'
coordinates there.
"""

import re
from decimal import Decimal

import pytest

from directory.factories import DistrictFactory, ListingLocationFactory, ServicePageFactory
from directory.places import find_place

pytestmark = pytest.mark.django_db

NORTH = ("Neustadt-Angebot", "39124", "neue-neustadt", "Neue Neustadt", 52.1580, 11.6330)
CENTRE = ("Altstadt-Angebot", "39104", "altstadt", "Altstadt", 52.1310, 11.6390)
SOUTH = ("Buckau-Angebot", "39106", "buckau", "Buckau", 52.1100, 11.6320)


@pytest.fixture
def listings(module_site):
    made = {}
    for title, postcode, code, name, latitude, longitude in (NORTH, CENTRE, SOUTH):
        listing = ServicePageFactory(parent=module_site.organisation, title=title)
        ListingLocationFactory(
            page=listing,
            postcode=postcode,
            district=DistrictFactory(code=code, name=name),
            latitude=Decimal(str(latitude)),
            longitude=Decimal(str(longitude)),
        )
        made[title] = listing
    # A second location in the Altstadt moves its centroid a little east.
    ListingLocationFactory(
        page=made["Altstadt-Angebot"],
        postcode="39104",
        latitude=Decimal("52.1310"),
        longitude=Decimal("11.6450"),
    )
    return made


def card_titles(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r'class="card-title"[^>]*><a href="[^"]*"[^>]*>([^<]+)</a>', html)


def test_a_postcode_sorts_the_results_by_distance(client, listings):
    response = client.get("/de/suche/", {"near": "39106"})
    assert response.status_code == 200
    assert card_titles(response) == ["Buckau-Angebot", "Altstadt-Angebot", "Neustadt-Angebot"]
    assert "Sortiert nach Entfernung von 39106." in response.content.decode()

    response = client.get("/de/suche/", {"near": "39124 Magdeburg"})
    assert card_titles(response) == ["Neustadt-Angebot", "Altstadt-Angebot", "Buckau-Angebot"]


def test_a_district_by_name_or_code_sorts_the_results(client, listings):
    for named in ("Buckau", "  buckau ", "BUCKAU"):
        response = client.get("/de/suche/", {"near": named})
        assert card_titles(response)[0] == "Buckau-Angebot", named
    response = client.get("/de/suche/", {"near": "neue-neustadt", "q": "Angebot"})
    assert card_titles(response) == ["Neustadt-Angebot", "Altstadt-Angebot", "Buckau-Angebot"]


def test_a_place_is_the_centroid_of_the_listings_there(listings):
    place = find_place("39104")
    assert place.latitude == pytest.approx(52.1310)
    assert place.longitude == pytest.approx(11.6420)


def test_the_cards_show_the_distance(client, listings):
    html = client.get("/de/suche/", {"near": "39106"}).content.decode()
    assert "0,0 km entfernt" in html


def test_an_unknown_place_is_named_and_changes_nothing(client, listings):
    unsorted = card_titles(client.get("/de/suche/", {"q": "Angebot"}))
    response = client.get("/de/suche/", {"q": "Angebot", "near": "10115 Berlin"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Wir kennen keine Postleitzahl und keinen Stadtteil „10115 Berlin“" in html
    assert 'aria-invalid="true"' in html
    assert card_titles(response) == unsorted
    assert "km entfernt" not in html


@pytest.mark.parametrize(
    "named", ["<script>alert(1)</script>", "x" * 5000, "'; DROP TABLE x; --", "\u202e39106"]
)
def test_strange_places_get_the_message_not_an_error(client, listings, named):
    response = client.get("/de/suche/", {"near": named})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_coordinates_still_sort_by_distance(client, listings):
    response = client.get("/de/suche/", {"q": "Angebot", "lat": "52.158", "lon": "11.633"})
    assert card_titles(response) == ["Neustadt-Angebot", "Altstadt-Angebot", "Buckau-Angebot"]
    assert "Sortiert nach Entfernung von Ihrem Standort." in response.content.decode()


def test_the_next_page_keeps_the_place(client, listings):
    html = client.get("/de/suche/", {"near": "Buckau"}).content.decode()
    assert 'name="near" value="Buckau"' in html
