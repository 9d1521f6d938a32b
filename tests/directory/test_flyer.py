"""The printable flyer of an action field: a PDF per language, right to left in Arabic, with QR
codes that lead to the live pages, kept in the cache until something is published.

The content is a small German site synchronised into Arabic, with a partner and three listings,
one of them translated into Arabic, built once for the module. Reading the PDF needs poppler
(``pdftotext``, ``pdftoppm``) and zbar (``zbarimg``); drawing it needs WeasyPrint with Pango.
Without them the tests skip, unless ``REQUIRE_PDF=1`` (CI) turns the skip into a failure.
"""

import datetime
import os
import re
import shutil
import subprocess  # noqa: S404 (poppler and zbar read the PDF the way a reader would)
import tempfile
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import transaction
from django.utils import translation
from wagtail.models import Site
from wagtail_localize.models import TranslationSource

from base.i18n import ensure_synced_locale, translate_object
from directory import flyer
from directory.factories import (
    DirectoryIndexPageFactory,
    ListingContactFactory,
    ListingLocationFactory,
    OpeningHoursFactory,
    OrganisationPageFactory,
    ServicePageFactory,
)
from directory.models import ActionField, Weekday
from home.factories import HomePageFactory
from tests.conftest import forget_cached_content

NETWORK = "Integrationsnetzwerk Musterstadt"
ARABIC_FIELD = "اللغة"
ARABIC_TITLE = "مقهى اللغة للنساء"
ARABIC_SUMMARY = "نتحدث معا بالألمانية كل يوم ثلاثاء."
# Bidi controls that text extraction may put around right-to-left runs.
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def require(condition: bool, reason: str) -> None:
    """Skip without ``condition`` (a failure where ``REQUIRE_PDF=1``)."""
    if condition:
        return
    if os.environ.get("REQUIRE_PDF") == "1":
        pytest.fail(f"{reason} (REQUIRE_PDF=1 forbids skipping)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def pdf_tools():
    """WeasyPrint can draw and poppler and zbar can read back."""
    require(flyer.AVAILABLE, "WeasyPrint or its Pango libraries are not installed")
    for tool in ("pdftotext", "pdftoppm", "pdfinfo", "zbarimg"):
        require(shutil.which(tool) is not None, f"{tool} is not installed (poppler-utils, zbar)")


def translate(instance, locale, strings: dict[str, str]) -> None:
    """Translate ``instance`` through the PO path; strings not in ``strings`` stay as they are."""
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    german = set(source.stringsegment_set.values_list("string__data", flat=True))
    translate_object(instance, locale, {text: strings.get(text, text) for text in german}, source)


@pytest.fixture(scope="module")
def flyer_site(django_db_setup, django_db_blocker):
    """A German site synchronised into Arabic, "Sprache" translated, a partner, two listings in
    the action field "Sprache" (one translated into Arabic) and one in another action field."""
    forget_cached_content()
    with django_db_blocker.unblock(), transaction.atomic():
        home = HomePageFactory(title=NETWORK)
        site = Site.objects.get(is_default_site=True)
        site.root_page = home
        site.save()
        directory = DirectoryIndexPageFactory(parent=home)
        organisation = OrganisationPageFactory(parent=directory, title="Caritas Magdeburg")
        cafe = ServicePageFactory(
            parent=organisation,
            title="Sprachcafé für Frauen",
            summary="Jeden Dienstag sprechen wir zusammen Deutsch.",
            languages=["ar", "de"],
        )
        ListingLocationFactory(page=cafe, street="Breiter Weg 12", postcode="39104")
        ListingContactFactory(page=cafe, phone="0391 540 4321")
        for weekday in (Weekday.MONDAY, Weekday.TUESDAY, Weekday.WEDNESDAY):
            OpeningHoursFactory(
                page=cafe, weekday=weekday, opens=datetime.time(9), closes=datetime.time(12)
            )
        course = ServicePageFactory(parent=organisation, title="Abendkurs Deutsch")
        jobs = ServicePageFactory(
            parent=organisation, title="Jobberatung", action_fields=["arbeit-ausbildung"]
        )
        arabic = ensure_synced_locale("ar")
        sprache = ActionField.objects.get(code="sprache", locale__language_code="de")
        translate(sprache, arabic, {sprache.name: ARABIC_FIELD})
        translate(cafe, arabic, {cafe.title: ARABIC_TITLE, cafe.summary: ARABIC_SUMMARY})
        forget_cached_content()
        yield SimpleNamespace(cafe=cafe, course=course, jobs=jobs, arabic=arabic)
        transaction.set_rollback(True)
    forget_cached_content()


@pytest.fixture
def site(flyer_site, db):
    # Drawn flyers and rate-limit counters stay in the cache; each test starts without them.
    cache.clear()
    return flyer_site


def flyer_path(language: str, code: str = "sprache") -> str:
    return f"/{language}/flyer/{code}.pdf"


def pdf_text(pdf: bytes) -> str:
    """The text of the PDF as pdftotext extracts it (logical order), bidi controls removed."""
    result = subprocess.run(  # noqa: S603
        ["pdftotext", "-enc", "UTF-8", "-", "-"],  # noqa: S607
        input=pdf,
        capture_output=True,
        check=True,
    )
    return BIDI_CONTROLS.sub("", result.stdout.decode())


def qr_codes(pdf: bytes) -> list[str]:
    """Every QR code on every page, as zbarimg reads them from a 150 dpi rendering."""
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "flyer.pdf").write_bytes(pdf)
        subprocess.run(  # noqa: S603
            ["pdftoppm", "-r", "150", "-png", "flyer.pdf", "page"],  # noqa: S607
            cwd=folder,
            check=True,
        )
        pages = sorted(str(path) for path in Path(folder).glob("page*.png"))
        result = subprocess.run(  # noqa: S603
            ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", *pages],  # noqa: S607
            capture_output=True,
        )
    return result.stdout.decode().split()


