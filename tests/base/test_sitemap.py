"""The sitemap: an index of per-language sections, every live public page with its
alternates, renewed on publish; robots.txt points at it and keeps crawlers off search results."""

import re

import pytest
from django.test import override_settings
from wagtail.models import PageViewRestriction

from directory.factories import OrganisationPageFactory

pytestmark = pytest.mark.django_db

LOC = re.compile(r"<loc>([^<]+)</loc>")


@pytest.fixture
def site(home_page, directory_page, organisation, locale_en):
    """German home, directory and four partners; the home page translated into English."""
    for name in ("AWO", "DRK", "Diakonie"):
        OrganisationPageFactory(parent=directory_page, title=name)
    english_home = home_page.copy_for_translation(locale_en)
    english_home.save_revision().publish()
    return home_page


def sections(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    assert "<sitemapindex" in response.text
    return LOC.findall(response.text)


def urls_in(client, section_url: str) -> list[str]:
    response = client.get(section_url.removeprefix("http://testserver"))
    assert response.status_code == 200
    return LOC.findall(response.text)


@override_settings(WEGWEISER_SITEMAP_SECTION_SIZE=2)
def test_the_index_splits_each_language_into_sections_of_at_most_the_section_size(client, site):
    index = sections(client)
    # German: home, directory and four partners = 6 pages in 3 sections; English: the home.
    assert index == [
        "http://testserver/sitemap-de-1.xml",
        "http://testserver/sitemap-de-2.xml",
        "http://testserver/sitemap-de-3.xml",
        "http://testserver/sitemap-en-1.xml",
    ]
    german = [url for section in index[:3] for url in urls_in(client, section)]
    assert all(len(urls_in(client, section)) <= 2 for section in index)
    assert len(german) == len(set(german)) == 6
    assert site.full_url in german
    assert urls_in(client, index[3]) == [site.full_url.replace("/de/", "/en/")]


def test_a_page_lists_its_translations_as_alternates_with_the_german_source_as_default(
    client, site
):
    xml = client.get("/sitemap-en-1.xml").text
    german, english = site.full_url, site.full_url.replace("/de/", "/en/")
    assert f'<xhtml:link rel="alternate" hreflang="de" href="{german}"/>' in xml
    assert f'<xhtml:link rel="alternate" hreflang="en" href="{english}"/>' in xml
    assert f'<xhtml:link rel="alternate" hreflang="x-default" href="{german}"/>' in xml


def test_private_and_unpublished_pages_are_left_out(client, site, organisation, directory_page):
    hidden = OrganisationPageFactory(parent=directory_page, title="Vertraulich")
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    organisation.unpublish()
    urls = urls_in(client, "/sitemap-de-1.xml")
    assert not any("vertraulich" in url for url in urls)
    assert not any(organisation.slug in url for url in urls)
    assert directory_page.full_url in urls


def test_a_publish_renews_the_cached_sitemap(client, site, directory_page):
    before = urls_in(client, "/sitemap-de-1.xml")
    OrganisationPageFactory(parent=directory_page, title="Neu im Netzwerk")
    after = urls_in(client, "/sitemap-de-1.xml")
    assert len(after) == len(before) + 1
    assert any("neu-im-netzwerk" in url for url in after)


@pytest.mark.parametrize(
    "path",
    ["/sitemap-de-2.xml", "/sitemap-de-0.xml", "/sitemap-xx-1.xml", "/sitemap-de-99999999999.xml"],
)
def test_a_section_that_does_not_exist_is_not_found(client, site, path):
    assert client.get(path).status_code == 404


def test_the_sitemap_only_answers_reads(client, site):
    assert client.post("/sitemap.xml").status_code == 405


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_off_admin_and_search(client, site):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.text.splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /de/suche/" in lines and "Disallow: /ar/bahth/" in lines
    assert "Disallow: /de/korrektur/" in lines
    assert "Disallow: /de/" not in lines


def test_search_results_and_suggestions_ask_not_to_be_indexed(client, site):
    assert client.get("/de/suche/?q=Beratung")["X-Robots-Tag"] == "noindex, follow"
    assert "noindex" in client.get("/de/suche/vorschlaege/?q=Ber")["X-Robots-Tag"]
    assert not client.get("/de/").has_header("X-Robots-Tag")
