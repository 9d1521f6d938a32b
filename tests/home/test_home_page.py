"""The home page: search box, a tile per action field, the coordinator, the flyers, the menu."""

import os

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from base.i18n import ensure_synced_locale
from directory import flyer
from directory.models import ActionField
from home.factories import ContentPageFactory


def soup_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def hrefs(soup):
    return [link["href"] for link in soup.find_all("a", href=True)]


def require_pdf():
    """Skip where WeasyPrint cannot draw (a failure where ``REQUIRE_PDF=1``)."""
    if flyer.AVAILABLE:
        return
    reason = "WeasyPrint or its Pango libraries are not installed"
    if os.environ.get("REQUIRE_PDF") == "1":
        pytest.fail(f"{reason} (REQUIRE_PDF=1 forbids skipping)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def home(home_page):
    """The German home page with the coordinator's contact filled in."""
    home_page.coordinator_name = "Koordinator für Integration und Zuwanderung"
    home_page.coordinator_unit = "Stabsstelle V/02"
    home_page.coordinator_address = "Wilhelm-Höpfner-Ring 4\n39116 Magdeburg"
    home_page.coordinator_phone = "0391 540-2000"
    home_page.coordinator_email = "integration@example.org"
    home_page.save()
    return home_page


def test_home_page_has_a_search_form_sending_q_to_the_search_page(client, home):
    with translation.override("de"):
        search_url = reverse("search")
    forms = soup_of(client, home).find_all("form", action=search_url)
    assert forms, f"no form posts to {search_url}"
    for form in forms:
        assert form.get("method", "get").lower() == "get"
        assert form.find("input", attrs={"name": "q"})


def test_home_page_links_one_tile_per_action_field_to_the_filtered_directory(
    client, home, directory_page
):
    links = hrefs(soup_of(client, home))
    codes = ActionField.objects.filter(locale=home.locale).values_list("code", flat=True)
    assert len(codes) == 11  # seeded by migration directory/0002
    for code in codes:
        assert links.count(f"{directory_page.url}?action_field={code}") == 1, code


def test_home_page_shows_the_coordinators_contact_with_phone_and_email_links(client, home):
    soup = soup_of(client, home)
    text = soup.get_text(" ")
    assert "Koordinator für Integration und Zuwanderung" in text
    assert "Stabsstelle V/02" in text
    assert "Wilhelm-Höpfner-Ring 4" in text
    links = hrefs(soup)
    assert "tel:+493915402000" in links
    assert "mailto:integration@example.org" in links


def flyer_links(soup):
    flyers = soup.find("details", class_="flyer-list")
    return [] if flyers is None else hrefs(flyers)


def test_home_page_links_the_printable_flyer_of_every_action_field(client, home, directory_page):
    require_pdf()
    soup = soup_of(client, home)
    codes = ActionField.objects.filter(locale=home.locale).values_list("code", flat=True)
    assert flyer_links(soup) == [f"/de/flyer/{code}.pdf" for code in codes]
    assert not [href for href in hrefs(soup) if "/documents/" in href], "no hand-made flyer"
    link = soup.find("a", href="/de/flyer/sprache.pdf")
    assert link.get_text(strip=True) == "Sprache"
    response = client.get("/de/flyer/sprache.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_home_page_in_arabic_links_the_arabic_flyers(client, home, directory_page):
    require_pdf()
    arabic = ensure_synced_locale("ar")
    for field in ActionField.objects.filter(locale=home.locale):
        field.copy_for_translation(arabic).save()
    links = flyer_links(soup_of(client, home.get_translation(arabic)))
    assert len(links) == 11
    assert all(link.startswith("/ar/flyer/") for link in links)


def test_home_page_has_no_flyer_links_when_the_server_cannot_draw_pdfs(
    client, home, directory_page, monkeypatch
):
    monkeypatch.setattr(flyer, "AVAILABLE", False)
    soup = soup_of(client, home)
    assert flyer_links(soup) == []
    assert not [href for href in hrefs(soup) if "/flyer/" in href]


def test_home_page_has_no_flyer_links_without_a_directory(client, home):
    assert flyer_links(soup_of(client, home)) == []


def test_network_pages_shown_in_menus_are_linked_from_every_page(client, home, directory_page):
    principles = ContentPageFactory(
        parent=home, title="Verbindliche Grundsätze", show_in_menus=True
    )
    hidden = ContentPageFactory(parent=home, title="Interne Notizen", show_in_menus=False)
    for page in (home, directory_page, principles):
        links = hrefs(soup_of(client, page))
        assert principles.url in links, page
        assert hidden.url not in links, page


def test_home_page_links_the_directory(client, home, directory_page):
    assert directory_page.url in hrefs(soup_of(client, home))