def get_flyer(client, language: str, code: str = "sprache"):
    response = client.get(flyer_path(language, code))
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/pdf"
    return response.content


def test_the_arabic_flyer_of_sprache_is_arabic_text_in_logical_order(client, site, pdf_tools):
    pdf = get_flyer(client, "ar")
    text = pdf_text(pdf)

    for expected in (ARABIC_FIELD, ARABIC_TITLE, ARABIC_SUMMARY.split(" ")[1]):
        assert expected in text
    # Drawn in visual order, a right-to-left line would be read back reversed.
    assert ARABIC_TITLE[::-1] not in text
    assert NETWORK in text
    assert "0391 540 4321" in text and "Breiter Weg 12, 39104 Magdeburg" in text
    # The untranslated listing is on it too, in German; the other action field's is not.
    assert "Abendkurs Deutsch" in text
    assert "Jobberatung" not in text
    info = subprocess.run(  # noqa: S603
        ["pdfinfo", "-"],  # noqa: S607
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout.decode()
    assert "(A4)" in info


def test_the_qr_codes_lead_to_the_live_listings_and_the_filtered_directory(client, site, pdf_tools):
    codes = qr_codes(get_flyer(client, "ar"))

    paths = {
        urlsplit(code).path + (f"?{urlsplit(code).query}" if urlsplit(code).query else "")
        for code in codes
    }
    assert "/ar/angebote/?action_field=sprache" in paths
    arabic_cafe = site.cafe.get_translation(site.arabic)
    assert arabic_cafe.url in paths
    assert len(codes) == 3, codes  # the directory and the two listings of "Sprache"
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
    assert ARABIC_TITLE in client.get(arabic_cafe.url).content.decode()


def test_the_flyer_shows_opening_hours_in_short_in_the_flyers_language(site, db):
    cafe = site.cafe.specific
    with translation.override("en"):
        assert flyer.short_hours(cafe) == "Mon–Wed 09:00–12:00"
    OpeningHoursFactory(
        page=cafe, weekday=Weekday.FRIDAY, opens=datetime.time(14), closes=datetime.time(16)
    )
    cafe.by_appointment = True
    with translation.override("de"):
        assert flyer.short_hours(cafe) == "Mo–Mi 09:00–12:00 · Fr 14:00–16:00 · nach Vereinbarung"


def allow_drawings(settings, count: int) -> None:
    settings.WEGWEISER_RATE_LIMITS = {**settings.WEGWEISER_RATE_LIMITS, "flyer": (count, 3600)}


def test_the_flyer_is_drawn_once_and_served_from_the_cache_until_a_publish(
    client, site, pdf_tools, settings
):
    allow_drawings(settings, 1)
    first = get_flyer(client, "de")
    # A second drawing would be over the limit: the answer comes from the cache.
    assert get_flyer(client, "de") == first
    assert get_flyer(client, "de") == first

    new = ServicePageFactory(parent=site.cafe.get_parent(), title="Deutsch im Park")
    new.save_revision().publish()
    allow_drawings(settings, 2)
    assert "Deutsch im Park" in pdf_text(get_flyer(client, "de"))


def test_an_unpublished_listing_leaves_the_flyer_at_once(client, site, pdf_tools):
    assert "Abendkurs Deutsch" in pdf_text(get_flyer(client, "de"))
    site.course.unpublish()
    assert "Abendkurs Deutsch" not in pdf_text(get_flyer(client, "de"))


def test_drawing_flyers_is_rate_limited_per_address(client, site, pdf_tools, settings):
    allow_drawings(settings, 1)
    get_flyer(client, "de")
    response = client.get(flyer_path("de", "arbeit-ausbildung"))
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    other_address = client.get(flyer_path("de", "arbeit-ausbildung"), REMOTE_ADDR="192.0.2.7")
    assert other_address.status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        flyer_path("ar", "no-such-field"),
        flyer_path("xx"),
        "/ar/flyer/sprache.txt",
        "/ar/flyer/Sprache%20Kurs.pdf",
    ],
)
def test_an_unknown_language_or_action_field_is_not_found(client, site, path):
    assert client.get(path).status_code == 404


def flyer_links(client, path: str) -> list[str]:
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    return [a["href"] for a in soup.select("a[href$='.pdf']")]


def test_the_directory_filtered_by_one_action_field_links_its_flyer(client, site, pdf_tools):
    assert flyer_links(client, "/ar/angebote/?action_field=sprache") == [flyer_path("ar")]
    assert flyer_links(client, "/de/angebote/?action_field=sprache&language=ar") == [
        flyer_path("de")
    ]
    assert flyer_links(client, "/ar/angebote/") == []
    both = "/ar/angebote/?action_field=sprache&action_field=arbeit-ausbildung"
    assert flyer_links(client, both) == []


def test_without_weasyprint_the_link_is_hidden_and_the_flyer_unavailable(client, site, monkeypatch):
    monkeypatch.setattr(flyer, "AVAILABLE", False)
    assert flyer_links(client, "/ar/angebote/?action_field=sprache") == []
    response = client.get(flyer_path("ar"))
    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/plain")
    assert "النشرة القابلة للطباعة غير متاحة" in response.content.decode()
