"""``ListingPage.is_open_now`` and the directory's "open now" filter agree, moment by moment.

All moments are local to Europe/Berlin. The reference week starts on Monday 2 June 2025.
"""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from directory.factories import ClosureFactory, OpeningHoursFactory, ServicePageFactory
from directory.filters import DirectoryFilters, apply_filters
from directory.models import ListingPage, ListingStatus, Weekday
from directory.queries import live_listings

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
UTC = ZoneInfo("UTC")


def berlin(*args, fold=0):
    return datetime(*args, tzinfo=BERLIN, fold=fold)


def from_utc(*args):
    """A moment given in UTC, seen on a Berlin clock (as ``hours.local_now`` would give it)."""
    return datetime(*args, tzinfo=UTC).astimezone(BERLIN)


MON, FRI, SAT, SUN = Weekday.MONDAY, Weekday.FRIDAY, Weekday.SATURDAY, Weekday.SUNDAY
MORNING = [(MON, time(9), time(12))]
FRIDAY_NIGHT = [(FRI, time(22), time(2))]
SUNDAY_NIGHT = [(SUN, time(22), time(1))]


@pytest.fixture
def organisation(module_site):
    return module_site.organisation


def open_now_by_method_and_filter(listing, moment):
    """(is_open_now(moment), whether the open_now filter keeps the listing at that moment)."""
    fresh = ListingPage.objects.get(pk=listing.pk)
    matching = apply_filters(
        live_listings(listing.locale), DirectoryFilters(open_now=True), moment=moment
    )
    return fresh.is_open_now(moment), matching.filter(pk=listing.pk).exists()


def make_listing(parent, hours, closures=(), status=ListingStatus.ACTIVE):
    listing = ServicePageFactory(parent=parent, status=status)
    for weekday, opens, closes in hours:
        OpeningHoursFactory(page=listing, weekday=weekday, opens=opens, closes=closes)
    for start, end in closures:
        ClosureFactory(page=listing, start_date=start, end_date=end)
    return listing


WEEKLY_CASES = {
    "inside-a-normal-range": (MORNING, berlin(2025, 6, 2, 10, 0), True),
    "at-the-opening-minute": (MORNING, berlin(2025, 6, 2, 9, 0), True),
    "in-the-last-minute": (MORNING, berlin(2025, 6, 2, 11, 59), True),
    "at-the-closing-minute": (MORNING, berlin(2025, 6, 2, 12, 0), False),
    "before-opening": (MORNING, berlin(2025, 6, 2, 8, 59), False),
    "same-time-other-weekday": (MORNING, berlin(2025, 6, 3, 10, 0), False),
    "friday-night-evening": (FRIDAY_NIGHT, berlin(2025, 6, 6, 23, 30), True),
    "friday-night-early-sat": (FRIDAY_NIGHT, berlin(2025, 6, 7, 1, 30), True),
    "friday-night-closes-sat": (FRIDAY_NIGHT, berlin(2025, 6, 7, 2, 0), False),
    "friday-before-opening": (FRIDAY_NIGHT, berlin(2025, 6, 6, 21, 59), False),
    "saturday-night-closed": (FRIDAY_NIGHT, berlin(2025, 6, 7, 23, 30), False),
    "friday-early-closed": (FRIDAY_NIGHT, berlin(2025, 6, 6, 1, 30), False),
    "sunday-night-evening": (SUNDAY_NIGHT, berlin(2025, 6, 8, 23, 0), True),
    "sunday-night-into-monday": (SUNDAY_NIGHT, berlin(2025, 6, 9, 0, 30), True),
    "sunday-night-ends-monday": (SUNDAY_NIGHT, berlin(2025, 6, 9, 1, 0), False),
    "wraps-every-week": (SUNDAY_NIGHT, berlin(2025, 6, 2, 0, 30), True),
}


@pytest.mark.parametrize(
    ("hours", "moment", "expected"), list(WEEKLY_CASES.values()), ids=list(WEEKLY_CASES)
)
def test_open_now_follows_the_weekly_hours(organisation, hours, moment, expected):
    listing = make_listing(organisation, hours)
    assert open_now_by_method_and_filter(listing, moment) == (expected, expected)


# Monday 2 June 2025, 10:00, inside the morning hours.
MONDAY_MORNING = berlin(2025, 6, 2, 10, 0)


CLOSURE_CASES = {
    "closure-covers-today": ((date(2025, 6, 1), date(2025, 6, 5)), False),
    "closure-is-only-today": ((date(2025, 6, 2), date(2025, 6, 2)), False),
    "closure-without-end-date": ((date(2025, 5, 20), None), False),
    "closure-ended-yesterday": ((date(2025, 5, 26), date(2025, 6, 1)), True),
    "closure-starts-tomorrow": ((date(2025, 6, 3), None), True),
}


