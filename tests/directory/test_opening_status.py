"""Public holidays close the regular hours, and cards and listings say when a place opens.

The holidays are those of Sachsen-Anhalt (``WEGWEISER_HOLIDAYS_COUNTRY=DE``,
``WEGWEISER_HOLIDAYS_SUBDIV=ST``). Reformationstag, 31 October 2026, is a holiday there (a
Saturday) and not in Bavaria; Christmas Day, 25 December 2026, is a Friday.
"""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings
from django.utils import timezone, translation

from directory import hours
from directory.factories import ClosureFactory, OpeningHoursFactory, ServicePageFactory
from directory.filters import DirectoryFilters, apply_filters
from directory.models import ListingPage, ListingStatus, Weekday
from directory.queries import live_listings

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
MON, TUE, WED, THU, FRI, SAT, SUN = Weekday
WORKDAYS = [(day, time(9), time(16)) for day in (MON, TUE, WED, THU, FRI)]


def berlin(*args):
    return datetime(*args, tzinfo=BERLIN)


@pytest.fixture
def organisation(module_site):
    return module_site.organisation


def make_listing(parent, ranges, closures=(), **fields):
    listing = ServicePageFactory(parent=parent, **fields)
    for weekday, opens, closes in ranges:
        OpeningHoursFactory(page=listing, weekday=weekday, opens=opens, closes=closes)
    for start, end in closures:
        ClosureFactory(page=listing, start_date=start, end_date=end)
    return ListingPage.objects.get(pk=listing.pk)


def open_by_method_and_filter(listing, moment):
    matching = apply_filters(
        live_listings(listing.locale), DirectoryFilters(open_now=True), moment=moment
    )
    return listing.is_open_now(moment), matching.filter(pk=listing.pk).exists()


def status_text(listing, moment, language="de"):
    with translation.override(language):
        return listing.opening_status(moment).text()


def test_the_test_dates_are_holidays_of_sachsen_anhalt_only():
    assert hours.is_public_holiday(date(2026, 10, 31))
    assert hours.is_public_holiday(date(2026, 12, 25))
    assert not hours.is_public_holiday(date(2026, 10, 30))
    with override_settings(WEGWEISER_HOLIDAYS_SUBDIV="BY"):
        assert not hours.is_public_holiday(date(2026, 10, 31))


def test_reformation_day_closes_the_saturday_hours(organisation):
    listing = make_listing(organisation, [(SAT, time(10), time(14))])
    assert open_by_method_and_filter(listing, berlin(2026, 10, 24, 11)) == (True, True)
    assert open_by_method_and_filter(listing, berlin(2026, 10, 31, 11)) == (False, False)
    # The next Saturday is a week away: the date says which one.
    assert status_text(listing, berlin(2026, 10, 31, 11)) == (
        "Geschlossen · öffnet Sa 07.11.2026 10:00"
    )


def test_without_a_holiday_calendar_the_holiday_keeps_its_hours(organisation):
    listing = make_listing(organisation, [(SAT, time(10), time(14))])
    with override_settings(WEGWEISER_HOLIDAYS_COUNTRY=""):
        assert open_by_method_and_filter(listing, berlin(2026, 10, 31, 11)) == (True, True)
        assert status_text(listing, berlin(2026, 10, 31, 11)) == "Geöffnet · schließt 14:00"


def test_christmas_is_skipped_when_telling_the_next_opening(organisation):
    listing = make_listing(organisation, WORKDAYS)
    christmas_eve_evening = berlin(2026, 12, 24, 17)
    assert open_by_method_and_filter(listing, berlin(2026, 12, 25, 10)) == (False, False)
    assert status_text(listing, christmas_eve_evening) == "Geschlossen · öffnet Mo 09:00"
    assert status_text(listing, christmas_eve_evening, "en") == "Closed · opens Mon 09:00"
    assert status_text(listing, christmas_eve_evening, "ar") == "مغلق · يفتح يوم إثنين الساعة 09:00"
    assert status_text(listing, christmas_eve_evening, "ru") == "Закрыто · откроется Пн в 09:00"


def test_a_friday_only_place_opens_three_weeks_after_christmas_eve(organisation):
    # Christmas Day and New Year's Day are both Fridays: the next opening is 8 January.
    listing = make_listing(organisation, [(FRI, time(9), time(12))])
    assert status_text(listing, berlin(2026, 12, 24, 17), "en") == (
        "Closed · opens Fri 01/08/2027 09:00"
    )


def test_an_open_place_says_when_it_closes_in_every_language(organisation):
    listing = make_listing(organisation, WORKDAYS)
    monday = berlin(2026, 11, 2, 10)
    expected = {
        "de": "Geöffnet · schließt 16:00",
        "en": "Open · closes 16:00",
        "ar": "مفتوح · يغلق الساعة 16:00",
        "fa": "باز است · ساعت 16:00 بسته می‌شود",
        "uk": "Відчинено · зачиняється о 16:00",
        "ru": "Открыто · закрывается в 16:00",
        "tr": "Açık · kapanış: 16:00",
    }
    assert {language: status_text(listing, monday, language) for language in expected} == (expected)


