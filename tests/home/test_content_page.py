"""Content pages show their introduction and every kind of body block."""

import json

from bs4 import BeautifulSoup

from home.factories import ContentPageFactory, DocumentFactory


def test_content_page_shows_its_introduction_and_body_blocks(client, home_page):
    flyer = DocumentFactory(title="Flyer Integrationsnetzwerk")
    page = ContentPageFactory(
        parent=home_page,
        title="Arbeitsgruppen",
        intro="Drei Arbeitsgruppen tragen das Netzwerk.",
        body=json.dumps(
            [
                {"type": "heading", "value": "AG Sprache und Bildung"},
                {"type": "paragraph", "value": "<p>Trifft sich jeden <b>ersten Montag</b>.</p>"},
                {
                    "type": "document",
                    "value": {"document": flyer.pk, "title": "Flyer herunterladen"},
                },
                {"type": "quote", "value": "Gemeinsam mehr erreichen."},
            ]
        ),
    )
    response = client.get(page.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    text = soup.get_text(" ")
    for shown in (
        "Arbeitsgruppen",
        "Drei Arbeitsgruppen tragen das Netzwerk.",
        "AG Sprache und Bildung",
        "ersten Montag",
        "Gemeinsam mehr erreichen.",
    ):
        assert shown in text
    download = soup.find("a", href=flyer.url)
    assert download is not None
    assert "Flyer herunterladen" in download.get_text()


def test_content_page_links_its_subpages_shown_in_menus(client, home_page):
    parent = ContentPageFactory(parent=home_page, title="Über uns")
    child = ContentPageFactory(parent=parent, title="Geschichte des Netzwerks", show_in_menus=True)
    response = client.get(parent.url)
    assert f'href="{child.url}"' in response.content.decode()
