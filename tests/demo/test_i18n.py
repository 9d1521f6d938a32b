"""The site in every language: negotiation, fallbacks, translations, alternates, sitemap."""

import re
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import resolve
from django.utils import translation
from wagtail.models import Locale, Page

from base.translation_status import OUTDATED, UP_TO_DATE, status_table, translation_info
from demo.translate import TRANSLATED_LISTINGS, load_catalogue
from directory import flyer
from directory.models import ListingPage

RTL = {"ar", "fa"}
PAGE_ONLY = re.compile(r"^page=\d+$")
FLYER_PATH = re.compile(r"^/de/flyer/[\w-]+\.pdf$")
HTML_TAG = re.compile(r'<html lang="(?P<lang>[^"]+)" dir="(?P<dir>[^"]+)"')


class LinkParser(HTMLParser):
    """Collects the targets of links, or of every href/src with ``every_target``."""

    def __init__(self, every_target=False):
        super().__init__()
        self.links = []
        self.every_target = every_target

    def handle_starttag(self, tag, attrs):
        if tag == "a" or self.every_target:
            self.links += [value for name, value in attrs if name in ("href", "src") and value]


def same_language_links(path, html, prefix):
    parser = LinkParser()
    parser.feed(html)
    for link in parser.links:
        url, _fragment = urldefrag(urljoin(path, link))
        parts = urlsplit(url)
        if parts.netloc not in ("", "testserver") or parts.scheme in ("mailto", "tel"):
            continue
        # Follow pagination but not the many filter combinations, nor the printable flyers
        # (PDFs, not pages; the German crawl fetches them).
        if parts.path.endswith(".pdf"):
            continue
        if parts.path.startswith(prefix) and (not parts.query or PAGE_ONLY.match(parts.query)):
            yield parts.path + (f"?{parts.query}" if parts.query else "")


def german_listing_of(page):
    """The German (source) listing of a translated listing."""
    return ListingPage.objects.get(locale__language_code="de", translation_key=page.translation_key)


def german_listing(slug):
    """The German (source) listing with this slug."""
    return ListingPage.objects.get(locale__language_code="de", slug=slug)


