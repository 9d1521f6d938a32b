"""The public page of a service or project shows everything a visitor needs to go there.

Data values (titles, addresses, notes, dates) are checked as they were entered. The few
yes/no facts that only show as interface text are checked through ``gettext`` in German, so
the tests hold whether or not the German catalogue translates them yet. The stale notice is
found by its ``data-stale`` attribute.
"""

import datetime
import html
from decimal import Decimal

import pytest
from django.utils import formats, timezone, translation

from base.languages import language_name
from directory.factories import (
    ClosureFactory,
    DistrictFactory,
    ListingContactFactory,
    ListingLanguageFactory,
    ListingLocationFactory,
    OpeningHoursFactory,
    OrganisationPageFactory,
    ProjectPageFactory,
    ServicePageFactory,
    TargetGroupFactory,
)
from directory.models import ActionField, ListingStatus, ResidenceStatus, Weekday

pytestmark = pytest.mark.django_db


def german(text) -> str:
    """A (lazy) interface string as the German page shows it, HTML-escaped."""
    with translation.override("de"):
        return html.escape(translation.gettext(str(text)))


def date_shown(page: str, day: datetime.date) -> bool:
    """Whether a date appears on the page in ISO, d.m.Y or the German long format."""
    with translation.override("de"):
        variants = {day.isoformat(), day.strftime("%d.%m.%Y"), formats.date_format(day)}
    return any(variant in page for variant in variants)


