"""Opening hours: whether a listing is open at a given moment, in Python and in SQL.

A time range whose closing time is not after its opening time runs across midnight
(e.g. Friday 22:00-02:00 is open Friday night and early Saturday). Closures (holidays,
temporary closing) are date ranges that override the weekly hours, and so do the public
holidays of the configured state. All times are local to ``settings.TIME_ZONE``
(Europe/Berlin).
"""

import functools
import threading
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

import holidays
from django.conf import settings
from django.core import checks
from django.db.models import F, Q
from django.utils import timezone
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.formats import date_format
from django.utils.translation import gettext


def local_now() -> datetime:
    """The current moment in the site's time zone."""
    return timezone.localtime(timezone.now())


def range_covers(weekday: int, opens: time, closes: time, moment: datetime) -> bool:
    """Whether a weekly time range (weekday 0 = Monday) covers a local moment."""
    return range_opened_on(weekday, opens, closes, moment) is not None


def range_opened_on(weekday: int, opens: time, closes: time, moment: datetime) -> date | None:
    """The day on which the occurrence of a weekly range covering ``moment`` opened, or None
    when the range does not cover it."""
    now_time = moment.time()
    today = moment.weekday()
    if opens < closes:
        covers = weekday == today and opens <= now_time < closes
        return moment.date() if covers else None
    # Runs across midnight: the evening part on its own day, the early part on the next.
    if weekday == today and now_time >= opens:
        return moment.date()
    if weekday == (today - 1) % 7 and now_time < closes:
        return moment.date() - timedelta(days=1)
    return None


def closure_covers(start: date, end: date | None, day: date) -> bool:
    """Whether a closure from ``start`` to ``end`` (inclusive, open-ended if None) covers a day."""
    return start <= day and (end is None or day <= end)


def open_now_q(
    moment: datetime, prefix: str = "", today_closed: bool = False, yesterday_closed: bool = False
) -> Q:
    """A filter for listings open at a local moment; ``prefix`` leads to the listing.

    It mirrors :func:`range_covers` and :func:`closure_covers` so that the directory's
    "open now" filter and the badge on a listing always agree. ``today_closed`` and
    ``yesterday_closed`` (public holidays) drop the ranges that open on that day; a night
    range that opened the evening before a holiday still runs into it.
    """
    now_time = moment.time()
    today = moment.weekday()
    yesterday = (today - 1) % 7
    hours = f"{prefix}opening_hours__"
    same_day = Q(
        **{
            f"{hours}weekday": today,
            f"{hours}opens__lte": now_time,
            f"{hours}closes__gt": now_time,
        }
    )
    evening = Q(
        **{
            f"{hours}weekday": today,
            f"{hours}opens__lte": now_time,
            f"{hours}closes__lte": F(f"{hours}opens"),
        }
    )
    early_morning = Q(
        **{
            f"{hours}weekday": yesterday,
            f"{hours}closes__gt": now_time,
            f"{hours}closes__lte": F(f"{hours}opens"),
        }
    )
    condition = Q(pk__in=[])
    if not today_closed:
        condition |= same_day | evening
    if not yesterday_closed:
        condition |= early_morning
    return condition


def closed_on_q(day: date, prefix: str = "") -> Q:
    """A filter for listings with a closure covering ``day``."""
    closures = f"{prefix}closures__"
    return Q(**{f"{closures}start_date__lte": day}) & (
        Q(**{f"{closures}end_date__gte": day}) | Q(**{f"{closures}end_date__isnull": True})
    )


# --- public holidays -------------------------------------------------------------------------

_holiday_lock = threading.Lock()


@functools.cache
def _holiday_calendar(country: str, subdivision: str) -> holidays.HolidayBase | None:
    if not country:
        return None
    return holidays.country_holidays(country, subdiv=subdivision or None)


def holiday_calendar_error(country: str, subdivision: str) -> str:
    """Why a country and subdivision name no holiday calendar ('' when they do)."""
    try:
        _holiday_calendar(country, subdivision)
    except NotImplementedError as error:
        return str(error) or f"no holidays known for {country!r}"
    return ""


def check_holiday_settings(app_configs=None, **kwargs) -> list[checks.Error]:
    """A system check: the configured country and state name a known holiday calendar."""
    country = settings.WEGWEISER_HOLIDAYS_COUNTRY
    subdivision = settings.WEGWEISER_HOLIDAYS_SUBDIV
    error = holiday_calendar_error(country, subdivision)
    if not error:
        return []
    return [
        checks.Error(
            f"WEGWEISER_HOLIDAYS_COUNTRY={country!r} with WEGWEISER_HOLIDAYS_SUBDIV="
            f"{subdivision!r} names no holiday calendar: {error}",
            hint="Use an ISO 3166 country code and a subdivision code of the Python package "
            "'holidays' (e.g. DE and ST), or an empty country for no holidays.",
            id="directory.E001",
        )
    ]


def public_holiday(day: date) -> str:
    """The name of the public holiday on ``day`` in the configured state ('' on other days).

    ``WEGWEISER_HOLIDAYS_COUNTRY`` and ``WEGWEISER_HOLIDAYS_SUBDIV`` (Sachsen-Anhalt by
    default) choose the calendar of the ``holidays`` package; an empty country has none.
    """
    calendar = _holiday_calendar(
        settings.WEGWEISER_HOLIDAYS_COUNTRY, settings.WEGWEISER_HOLIDAYS_SUBDIV
    )
    if calendar is None:
        return ""
    # The calendar fills in a year on its first use, which is not safe across threads.
    with _holiday_lock:
        return calendar.get(day) or ""


