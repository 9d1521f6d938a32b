"""``manage.py setup_site`` turns an empty, migrated database into a site a city can run.

The skeleton is built once for the module (inside a transaction rolled back at its end); each
test runs in its own savepoint on top of it, with no demo content anywhere.
"""

import io
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation

from api.csv_import import template
from directory.models import ActionField, DirectoryIndexPage, ListingPage
from home.models import HomePage, PrivacyPage
from tests.conftest import forget_cached_content

HSDS_FILE = Path(__file__).resolve().parents[1] / "fixtures" / "hsds-small.json"
LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGE_CODES
WELCOME = "Welcome to your new Wagtail site"


def setup_site(*args, **options):
    out = io.StringIO()
    call_command("setup_site", *args, stdout=out, **options)
    return out.getvalue()


def counts():
    """How many pages, action fields and translations there are, to compare two runs."""
    return {
        "pages": Page.objects.count(),
        "action fields": ActionField.objects.count(),
        "translations": Translation.objects.count(),
        "locales": Locale.objects.count(),
        "sites": Site.objects.count(),
    }


@pytest.fixture(scope="module")
def bare_site(django_db_setup, django_db_blocker):
    """The skeleton of a bare install, built once for the module by setup_site."""
    forget_cached_content()
    with django_db_blocker.unblock(), transaction.atomic():
        output = setup_site(
            network_name="Integrationsnetzwerk Musterstadt",
            contact_email="integration@musterstadt.example",
        )
        yield SimpleNamespace(output=output)
        transaction.set_rollback(True)
    forget_cached_content()


@pytest.fixture
def site(bare_site, db):
    return bare_site


def in_language(code, msgid):
    """The interface's translation of ``msgid`` into ``code``."""
    with translation.override(code):
        return translation.gettext(msgid)


def skeleton_paths(code):
    """Home, directory, search, partner list and privacy page in language ``code``."""
    directory = DirectoryIndexPage.objects.get(locale__language_code=code)
    privacy = PrivacyPage.objects.get(locale__language_code=code)
    with translation.override(code):
        search = reverse("search")
        partners = directory.url + directory.reverse_subpage("organisations")
    return [f"/{code}/", directory.url, f"{search}?q=Beratung", partners, privacy.url]


