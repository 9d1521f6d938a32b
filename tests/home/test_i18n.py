"""The site in every language: negotiation, fallbacks, translations, alternates, sitemap."""

import re
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Locale, Page

from base.translation_status import OUTDATED, UP_TO_DATE, status_table, translation_info
from demo.translate import TRANSLATED_LISTINGS, load_catalogue
from directory.models import ListingPage

RTL = {"ar", "fa"}
PAGE_ONLY = re.compile(r"^page=\d+$")
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
        # Follow pagination but not the many filter combinations.
        if parts.path.startswith(prefix) and (not parts.query or PAGE_ONLY.match(parts.query)):
            yield parts.path + (f"?{parts.query}" if parts.query else "")


class DemoInEveryLanguage(TestCase):
    """One demo load (German plus every synchronised language) shared by these tests."""

    @classmethod
    def setUpTestData(cls):
        call_command("load_demo", verbosity=0)

    def german_listing(self, slug):
        return ListingPage.objects.get(locale__language_code="de", slug=slug)

    def test_root_redirects_to_the_browser_language_and_german_otherwise(self):
        cases = {
            "ar,en;q=0.8": "/ar/",
            "uk-UA,uk;q=0.9": "/uk/",
            "fa-IR": "/fa/",
            "xx-YY": "/de/",
            "": "/de/",
        }
        for header, expected in cases.items():
            response = self.client.get("/", headers={"accept-language": header})
            self.assertEqual(response.status_code, 302, header)
            self.assertEqual(response["Location"], expected, header)

    def test_every_demo_page_answers_in_every_language_with_lang_and_dir(self):
        german_pages = Page.objects.live().filter(locale__language_code="de", depth__gt=1).count()
        for code in settings.WAGTAIL_CONTENT_LANGUAGE_CODES:
            prefix = f"/{code}/"
            seen, queue = set(), [prefix]
            while queue:
                path = queue.pop()
                if path in seen:
                    continue
                seen.add(path)
                response = self.client.get(path)
                self.assertEqual(response.status_code, 200, path)
                html = response.content.decode()
                match = HTML_TAG.search(html)
                self.assertIsNotNone(match, path)
                self.assertEqual(match["lang"], code, path)
                self.assertEqual(match["dir"], "rtl" if code in RTL else "ltr", path)
                queue.extend(same_language_links(path, html, prefix))
            # Every German page has a counterpart reachable in this language.
            self.assertGreaterEqual(len([p for p in seen if "?" not in p]), german_pages, code)

    def test_every_link_and_asset_of_the_german_site_resolves(self):
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
            response = self.client.get(path)
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
        self.assertEqual(failures, [])
        self.assertTrue(any(path.startswith("/documents/") for path in seen), "the flyer")

    def test_a_translated_listing_shows_the_translation(self):
        german = self.german_listing("jugendmigrationsdienst")
        for code in ("en", "ar", "uk"):
            catalogue = load_catalogue(code)
            translated = german.get_translation(Locale.objects.get(language_code=code))
            self.assertIsNone(translated.alias_of_id, code)
            html = self.client.get(translated.url).content.decode()
            self.assertIn(catalogue[german.title], html, code)
            self.assertIn(catalogue[german.summary], html, code)
            self.assertIn('data-translation="up_to_date"', html, code)

    def test_an_untranslated_listing_shows_german_text_marked_german_with_a_notice(self):
        german = (
            ListingPage.objects.filter(locale__language_code="de")
            .exclude(slug__in=TRANSLATED_LISTINGS)
            .first()
        )
        persian = german.get_translation(Locale.objects.get(language_code="fa"))
        self.assertIsNotNone(persian.alias_of_id)
        response = self.client.get(persian.url)
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn(german.title, html)
        self.assertIn('lang="de"', html)
        self.assertIn('data-translation="missing"', html)

    def test_taxonomy_labels_are_translated_even_on_untranslated_listings(self):
        german = (
            ListingPage.objects.filter(
                locale__language_code="de", action_field_links__action_field__code="sprache"
            )
            .exclude(slug__in=TRANSLATED_LISTINGS)
            .first()
        )
        arabic = german.get_translation(Locale.objects.get(language_code="ar"))
        html = self.client.get(arabic.url).content.decode()
        self.assertIn(load_catalogue("ar")["Sprache"], html)

    def test_filters_give_the_same_listings_in_every_language(self):
        counts = {}
        for code in settings.WAGTAIL_CONTENT_LANGUAGE_CODES:
            response = self.client.get(f"/{code}/", follow=True)
            directory = response.context["site_directory"]
            response = self.client.get(directory.url + "?action_field=sprache&free=1")
            self.assertEqual(response.status_code, 200)
            counts[code] = response.context["result_count"]
        self.assertGreater(counts["de"], 0)
        self.assertEqual(set(counts.values()), {counts["de"]}, counts)

    def test_pages_link_every_translation_with_hreflang_and_x_default(self):
        german = self.german_listing("jugendmigrationsdienst")
        html = self.client.get(german.url).content.decode()
        for code in settings.WAGTAIL_CONTENT_LANGUAGE_CODES:
            link = rf'<link rel="alternate" hreflang="{code}" href="http[^"]+/{code}/'
            self.assertRegex(html, link)
        self.assertRegex(html, r'<link rel="alternate" hreflang="x-default" href="http[^"]+/de/')

    def test_sitemap_lists_every_page_in_every_language_with_alternates(self):
        response = self.client.get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        xml = response.content.decode()
        live = Page.objects.live().public().filter(depth__gt=1).count()
        self.assertEqual(xml.count("<loc>"), live)
        listing = self.german_listing("jugendmigrationsdienst")
        for code in settings.WAGTAIL_CONTENT_LANGUAGE_CODES:
            translation = listing.get_translation(Locale.objects.get(language_code=code))
            self.assertIn(f"<loc>{translation.full_url}</loc>", xml)
            self.assertIn(f'hreflang="{code}" href="{translation.full_url}"', xml)

    def test_a_german_edit_marks_its_translations_outdated(self):
        german = self.german_listing("jugendmigrationsdienst").specific
        arabic = german.get_translation(Locale.objects.get(language_code="ar"))
        self.assertEqual(translation_info(arabic).status, UP_TO_DATE)
        german.summary = german.summary + " Neu: auch samstags."
        german.save_revision().publish()
        self.assertEqual(translation_info(arabic).status, OUTDATED)
        _locales, rows = status_table(Locale.objects.get(language_code="ar"), outdated_only=True)
        self.assertEqual([page.id for page, _statuses in rows], [german.id])
        html = self.client.get(arabic.url).content.decode()
        self.assertIn('data-translation="outdated"', html)