@pytest.mark.usefixtures("demo_db")
class TestDemoInEveryLanguage:
    """One demo load (German plus every synchronised language) shared by these tests."""

    def test_root_redirects_to_the_browser_language_and_german_otherwise(self, client):
        cases = {
            "ar,en;q=0.8": "/ar/",
            "uk-UA,uk;q=0.9": "/uk/",
            "fa-IR": "/fa/",
            "xx-YY": "/de/",
            "": "/de/",
        }
        for header, expected in cases.items():
            response = client.get("/", headers={"accept-language": header})
            assert response.status_code == 302, header
            assert response["Location"] == expected, header

    def test_every_demo_page_answers_in_every_language_with_lang_and_dir(self, client):
        german_pages = Page.objects.live().filter(locale__language_code="de", depth__gt=1).count()
        for code in settings.WAGTAIL_CONTENT_LANGUAGE_CODES:
            prefix = f"/{code}/"
            seen, queue = set(), [prefix]
            while queue:
                path = queue.pop()
                if path in seen:
                    continue
                seen.add(path)
                response = client.get(path)
                assert response.status_code == 200, path
                html = response.content.decode()
                match = HTML_TAG.search(html)
                assert match is not None, path
                assert match["lang"] == code, path
                assert match["dir"] == ("rtl" if code in RTL else "ltr"), path
                queue.extend(same_language_links(path, html, prefix))
            # Every German page has a counterpart reachable in this language.
            assert len([p for p in seen if "?" not in p]) >= german_pages, code

    def test_every_link_and_asset_of_the_german_site_resolves(self, client):
        """Documents, images, stylesheets and every page link: no 404, no 500."""
        seen, queue, failures = set(), ["/de/"], []
        while queue:
            path = queue.pop()
            if path in seen:
                continue
            seen.add(path)
            if path.startswith(settings.STATIC_URL):
                # Tests run without collectstatic: the file must exist where runserver finds it.
                if not finders.find(path.removeprefix(settings.STATIC_URL)):
                    failures.append((path, 404))
                continue
            if FLYER_PATH.match(path):
                # Drawing each PDF is tests/directory/test_flyer.py's job; here the link must
                # lead to the flyer view of an existing action field.
                with translation.override("de"):
                    match = resolve(urlsplit(path).path)
                if match.url_name != "action_field_flyer":
                    failures.append((path, 404))
                continue
            response = client.get(path)
            if response.status_code != 200:
                failures.append((path, response.status_code))
                continue
            # Filtered views are checked, but their own links are not followed further.
            if "text/html" not in response.get("Content-Type", "") or "?" in path:
                continue
            parser = LinkParser(every_target=True)
            parser.feed(response.content.decode())
            for link in parser.links:
                parts = urlsplit(urldefrag(urljoin(path, link))[0])
                if parts.netloc not in ("", "testserver") or parts.scheme in ("mailto", "tel"):
                    continue
                if parts.path.startswith("/admin/"):
                    continue
                queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
        assert failures == []
        if flyer.AVAILABLE:
            flyers = {path for path in seen if FLYER_PATH.match(path)}
            assert len(flyers) == 11, "the home page links the flyer of every action field"

    def test_a_translated_listing_shows_the_translation(self, client):
        german = german_listing("jugendmigrationsdienst")
        for code in ("en", "ar", "uk"):
            catalogue = load_catalogue(code)
            translated = german.get_translation(Locale.objects.get(language_code=code))
            assert translated.alias_of_id is None, code
            html = client.get(translated.url).content.decode()
            assert catalogue[german.title] in html, code
            assert catalogue[german.summary] in html, code
            assert 'data-translation="up_to_date"' in html, code

    def test_every_language_has_at_least_twenty_translated_listings(self, client):
        for code in ("en", "ar", "fa", "uk", "ru", "tr"):
            translated = ListingPage.objects.live().filter(
                locale__language_code=code, alias_of__isnull=True
            )
            assert translated.count() >= 20, code
            for page in translated:
                assert translation_info(page).status == UP_TO_DATE, (code, page.slug)
                # The slug is the page's own, in Latin letters (transliterated where needed).
                assert page.slug.isascii() and page.slug == page.slug.lower(), page.slug
                assert page.slug != german_listing_of(page).slug, (code, page.slug)
            page = translated.order_by("path").first()
            html = client.get(page.url).content.decode()
            assert load_catalogue(code)[german_listing_of(page).title] in html, code

    def test_a_german_listing_path_in_another_language_redirects_to_the_translation(self, client):
        german = german_listing("jugendmigrationsdienst")
        for code in ("en", "ar", "fa", "uk", "ru", "tr"):
            translated = german.get_translation(Locale.objects.get(language_code=code))
            response = client.get(f"/{code}/{german.url.removeprefix('/de/')}")
            assert response.status_code == 301, code
            assert response["Location"] == translated.url, code
        assert (
            german_listing("jugendmigrationsdienst")
            .get_translation(Locale.objects.get(language_code="ru"))
            .url.endswith("/molodyozhnaya-migratsionnaya-sluzhba-jmd/")
        )

    def test_an_untranslated_listing_shows_german_text_marked_german_with_a_notice(self, client):
        german = (
            ListingPage.objects.filter(locale__language_code="de")
            .exclude(slug__in=TRANSLATED_LISTINGS)
            .first()
        )
        persian = german.get_translation(Locale.objects.get(language_code="fa"))
        assert persian.alias_of_id is not None
        response = client.get(persian.url)
        assert response.status_code == 200
        html = response.content.decode()
        assert german.title in html
        assert 'lang="de"' in html
        assert 'data-translation="missing"' in html

    def test_taxonomy_labels_are_translated_even_on_untranslated_listings(self, client):
        german = (
            ListingPage.objects.filter(
                locale__language_code="de", action_field_links__action_field__code="sprache"
            )
            .exclude(slug__in=TRANSLATED_LISTINGS)
            .first()
        )
        arabic = german.get_translation(Locale.objects.get(language_code="ar"))
        html = client.get(arabic.url).content.decode()
        assert load_catalogue("ar")["Sprache"] in html

    def test_filters_give_the_same_listings_in_every_language(self, client):
        counts = {}
        for code in settings.WAGTAIL_CONTENT_LANGUAGE_CODES:
            response = client.get(f"/{code}/", follow=True)
            directory = response.context["site_directory"]
            response = client.get(directory.url + "?action_field=sprache&free=1")
            assert response.status_code == 200
            counts[code] = response.context["result_count"]
        assert counts["de"] > 0
        assert set(counts.values()) == {counts["de"]}, counts

    def test_pages_link_every_translation_with_hreflang_and_x_default(self, client):
        german = german_listing("jugendmigrationsdienst")
        html = client.get(german.url).content.decode()
        for code in settings.WAGTAIL_CONTENT_LANGUAGE_CODES:
            link = rf'<link rel="alternate" hreflang="{code}" href="http[^"]+/{code}/'
            assert re.search(link, html)
        assert re.search(r'<link rel="alternate" hreflang="x-default" href="http[^"]+/de/', html)

    def test_sitemap_lists_every_page_in_every_language_with_alternates(self, client):
        index = client.get("/sitemap.xml")
        assert index.status_code == 200
        sections = re.findall(r"<loc>http://testserver([^<]+)</loc>", index.text)
        assert len(sections) == len(settings.WAGTAIL_CONTENT_LANGUAGE_CODES)
        xml = "".join(client.get(section).text for section in sections)
        live = Page.objects.live().public().filter(depth__gt=1).count()
        assert xml.count("<loc>") == live
        listing = german_listing("jugendmigrationsdienst")
        for code in settings.WAGTAIL_CONTENT_LANGUAGE_CODES:
            translation = listing.get_translation(Locale.objects.get(language_code=code))
            assert f"<loc>{translation.full_url}</loc>" in xml
            assert f'hreflang="{code}" href="{translation.full_url}"' in xml

    def test_a_german_edit_marks_its_translations_outdated(self, client):
        german = german_listing("jugendmigrationsdienst").specific
        arabic = german.get_translation(Locale.objects.get(language_code="ar"))
        assert translation_info(arabic).status == UP_TO_DATE
        german.summary = german.summary + " Neu: auch samstags."
        german.save_revision().publish()
        assert translation_info(arabic).status == OUTDATED
        _locales, rows = status_table(Locale.objects.get(language_code="ar"), outdated_only=True)
        assert [page.id for page, _statuses in rows] == [german.id]
        html = client.get(arabic.url).content.decode()
        assert 'data-translation="outdated"' in html