class TestSetupSite:
    def test_every_language_gets_home_directory_and_privacy_page_and_no_welcome_page(self, site):
        for model in (HomePage, DirectoryIndexPage, PrivacyPage):
            codes = set(model.objects.live().values_list("locale__language_code", flat=True))
            assert codes == set(LANGUAGES), model
        roots = Page.objects.filter(depth=2)
        assert not roots.not_type(HomePage).exists(), "Wagtail's welcome page is gone"
        default = Site.objects.get(is_default_site=True)
        assert default.root_page.specific == HomePage.objects.get(locale__language_code="de")
        assert default.site_name == "Integrationsnetzwerk Musterstadt"

    def test_the_eleven_action_fields_are_named_in_every_language(self, site):
        for code in LANGUAGES:
            names = dict(
                ActionField.objects.filter(locale__language_code=code).values_list("code", "name")
            )
            assert len(names) == 11, code
        german = dict(
            ActionField.objects.filter(locale__language_code="de").values_list("code", "name")
        )
        assert german["sprache"] == "Sprache"
        assert german["oeffnung-regelangebote"] == (
            "Soziale Integration sowie Öffnung der Regelangebote"
        )
        language = {
            code: ActionField.objects.get(locale__language_code=code, code="sprache").name
            for code in LANGUAGES
        }
        assert language == {
            "de": "Sprache",
            "en": "Language",
            "ar": "اللغة",
            "fa": "زبان",
            "uk": "Мова",
            "ru": "Язык",
            "tr": "Dil",
        }

    def test_other_languages_are_translations_that_the_translation_status_knows(self, site):
        german = DirectoryIndexPage.objects.get(locale__language_code="de")
        arabic = DirectoryIndexPage.objects.get(locale__language_code="ar")
        assert arabic.alias_of_id is None, "a real translation, not an alias"
        assert arabic.translation_key == german.translation_key
        assert arabic.title == "الخدمات" and german.title == "Angebote"
        assert Translation.objects.filter(
            source__object_id=german.translation_key, target_locale=arabic.locale
        ).exists()

    def test_pages_answer_in_every_language_without_the_welcome_page(self, client, site):
        for code in LANGUAGES:
            for path in skeleton_paths(code):
                response = client.get(path)
                assert response.status_code == 200, path
                assert WELCOME not in response.content.decode()
        home = client.get("/ar/").content.decode()
        assert "Integrationsnetzwerk Musterstadt" in home
        assert in_language("ar", "Counselling and support – find services in your language.") in (
            home
        )

    def test_an_hsds_import_on_the_bare_site_is_served_in_german_and_arabic(self, client, site):
        out = io.StringIO()
        call_command("import_hsds", str(HSDS_FILE), stdout=out)
        assert "services: 2 created" in out.getvalue()
        listing = ListingPage.objects.get(locale__language_code="de", title="Sprachcafé am Markt")
        arabic = listing.get_translation(Locale.objects.get(language_code="ar"))
        for page in (listing, arabic):
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            assert "Sprachcafé am Markt" in response.content.decode()
        assert arabic.url.startswith("/ar/")
        directory = DirectoryIndexPage.objects.get(locale__language_code="ar")
        assert "Sprachcafé am Markt" in client.get(directory.url).content.decode()

    def test_a_csv_import_on_the_bare_site_is_served_in_german_and_arabic(
        self, client, site, tmp_path
    ):
        path = tmp_path / "listings.csv"
        path.write_text(template())
        out = io.StringIO()
        call_command("import_csv", str(path), stdout=out)
        assert "1 created" in out.getvalue()
        listing = ListingPage.objects.get(locale__language_code="de", title="Migrationsberatung")
        arabic = listing.get_translation(Locale.objects.get(language_code="ar"))
        assert client.get(arabic.url).status_code == 200

    def test_running_it_again_changes_nothing(self, site):
        before = counts()

        output = setup_site()

        assert counts() == before
        assert "home page: 0 created, 1 already there" in output
        assert "action fields: 0 created, 11 already there" in output
        assert "translations into ar: 0 created, 14 already there" in output

    def test_running_it_on_a_site_with_content_keeps_editors_and_translators_work(
        self, site, tmp_path
    ):
        call_command("import_hsds", str(HSDS_FILE), stdout=io.StringIO())
        arabic_directory = DirectoryIndexPage.objects.get(locale__language_code="ar")
        arabic_directory.title = "دليل الخدمات"
        arabic_directory.save_revision().publish()
        german_home = HomePage.objects.get(locale__language_code="de")
        german_home.intro = "Von der Redaktion geändert."
        german_home.save_revision().publish()
        before = counts()

        setup_site(network_name="Ein anderer Name")

        assert counts() == before
        assert ListingPage.objects.filter(title="Sprachcafé am Markt").count() == len(LANGUAGES)
        assert DirectoryIndexPage.objects.get(locale__language_code="ar").title == "دليل الخدمات"
        german_home.refresh_from_db()
        assert german_home.intro == "Von der Redaktion geändert."
        assert german_home.title == "Integrationsnetzwerk Musterstadt"

    def test_verbosity_zero_prints_nothing(self, site):
        assert setup_site(verbosity=0) == ""


class TestPrivacyPage:
    def test_the_privacy_page_says_what_is_stored_in_every_language_with_the_retention_days(
        self, client, site
    ):
        days = str(settings.WEGWEISER_RETENTION_DAYS)
        for code in LANGUAGES:
            page = PrivacyPage.objects.get(locale__language_code=code)
            response = client.get(page.url)
            html = response.content.decode()
            assert response.status_code == 200, page.url
            assert f'lang="{code}"' in html
            for heading in ("Searches without results", "Cookies", "No third parties"):
                assert in_language(code, heading) in html, (code, heading)
            assert days in html, code
            assert "integration@musterstadt.example" in html, "the controller's contact"

    def test_the_retention_period_shown_is_the_setting(self, client, site, settings):
        settings.WEGWEISER_RETENTION_DAYS = 30
        html = client.get("/de/datenschutz/").content.decode()
        assert "nach 30 Tagen gelöscht" in html
        assert "nach 180 Tagen" not in html

    def test_the_editable_controller_text_replaces_the_contact(self, client, site):
        page = PrivacyPage.objects.get(locale__language_code="de")
        page.controller = "<p>Stadt Musterstadt, Datenschutzbeauftragte: datenschutz@x.example</p>"
        page.save_revision().publish()
        assert "datenschutz@x.example" in client.get("/de/datenschutz/").content.decode()

    def test_every_page_links_the_privacy_page_of_its_language_in_the_footer(self, client, site):
        for code in LANGUAGES:
            privacy = PrivacyPage.objects.get(locale__language_code=code)
            for path in skeleton_paths(code)[:3]:
                html = client.get(path).content.decode()
                footer = html[html.index("<footer") :]
                assert f'href="{privacy.url}"' in footer, path
                assert in_language(code, "Privacy") in footer, path
