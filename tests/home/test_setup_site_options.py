"""``setup_site`` takes the network's name and contact from its options or from the settings
(``WEGWEISER_NETWORK_NAME``, ``WEGWEISER_CONTACT_*``, read from the environment)."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Site

from home.models import HomePage


@pytest.mark.django_db
def test_the_settings_give_the_network_and_an_option_wins_over_them(client, settings):
    settings.WEGWEISER_NETWORK_NAME = "Netzwerk aus der Umgebung"
    settings.WEGWEISER_CONTACT_EMAIL = "kontakt@umgebung.example"
    settings.WEGWEISER_CONTACT_PHONE = "0391 123456"
    settings.WEGWEISER_CONTACT_ADDRESS = "Rathaus; Marktplatz 1 ;12345 Musterstadt"
    settings.WEGWEISER_CONTACT_WEBSITE = "https://netzwerk.example/"

    call_command(
        "setup_site", "--network-name", "Integrationsnetzwerk Musterstadt", stdout=io.StringIO()
    )

    home = HomePage.objects.get(locale__language_code="de")
    assert home.title == "Integrationsnetzwerk Musterstadt"
    assert Site.objects.get(is_default_site=True).site_name == "Integrationsnetzwerk Musterstadt"
    assert home.coordinator_email == "kontakt@umgebung.example"
    assert home.coordinator_phone == "0391 123456"
    assert home.coordinator_address == "Rathaus\nMarktplatz 1\n12345 Musterstadt"
    assert home.coordinator_website == "https://netzwerk.example/"
    arabic = HomePage.objects.get(locale__language_code="ar")
    assert arabic.coordinator_email == "kontakt@umgebung.example", "contact data is synchronised"
    html = client.get("/ar/").content.decode()
    footer = html[html.index("<footer") :]
    for shown in ("kontakt@umgebung.example", "Marktplatz 1", "https://netzwerk.example/"):
        assert shown in footer
    # Another city's site names its own network, never Magdeburg's.
    german = client.get("/de/").content.decode()
    assert "Integrationsnetzwerk Musterstadt" in german[german.index("<footer") :]
    assert "Magdeburg" not in german and "Magdeburg" not in html


@pytest.mark.django_db
def test_without_a_name_the_site_name_stands_in(settings):
    settings.WEGWEISER_NETWORK_NAME = ""
    settings.WAGTAIL_SITE_NAME = "Wegweiser Musterstadt"

    call_command("setup_site", verbosity=0)

    assert HomePage.objects.get(locale__language_code="de").title == "Wegweiser Musterstadt"