def render(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def directory_page(module_site):
    return module_site.directory


@pytest.fixture
def organisation(module_site):
    return module_site.organisation


@pytest.fixture(scope="module")
def service(module_site, django_db_blocker):
    """A service with every field filled in, in two places, with hours, a closure and contacts.

    Built once for the module (the tests only read it) and rolled back with ``module_site``.
    """
    with django_db_blocker.unblock():
        return build_service(module_site.organisation)


def build_service(organisation):
    TargetGroupFactory(code="frauen", name="Frauen")
    TargetGroupFactory(code="gefluechtete", name="Geflüchtete")
    listing = ServicePageFactory(
        parent=organisation,
        title="Migrationsberatung für Erwachsene",
        summary="Beratung zu Aufenthalt, Arbeit und Familie.",
        description="<p>Wir helfen beim <b>Ausfüllen von Anträgen</b>.</p>",
        action_fields=["sprache", "arbeit-ausbildung"],
        target_groups=["frauen", "gefluechtete"],
        keywords=["Aufenthaltstitel", "Jobcenter-Brief"],
        interpreters_on_request=True,
        is_free=False,
        cost_details="Erstberatung kostenlos, danach 5 € pro Termin",
        appointment_required=True,
        phone_counselling=True,
        online_counselling=True,
        min_age=27,
        max_age=65,
        residence_status=ResidenceStatus.ASYLUM_SEEKERS,
        women_only=True,
        eligibility_notes="Bitte den Ausweis mitbringen.",
        last_reviewed=timezone.localdate() - datetime.timedelta(days=30),
    )
    ListingLanguageFactory(page=listing, language="ar", note="donnerstags mit Dolmetscherin")
    ListingLanguageFactory(page=listing, language="uk", note="")
    ListingLocationFactory(
        page=listing,
        name="Beratungszentrum Nord",
        street="Lübecker Straße 12",
        postcode="39124",
        district=DistrictFactory(code="neue-neustadt", name="Neue Neustadt"),
        latitude=Decimal("52.151234"),
        longitude=Decimal("11.631234"),
        wheelchair_accessible=True,
        access_notes="Straßenbahn 10, Haltestelle Lübecker Straße",
    )
    ListingLocationFactory(
        page=listing,
        street="Halberstädter Straße 98",
        postcode="39112",
        district=DistrictFactory(code="sudenburg", name="Sudenburg"),
    )
    OpeningHoursFactory(
        page=listing, weekday=Weekday.TUESDAY, opens=datetime.time(9), closes=datetime.time(12, 30)
    )
    OpeningHoursFactory(
        page=listing,
        weekday=Weekday.THURSDAY,
        opens=datetime.time(14),
        closes=datetime.time(18),
        note="nur mit Termin",
    )
    today = timezone.localdate()
    ClosureFactory(
        page=listing,
        start_date=today + datetime.timedelta(days=10),
        end_date=today + datetime.timedelta(days=20),
        reason="Sommerpause des Teams",
    )
    ListingContactFactory(
        page=listing,
        name="Amira Haddad",
        role="Migrationsberaterin",
        phone="0391 540-2345",
        email="a.haddad@example.org",
    )
    ListingContactFactory(
        page=listing, name="Olena Koval", role="", phone="+49 176 1234567", email=""
    )
    return listing


def test_listing_page_shows_title_summary_and_description(client, service):
    page = render(client, service)
    assert html.escape(service.title) in page
    assert html.escape(service.summary) in page
    assert "Ausfüllen von Anträgen" in page


def test_listing_page_shows_each_action_field_target_group_and_keyword(client, service):
    page = render(client, service)
    for code in ("sprache", "arbeit-ausbildung"):
        assert html.escape(ActionField.objects.get(code=code, locale=service.locale).name) in page
    assert "Frauen" in page
    assert "Geflüchtete" in page
    assert "Aufenthaltstitel" in page
    assert "Jobcenter-Brief" in page


def test_listing_page_shows_languages_spoken_with_their_notes_and_interpreters(client, service):
    page = render(client, service)
    assert "العربية" in page
    assert "Українська" in page
    assert "donnerstags mit Dolmetscherin" in page
    with translation.override("de"):
        assert html.escape(language_name("ar")) in page
    assert german("Interpreters can be arranged on request.") in page


def test_listing_page_shows_cost_appointment_and_counselling_from_home(client, service):
    page = render(client, service)
    assert html.escape(service.cost_details) in page
    assert german("There is a charge.") in page
    assert german("Free of charge.") not in page
    assert german("Appointment needed") in page
    assert german("Counselling by phone is possible.") in page
    assert german("Counselling online is possible.") in page


def test_a_free_listing_says_so(client, organisation):
    listing = ServicePageFactory(parent=organisation, is_free=True)
    page = render(client, listing)
    assert german("Free of charge.") in page
    assert german("There is a charge.") not in page


def test_listing_page_shows_who_can_come(client, service):
    page = render(client, service)
    with translation.override("de"):
        age_range = html.escape(str(service.age_range_label()))
    assert age_range
    assert age_range in page
    assert german(service.get_residence_status_display()) in page
    assert german("Only for women and girls") in page
    assert html.escape(service.eligibility_notes) in page


def test_listing_page_shows_each_location_with_district_route_and_access(client, service):
    page = render(client, service)
    for location in service.locations.all():
        assert html.escape(location.street) in page
        assert location.postcode in page
        assert html.escape(location.district.name) in page
        assert f'href="{html.escape(location.route_url())}"' in page
    assert "Beratungszentrum Nord" in page
    assert "Straßenbahn 10, Haltestelle Lübecker Straße" in page
    assert "52.151234" in page  # the route link of the first place uses its coordinates
    assert german("Wheelchair accessible") in page


def test_listing_page_shows_the_hours_table_with_weekday_names(client, service):
    page = render(client, service)
    assert german(Weekday.TUESDAY.label) in page
    assert german(Weekday.THURSDAY.label) in page
    assert german(Weekday.MONDAY.label) not in page.split("<table", 1)[1].split("</table>", 1)[0]
    for shown in ("09:00", "12:30", "14:00", "18:00", "nur mit Termin"):
        assert shown in page


def test_listing_page_shows_an_upcoming_closure_with_its_reason(client, service):
    page = render(client, service)
    closure = service.closures.get()
    assert "Sommerpause des Teams" in page
    assert date_shown(page, closure.start_date)
    assert date_shown(page, closure.end_date)


def test_listing_page_links_contacts_by_phone_and_email(client, service):
    page = render(client, service)
    assert "Amira Haddad" in page
    assert "Migrationsberaterin" in page
    assert 'href="tel:+493915402345"' in page
    assert 'href="mailto:a.haddad@example.org"' in page
    assert 'href="tel:+491761234567"' in page


def test_listing_page_names_and_links_its_organisation(client, service, organisation):
    page = render(client, service)
    assert html.escape(organisation.title) in page
    assert f'href="{organisation.url}"' in page


def test_listing_page_shows_when_the_information_was_checked(client, service):
    page = render(client, service)
    assert date_shown(page, service.last_reviewed)


def test_recently_checked_listing_has_no_stale_notice(client, service):
    assert "data-stale" not in render(client, service)


def test_listing_checked_more_than_a_year_ago_shows_the_stale_notice(client, organisation):
    checked = timezone.localdate() - datetime.timedelta(days=400)
    listing = ServicePageFactory(parent=organisation, last_reviewed=checked)
    page = render(client, listing)
    assert "data-stale" in page
    assert date_shown(page, checked)


@pytest.mark.parametrize(("days_ago", "stale"), [(364, False), (365, True), (366, True)])
def test_a_listing_is_stale_from_365_days_after_its_last_check(organisation, days_ago, stale):
    today = datetime.date(2025, 6, 2)
    listing = ServicePageFactory(
        parent=organisation, last_reviewed=today - datetime.timedelta(days=days_ago)
    )
    assert listing.is_stale(today=today) is stale


def test_temporarily_closed_listing_says_so_with_its_note(client, organisation):
    listing = ServicePageFactory(
        parent=organisation,
        status=ListingStatus.TEMPORARILY_CLOSED,
        status_note="wegen Krankheit bis Ende des Monats",
    )
    page = render(client, listing)
    assert german(listing.get_status_display()) in page
    assert "wegen Krankheit bis Ende des Monats" in page


def test_an_active_listing_has_no_closed_note(client, service):
    assert german(ListingStatus.TEMPORARILY_CLOSED.label) not in render(client, service)


def test_project_page_shows_its_period_and_funding_body(client, organisation):
    project = ProjectPageFactory(
        parent=organisation,
        title="Ankommen in Magdeburg",
        start_date=datetime.date(2025, 3, 1),
        end_date=datetime.date(2026, 2, 28),
        funding_body="Asyl-, Migrations- und Integrationsfonds (AMIF)",
    )
    page = render(client, project)
    assert "Ankommen in Magdeburg" in page
    assert date_shown(page, project.start_date)
    assert date_shown(page, project.end_date)
    assert "Asyl-, Migrations- und Integrationsfonds (AMIF)" in page


def test_organisation_page_lists_its_live_listings_only(client, directory_page, organisation):
    own = ServicePageFactory(parent=organisation, title="Sprachcafé im Stadtteil")
    own_project = ProjectPageFactory(parent=organisation, title="Patenschaften für Familien")
    ServicePageFactory(parent=organisation, title="Unveröffentlichter Entwurf", live=False)
    other = OrganisationPageFactory(parent=directory_page, title="AWO Magdeburg")
    ServicePageFactory(parent=other, title="Schuldnerberatung der AWO")

    page = render(client, organisation)
    assert html.escape(organisation.title) in page
    assert own.title in page
    assert f'href="{own.url}"' in page
    assert own_project.title in page
    assert "Unveröffentlichter Entwurf" not in page
    assert "Schuldnerberatung der AWO" not in page
