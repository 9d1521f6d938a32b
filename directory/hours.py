"""Opening hours: whether a listing is open at a given moment, in Python and in SQL.

A time range whose closing time is not after its opening time runs across midnight
(e.g. Friday 22:00-02:00 is open Friday night and early Saturday). Closures (holidays,
temporary closing) are date ranges that override the weekly hours. All times are local
to ``settings.TIME_ZONE`` (Europe/Berlin).
"""

from datetime import date, datetime, time

from django.db.models import F, Q
from django.utils import timezone


def local_now() -> datetime:
    """The current moment in the site's time zone."""
    return timezone.localtime(timezone.now())


def range_covers(weekday: int, opens: time, closes: time, moment: datetime) -> bool:
    """Whether a weekly time range (weekday 0 = Monday) covers a local moment."""
    now_time = moment.time()
    today = moment.weekday()
    if opens < closes:
        return weekday == today and opens <= now_time < closes
    # Runs across midnight: the evening part on its own day, the early part on the next.
    if weekday == today and now_time >= opens:
        return True
    return weekday == (today - 1) % 7 and now_time < closes


def closure_covers(start: date, end: date | None, day: date) -> bool:
    """Whether a closure from ``start`` to ``end`` (inclusive, open-ended if None) covers a day."""
    return start <= day and (end is None or day <= end)


def open_now_q(moment: datetime, prefix: str = "") -> Q:
    """A filter for listings open at a local moment; ``prefix`` leads to the listing.

    It mirrors :func:`range_covers` and :func:`closure_covers` so that the directory's
    "open now" filter and the badge on a listing always agree.
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
    return same_day | evening | early_morning


def closed_on_q(day: date, prefix: str = "") -> Q:
    """A filter for listings with a closure covering ``day``."""
    closures = f"{prefix}closures__"
    return Q(**{f"{closures}start_date__lte": day}) & (
        Q(**{f"{closures}end_date__gte": day}) | Q(**{f"{closures}end_date__isnull": True})
    )