def is_public_holiday(day: date) -> bool:
    """Whether regular hours are closed on ``day`` because it is a public holiday."""
    return bool(public_holiday(day))


# --- what a visitor reads: "Open · closes 16:00", "Closed · opens Tue 09:00" -----------------

# How far ahead the next opening is looked for: a week, and two more for the holidays at
# Christmas and New Year that fall on the same weekday.
LOOK_AHEAD_DAYS = 21


class StatusKind(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    APPOINTMENT = "appointment"
    TEMPORARILY_CLOSED = "temporarily_closed"
    NONE = "none"


@dataclass(frozen=True)
class Schedule:
    """What the opening status of one listing depends on, as plain values.

    ``ranges`` are (weekday, opens, closes), ``closures`` (start, end or None);
    ``appointment`` is whether visits by appointment are possible or needed;
    ``temporarily_closed`` and ``active`` come from the listing's status.
    """

    ranges: tuple[tuple[int, time, time], ...] = ()
    closures: tuple[tuple[date, date | None], ...] = ()
    appointment: bool = False
    active: bool = True
    temporarily_closed: bool = False


@dataclass(frozen=True)
class OpeningStatus:
    """A listing's state at a moment and the local wall-clock time that changes it."""

    kind: StatusKind
    closes: datetime | None = None  # when open: the moment it closes (None: not within reach)
    opens: datetime | None = None  # when closed: the next opening
    today: date | None = None

    @property
    def is_open(self) -> bool:
        return self.kind == StatusKind.OPEN

    @property
    def shown(self) -> bool:
        """Whether there is something to tell (not for a listing without hours or ended)."""
        return self.kind in (StatusKind.OPEN, StatusKind.CLOSED, StatusKind.APPOINTMENT)

    @property
    def key(self) -> str:
        """A short token that changes exactly when the text changes (for cache keys)."""
        changes = self.closes or self.opens
        return f"{self.kind.value}:{changes:%Y%m%d%H%M}" if changes else self.kind.value

    def text(self) -> str:
        """The status in the active language, e.g. "Closed · opens Tue 09:00"."""
        if self.kind == StatusKind.OPEN:
            if self.closes is None:
                return gettext("Open now")
            return gettext("Open · closes %(time)s") % {"time": f"{self.closes:%H:%M}"}
        if self.kind == StatusKind.CLOSED:
            if self.opens is None:
                return gettext("Closed")
            clock = f"{self.opens:%H:%M}"
            days_ahead = (self.opens.date() - self.today).days
            if days_ahead == 0:
                return gettext("Closed · opens today %(time)s") % {"time": clock}
            day = str(WEEKDAYS_ABBR[self.opens.weekday()])
            if days_ahead >= 7:
                # The same weekday name would also fit this week: give the date too.
                day = f"{day} {date_format(self.opens.date(), 'SHORT_DATE_FORMAT')}"
            return gettext("Closed · opens %(day)s %(time)s") % {"day": day, "time": clock}
        if self.kind == StatusKind.APPOINTMENT:
            return gettext("By appointment")
        if self.kind == StatusKind.TEMPORARILY_CLOSED:
            return gettext("Temporarily closed")
        return ""


def _open_intervals(schedule: Schedule, first: date, days: int) -> list[tuple[datetime, datetime]]:
    """The schedule's opening intervals (naive wall-clock) on the days from ``first``, merged
    where they touch. A range does not open on a public holiday; a closure closes every part
    of a range on the days it covers (also the early hours of a night range)."""
    parts = []
    for offset in range(-1, days + 1):
        day = first + timedelta(days=offset)
        if is_public_holiday(day):
            continue
        for weekday, opens, closes in schedule.ranges:
            if weekday != day.weekday():
                continue
            start = datetime.combine(day, opens)
            if opens < closes:
                parts.append((day, start, datetime.combine(day, closes)))
            else:
                next_day = day + timedelta(days=1)
                midnight = datetime.combine(next_day, time())
                parts.append((day, start, midnight))
                parts.append((next_day, midnight, datetime.combine(next_day, closes)))
    merged: list[list[datetime]] = []
    for day, start, end in sorted(parts, key=lambda part: part[1]):
        if start == end or any(closure_covers(s, e, day) for s, e in schedule.closures):
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def opening_status(schedule: Schedule, moment: datetime) -> OpeningStatus:
    """Whether a listing is open at a local moment, until when, or when it opens next.

    Public holidays and closures close the regular hours; a listing without hours in reach
    that sees visitors by appointment says so.
    """
    today = moment.date()
    if not schedule.active:
        kind = StatusKind.TEMPORARILY_CLOSED if schedule.temporarily_closed else StatusKind.NONE
        return OpeningStatus(kind, today=today)
    now = moment.replace(tzinfo=None, second=0, microsecond=0)
    intervals = _open_intervals(schedule, today, LOOK_AHEAD_DAYS)
    horizon = datetime.combine(today + timedelta(days=LOOK_AHEAD_DAYS), time())
    for start, end in intervals:
        if start <= now < end:
            return OpeningStatus(
                StatusKind.OPEN, closes=end if end < horizon else None, today=today
            )
        if start > now and start < horizon:
            return OpeningStatus(StatusKind.CLOSED, opens=start, today=today)
    if schedule.appointment:
        return OpeningStatus(StatusKind.APPOINTMENT, today=today)
    if schedule.ranges:
        return OpeningStatus(StatusKind.CLOSED, today=today)
    return OpeningStatus(StatusKind.NONE, today=today)