@pytest.mark.parametrize(
    ("closure", "expected"), list(CLOSURE_CASES.values()), ids=list(CLOSURE_CASES)
)
def test_a_closure_overrides_the_weekly_hours(organisation, closure, expected):
    listing = make_listing(organisation, MORNING, closures=[closure])
    assert open_now_by_method_and_filter(listing, MONDAY_MORNING) == (expected, expected)


def test_a_closure_covering_the_early_hours_closes_a_night_range_too(organisation):
    # Friday's night range runs into Saturday; a closure on Saturday closes the early part.
    listing = make_listing(organisation, FRIDAY_NIGHT, closures=[(date(2025, 6, 7), None)])
    assert open_now_by_method_and_filter(listing, berlin(2025, 6, 6, 23, 30)) == (True, True)
    assert open_now_by_method_and_filter(listing, berlin(2025, 6, 7, 1, 30)) == (False, False)


def test_a_temporarily_closed_listing_is_never_open(organisation):
    listing = make_listing(organisation, MORNING, status=ListingStatus.TEMPORARILY_CLOSED)
    assert open_now_by_method_and_filter(listing, MONDAY_MORNING) == (False, False)


def test_a_listing_without_hours_is_never_open(organisation):
    listing = make_listing(organisation, [])
    assert open_now_by_method_and_filter(listing, MONDAY_MORNING) == (False, False)


def test_overlapping_ranges_list_the_listing_once(organisation):
    listing = make_listing(organisation, [*MORNING, (MON, time(8), time(11))])
    matching = apply_filters(
        live_listings(listing.locale), DirectoryFilters(open_now=True), moment=MONDAY_MORNING
    )
    assert list(matching.values_list("pk", flat=True)) == [listing.pk]


# Summer time starts on Sunday 30 March 2025 (02:00 CET -> 03:00 CEST) and ends on
# Sunday 26 October 2025 (03:00 CEST -> 02:00 CET, so 02:00-03:00 happens twice).
EARLY_SUNDAY = [(SUN, time(1), time(4))]
SATURDAY_NIGHT_TO_0330 = [(SAT, time(22), time(3, 30))]
SATURDAY_NIGHT_TO_0230 = [(SAT, time(22), time(2, 30))]
DST_CASES = {
    "spring-before-the-change": (EARLY_SUNDAY, from_utc(2025, 3, 30, 0, 30), True),
    "spring-after-the-change": (EARLY_SUNDAY, from_utc(2025, 3, 30, 1, 30), True),
    "spring-closes-by-the-wall-clock": (EARLY_SUNDAY, from_utc(2025, 3, 30, 2, 0), False),
    "spring-night-into-the-change": (SATURDAY_NIGHT_TO_0330, from_utc(2025, 3, 30, 1, 15), True),
    "spring-night-ends-after-it": (SATURDAY_NIGHT_TO_0330, from_utc(2025, 3, 30, 1, 30), False),
    "autumn-first-0215": (SATURDAY_NIGHT_TO_0230, from_utc(2025, 10, 26, 0, 15), True),
    "autumn-repeated-0215": (SATURDAY_NIGHT_TO_0230, from_utc(2025, 10, 26, 1, 15), True),
    "autumn-repeated-0230": (SATURDAY_NIGHT_TO_0230, from_utc(2025, 10, 26, 1, 30), False),
    "autumn-fold-given": (SATURDAY_NIGHT_TO_0230, berlin(2025, 10, 26, 2, 15, fold=1), True),
}


@pytest.mark.parametrize(
    ("hours", "moment", "expected"), list(DST_CASES.values()), ids=list(DST_CASES)
)
def test_open_now_reads_the_berlin_wall_clock_on_daylight_saving_days(
    organisation, hours, moment, expected
):
    listing = make_listing(organisation, hours)
    assert open_now_by_method_and_filter(listing, moment) == (expected, expected)


def test_the_moments_used_above_are_what_a_berlin_clock_shows():
    # Guards the table above: a UTC moment must land on the intended local wall-clock time.
    assert from_utc(2025, 3, 30, 1, 30).strftime("%a %H:%M %Z") == "Sun 03:30 CEST"
    assert from_utc(2025, 10, 26, 1, 15).strftime("%a %H:%M %Z") == "Sun 02:15 CET"
    assert berlin(2025, 6, 6, 23, 30).weekday() == FRI
