"""A bare install (``setup_site``, no demo) speaks every language from the first page.

The skeleton's pages are wagtail-localize translations made from the interface catalogues:
their titles, intros and slugs are in the page's language, the translation status knows
them, and the German slugs answer with a permanent redirect to the translated page.
"""

import io
import re
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.models import Locale
from wagtail_localize.synctree import create_aliases_for_new_page

from base.translation_status import UP_TO_DATE, translation_info
from directory.factories import OrganisationPageFactory
from directory.models import DirectoryIndexPage
from home.models import HomePage, PrivacyPage
from tests.conftest import forget_cached_content

ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
LATIN_LETTER = re.compile("[A-Za-zÄÖÜäöüß]")
# The directory's and the privacy page's slugs, the search page's and the partner list's paths.
SLUGS = {
    "de": ("angebote", "datenschutz", "suche", "partner"),
    "en": ("services", "privacy", "search", "partners"),
    "ar": ("al-khdmat", "al-khswsya", "bahth", "shuraka"),
    "fa": ("khdmat", "hrim-khsvsi", "jostojoo", "shorakaa"),
    "uk": ("posluhy", "zakhyst-danykh", "poshuk", "partnery"),
    "ru": ("uslugi", "zashchita-dannykh", "poisk", "partnery"),
    "tr": ("hizmetler", "gizlilik", "arama", "ortaklar"),
}


class Headings(HTMLParser):
    """The text of every ``<h1>`` of a page."""

    def __init__(self):
        super().__init__()
        self.h1 = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        if tag == "h1":
            self._inside = True
            self.h1.append("")

    def handle_endtag(self, tag):
        if tag == "h1":
            self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.h1[-1] += data


def h1_texts(html):
    parser = Headings()
    parser.feed(html)
    return [text.strip() for text in parser.h1]


def is_arabic(text):
    """Arabic letters and not one Latin letter (no German, no English left over)."""
    return bool(ARABIC_LETTER.search(text)) and not LATIN_LETTER.search(text)


@pytest.fixture(scope="module")
def bare_site(django_db_setup, django_db_blocker):
    """The skeleton of a bare install, built once for the module by setup_site."""
    forget_cached_content()
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("setup_site", network_name="Netzwerk Musterstadt", stdout=io.StringIO())
        yield SimpleNamespace()
        transaction.set_rollback(True)
    forget_cached_content()


@pytest.fixture
def site(bare_site, db):
    return bare_site


def skeleton_page(model, code):
    return model.objects.get(locale__language_code=code).specific


def partner_list_url(code):
    directory = skeleton_page(DirectoryIndexPage, code)
    with translation.override(code):
        return directory.url + directory.reverse_subpage("organisations")


def search_url(code):
    with translation.override(code):
        return reverse("search")


class TestArabicFromTheFirstPage:
    def test_every_skeleton_page_has_an_arabic_title_and_intro(self, site):
        home = skeleton_page(HomePage, "ar")
        assert is_arabic(home.intro), home.intro
        for model in (DirectoryIndexPage, PrivacyPage):
            page = skeleton_page(model, "ar")
            assert page.alias_of_id is None, model
            assert is_arabic(page.title), page.title
            assert is_arabic(strip_tags(page.intro)), page.intro

    def test_the_translation_status_reports_every_skeleton_page_translated(self, site):
        for code in ("ar", "fa", "uk", "ru", "tr", "en"):
            for model in (HomePage, DirectoryIndexPage, PrivacyPage):
                page = skeleton_page(model, code)
                info = translation_info(page)
                assert info is not None and info.status == UP_TO_DATE, (code, model)

    def test_every_heading_of_the_arabic_skeleton_is_arabic(self, client, site):
        paths = [
            "/ar/",
            skeleton_page(DirectoryIndexPage, "ar").url,
            search_url("ar"),
            partner_list_url("ar"),
            skeleton_page(PrivacyPage, "ar").url,
        ]
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, path
            headings = h1_texts(response.content.decode())
            assert headings and all(is_arabic(text) for text in headings), (path, headings)


class TestSlugsInThePagesLanguage:
    def test_urls_are_in_the_pages_language_in_latin_letters(self, client, site):
        for code, (directory, privacy, search, partners) in SLUGS.items():
            assert skeleton_page(DirectoryIndexPage, code).url == f"/{code}/{directory}/"
            assert skeleton_page(PrivacyPage, code).url == f"/{code}/{privacy}/"
            assert search_url(code) == f"/{code}/{search}/"
            assert partner_list_url(code) == f"/{code}/{directory}/{partners}/"
            for path in (f"/{code}/{directory}/", f"/{code}/{search}/?q=Deutsch"):
                assert client.get(path).status_code == 200, path

    def test_german_paths_in_another_language_redirect_permanently(self, client, site):
        cases = {
            "/en/suche/": "/en/search/",
            "/en/suche/?q=Deutsch+lernen": "/en/search/?q=Deutsch+lernen",
            "/en/angebote/": "/en/services/",
            "/ar/angebote/?action_field=sprache": "/ar/al-khdmat/?action_field=sprache",
            "/ru/datenschutz/": "/ru/zashchita-dannykh/",
            "/uk/angebote/partner/": "/uk/posluhy/partnery/",
            "/tr/hizmetler/partner/": "/tr/hizmetler/ortaklar/",
            "/fa/suche/": "/fa/jostojoo/",
        }
        for path, target in cases.items():
            response = client.get(path)
            assert response.status_code == 301, path
            assert response["Location"] == target, path
            assert client.get(target).status_code == 200, target

    def test_a_german_slug_below_a_translated_page_finds_its_copy(self, client, site):
        german = skeleton_page(DirectoryIndexPage, "de")
        organisation = OrganisationPageFactory(parent=german, title="Caritas Magdeburg")
        create_aliases_for_new_page(organisation)
        english = organisation.get_translation(Locale.objects.get(language_code="en"))
        assert english.url == f"/en/services/{organisation.slug}/"
        response = client.get(f"/en/angebote/{organisation.slug}/")
        assert response.status_code == 301
        assert response["Location"] == english.url
        assert client.get(english.url).status_code == 200

    def test_german_paths_stay_german_and_unknown_paths_stay_missing(self, client, site):
        for path in ("/de/angebote/", "/de/suche/", "/de/angebote/partner/", "/de/datenschutz/"):
            assert client.get(path).status_code == 200, path
        for path in (
            "/de/services/",
            "/de/search/",
            "/en/nirgendwo/",
            "/en/angebote/nirgendwo/",
            "/en/services/partner/nirgendwo/",
        ):
            assert client.get(path).status_code == 404, path

    def test_the_partner_list_links_its_translations_under_their_own_paths(self, client, site):
        html = client.get("/de/angebote/partner/").content.decode()
        alternates = dict(
            re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html)
        )
        assert alternates["en"].endswith("/en/services/partners/")
        assert alternates["uk"].endswith("/uk/posluhy/partnery/")
        assert 'href="/tr/hizmetler/ortaklar/" lang="tr"' in html, "the language switcher"
        assert "/tr/hizmetler/partner/" not in html