def test_a_closed_place_names_the_weekday_in_the_visitors_language(organisation):
    listing = make_listing(organisation, [(TUE, time(9), time(12))])
    monday = berlin(2026, 11, 2, 10)
    assert status_text(listing, monday) == "Geschlossen · öffnet Di 09:00"
    assert status_text(listing, monday, "ar") == "مغلق · يفتح يوم ثلاثاء الساعة 09:00"
    assert status_text(listing, monday, "fa") == "بسته است · سه\u200cشنبه ساعت 09:00 باز می‌شود"
    assert status_text(listing, monday, "uk") == "Зачинено · відчиняється Вт о 09:00"
    assert status_text(listing, monday, "tr") == "Kapalı · açılış: Sal 09:00"


def test_later_the_same_day_says_today(organisation):
    listing = make_listing(organisation, [(MON, time(9), time(12)), (MON, time(14), time(18))])
    assert status_text(listing, berlin(2026, 11, 2, 12, 30), "en") == "Closed · opens today 14:00"


def test_ranges_that_meet_close_at_the_end_of_the_last(organisation):
    listing = make_listing(organisation, [(MON, time(9), time(12)), (MON, time(12), time(16))])
    assert status_text(listing, berlin(2026, 11, 2, 10), "en") == "Open · closes 16:00"


def test_a_night_range_opened_before_a_holiday_runs_into_it(organisation):
    listing = make_listing(organisation, [(THU, time(22), time(2))])
    into_christmas = berlin(2026, 12, 25, 1)
    assert open_by_method_and_filter(listing, into_christmas) == (True, True)
    assert status_text(listing, into_christmas, "en") == "Open · closes 02:00"
    # The night range that would open on Christmas Day itself does not.
    friday_night = make_listing(organisation, [(FRI, time(22), time(2))])
    assert open_by_method_and_filter(friday_night, berlin(2026, 12, 26, 1)) == (False, False)


def test_a_closure_is_skipped_like_a_holiday(organisation):
    listing = make_listing(
        organisation, WORKDAYS, closures=[(date(2026, 11, 3), date(2026, 11, 5))]
    )
    assert status_text(listing, berlin(2026, 11, 2, 17), "en") == "Closed · opens Fri 09:00"


def test_by_appointment_without_hours(organisation):
    listing = make_listing(organisation, [], appointment_required=True)
    assert status_text(listing, berlin(2026, 11, 2, 10)) == "Nach Vereinbarung"
    assert status_text(listing, berlin(2026, 11, 2, 10), "ar") == "بموعد مسبق"


def test_no_status_without_hours_or_appointments(organisation):
    listing = make_listing(organisation, [])
    assert not listing.opening_status(berlin(2026, 11, 2, 10)).shown


def test_a_temporarily_closed_place_never_says_it_opens(organisation):
    listing = make_listing(organisation, WORKDAYS, status=ListingStatus.TEMPORARILY_CLOSED)
    status = listing.opening_status(berlin(2026, 11, 2, 10))
    assert not status.shown
    assert status.kind == hours.StatusKind.TEMPORARILY_CLOSED


def card_status(client, directory, moment, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: moment)
    response = client.get(directory.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-opening="' in html, "No opening status on the card"
    found = html[html.index('data-opening="') :]
    return found[found.index(">") + 1 : found.index("</li>")]


def test_cached_cards_follow_the_clock(client, module_site, organisation, monkeypatch):
    make_listing(organisation, WORKDAYS)
    directory = module_site.directory
    monday = berlin(2026, 11, 2, 10)
    assert card_status(client, directory, monday, monkeypatch) == "Geöffnet · schließt 16:00"
    # Nothing changed in the content: the cached card must still not freeze the status.
    evening = berlin(2026, 11, 2, 17)
    assert card_status(client, directory, evening, monkeypatch) == "Geschlossen · öffnet Di 09:00"
    christmas_eve = berlin(2026, 12, 24, 17)
    assert card_status(client, directory, christmas_eve, monkeypatch) == (
        "Geschlossen · öffnet Mo 09:00"
    )


def test_the_listing_page_tells_the_status(client, organisation, monkeypatch):
    listing = make_listing(organisation, WORKDAYS)
    monkeypatch.setattr(timezone, "now", lambda: berlin(2026, 12, 25, 10))
    html = client.get(listing.url).content.decode()
    assert "Geschlossen · öffnet Mo 09:00" in html
    assert "badge-open" not in html


def test_an_unknown_holiday_state_stops_the_site_with_a_clear_message():
    with override_settings(WEGWEISER_HOLIDAYS_SUBDIV="XX"):
        with pytest.raises(SystemCheckError, match="WEGWEISER_HOLIDAYS_SUBDIV='XX'"):
            call_command("check")
