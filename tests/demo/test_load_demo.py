"""``manage.py load_demo`` turns a freshly migrated database into a believable directory."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count, F
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Revision, Site

from demo.loader import listing_external_id
from directory.models import (
    ActionField,
    Closure,
    District,
    ListingActionField,
    ListingContact,
    ListingLanguage,
    ListingLocation,
    ListingPage,
    ListingStatus,
    OpeningHours,
    OrganisationKind,
    OrganisationPage,
    OrganisationWorkingGroup,
    ProjectPage,
    ServicePage,
    TargetGroup,
    WorkingGroup,
)
from home.models import ContentPage, HomePage
from search.query import search_listings


def load_demo():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def snapshot():
    """Ids of everything the demo creates, to compare two runs."""
    models = [
        Page,
        Revision,
        Site,
        Locale,
        get_document_model(),
        ActionField,
        TargetGroup,
        WorkingGroup,
        District,
        OrganisationWorkingGroup,
        ListingActionField,
        ListingLanguage,
        ListingLocation,
        OpeningHours,
        Closure,
        ListingContact,
    ]
    return {model.__name__: sorted(model.objects.values_list("pk", flat=True)) for model in models}


@pytest.mark.usefixtures("demo_db")
class TestLoadDemo:
    """One demo load shared by the tests (each runs in a savepoint that is rolled back)."""

    def test_demo_fills_a_fresh_database_with_the_network(self, demo):
        assert "services: " in demo.output and "already there" in demo.output
        # Counted in German, the source: every other language mirrors it.
        de = {"locale__language_code": "de"}
        assert OrganisationPage.objects.live().filter(**de).count() >= 16
        assert ListingPage.objects.filter(**de).count() >= 34
        assert ServicePage.objects.filter(**de).count() >= 24
        assert ProjectPage.objects.filter(**de).count() >= 8
        assert WorkingGroup.objects.filter(**de).count() == 3
        assert District.objects.filter(**de).count() >= 20
        assert TargetGroup.objects.filter(**de).count() >= 10
        assert ActionField.objects.filter(**de).count() == 11, "seeded action fields duplicated"
        unused = ActionField.objects.filter(**de).exclude(
            id__in=ListingActionField.objects.values("action_field_id")
        )
        assert not unused.exists(), f"action fields without a listing: {list(unused)}"
        kinds = set(OrganisationPage.objects.values_list("kind", flat=True))
        assert set(OrganisationKind.values) - {OrganisationKind.OTHER} <= kinds
        assert not OrganisationPage.objects.filter(working_group_links__isnull=True).exists()
        codes = set(Locale.objects.values_list("language_code", flat=True))
        assert {"de", "en", "ar", "fa", "uk", "ru", "tr"} <= codes

    def test_loading_again_changes_nothing(self):
        # A second run on top of the shared one, inside this test's savepoint.
        before = snapshot()

        output = load_demo()

        assert snapshot() == before
        assert re.search(r"services: 0 created, \d+ already there", output)
        assert re.search(r"organisations: 0 created, \d+ already there", output)

    def test_demo_replaces_the_welcome_page_with_the_german_home(self):
        site = Site.objects.get(is_default_site=True)
        home = site.root_page.specific
        assert isinstance(home, HomePage)
        assert home.locale.language_code == "de" and home.slug == "home"
        assert site.site_name == "Wegweiser Magdeburg"
        assert home.coordinator_email.endswith(".example")
        # The flyers are drawn per action field (directory.flyer): no hand-made document.
        assert not get_document_model().objects.exists()
        roots = Page.objects.filter(depth=2)
        assert not roots.not_type(HomePage).exists(), "the welcome page is gone"
        assert roots.filter(locale__language_code="de").count() == 1
        menu = set(ContentPage.objects.child_of(home).in_menu().values_list("slug", flat=True))
        assert {
            "verbindliche-grundsaetze",
            "arbeitsgruppen",
            "aktuelles",
            "ueber-das-netzwerk",
        } <= menu
        news = ContentPage.objects.child_of(home).get(slug="aktuelles")
        assert ContentPage.objects.child_of(news).count() == 2

    def test_home_and_directory_answer(self, client):
        assert client.get("/de/").status_code == 200
        assert client.get("/de/angebote/").status_code == 200

    def test_every_demo_listing_is_live_and_complete(self):
        listings = ListingPage.objects.all()
        assert not listings.filter(live=False).exists()
        assert not listings.filter(live_revision__isnull=True).exists(), "editable in the admin"
        # The open-data id comes from the German slug; translations have slugs of their own.
        german_slugs = dict(
            listings.filter(locale__language_code="de").values_list("translation_key", "slug")
        )
        for listing in listings:
            assert listing.external_id == listing_external_id(german_slugs[listing.translation_key])
            assert len(listing.summary) <= 300
            assert listing.spoken_languages.exists(), listing.title
            assert listing.keywords.exists(), listing.title
            locations = listing.locations.all()
            assert locations, listing.title
            for location in locations:
                assert location.district_id is not None
                assert 52.08 <= float(location.latitude) <= 52.18
                assert 11.55 <= float(location.longitude) <= 11.70

    def test_demo_has_the_edge_cases_the_site_must_show(self):
        listings = ListingPage.objects.all()
        assert OpeningHours.objects.filter(closes__lte=F("opens")).exists(), "past midnight"
        assert Closure.objects.values("page").distinct().count() >= 2
        assert listings.filter(status=ListingStatus.TEMPORARILY_CLOSED).exclude(status_note="")
        assert any(listing.is_stale() for listing in listings)
        assert listings.filter(women_only=True).exists()
        assert listings.annotate(n=Count("locations")).filter(n__gt=1).exists()

    def test_search_finds_demo_listings_by_keyword(self):
        de = Locale.objects.get(language_code="de")
        found = ListingPage.objects.filter(id__in=search_listings("Bürgergeld", locale=de).ids)
        assert "beratung-buergergeld" in set(found.values_list("slug", flat=True))
