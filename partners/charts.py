"""The coordinator's dashboard charts: server-rendered SVG, no chart service, no script.

Four questions a coordinator asks every week, each answered by one query set and drawn as
horizontal stacked bars (labels may be long, in any script, and right to left):

- how far is each language translated (up to date, outdated, missing);
- which organisations' listings are fresh, due for review or stale;
- how many searches found nothing, per week;
- how many listings each action field and each district has.

Every chart comes with the same numbers as a table, for screen readers and for copying.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from base.languages import SOURCE_LANGUAGE
from base.translation_status import MISSING, OUTDATED, STATUS_LABELS, UP_TO_DATE, status_table
from directory.models import (
    ActionField,
    District,
    ListingActionField,
    ListingLocation,
    ListingPage,
    OrganisationPage,
)
from search.models import FailedSearch

# Colours with at least 3:1 contrast against white, told apart by more than hue alone
# (the legend and the table carry the same information).
GOOD, WARN, BAD, PLAIN = "#1a7f37", "#9a6700", "#cf222e", "#0550ae"

WIDTH = 640  # viewBox units; the SVG scales to its container
LABEL_WIDTH = 220
VALUE_WIDTH = 48
ROW_HEIGHT = 26
BAR_HEIGHT = 18
LABEL_CHARS = 30  # longer labels are shortened; the full text is in the row's <title>
FRESH, DUE, STALE = "fresh", "due", "stale"
WEEKS = 12


@dataclass
class Series:
    key: str
    label: str
    colour: str


@dataclass
class Row:
    label: str
    values: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.values.values())


@dataclass
class Chart:
    """One stacked bar chart: its title, series (the legend) and rows (one bar each)."""

    slug: str
    title: str
    series: list[Series]
    rows: list[Row]
    empty_text: str = ""
    bars: list[dict] = field(default_factory=list)
    height: int = 0

    def layout(self, rtl: bool = False) -> "Chart":
        """Compute each bar's segments in viewBox units, mirrored for right-to-left."""
        scale_max = max((row.total for row in self.rows), default=0) or 1
        span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
        self.bars = []
        for index, row in enumerate(self.rows):
            y = index * ROW_HEIGHT
            offset = 0.0
            segments = []
            for series in self.series:
                value = row.values.get(series.key, 0)
                width = span * value / scale_max
                if value:
                    x = LABEL_WIDTH + offset
                    if rtl:
                        x = WIDTH - x - width
                    segments.append(
                        {
                            "x": round(x, 1),
                            "width": round(max(width, 1.0), 1),
                            "colour": series.colour,
                            "value": value,
                            "label": series.label,
                        }
                    )
                offset += width
            end = LABEL_WIDTH + offset + 6
            label = (
                row.label if len(row.label) <= LABEL_CHARS else row.label[: LABEL_CHARS - 1] + "…"
            )
            self.bars.append(
                {
                    "row": row,
                    "short_label": label,
                    "y": y,
                    "bar_y": y + (ROW_HEIGHT - BAR_HEIGHT) / 2,
                    "text_y": y + ROW_HEIGHT / 2 + 5,
                    "label_x": WIDTH - LABEL_WIDTH + 8 if rtl else LABEL_WIDTH - 8,
                    "label_anchor": "start" if rtl else "end",
                    "value_x": round(WIDTH - end if rtl else end, 1),
                    "value_anchor": "end" if rtl else "start",
                    "segments": segments,
                    "cells": [row.values.get(series.key, 0) for series in self.series],
                }
            )
        self.height = max(len(self.rows), 1) * ROW_HEIGHT
        return self


def _source_locale():
    return Locale.objects.filter(language_code=SOURCE_LANGUAGE).first()


def _display_locale():
    """The admin user's language if the site has it (for term names), else German."""
    return Locale.objects.filter(language_code=get_language()).first() or _source_locale()


def translation_coverage() -> Chart:
    """Per language: how many German pages are translated and up to date, outdated, missing."""
    locales, rows = status_table()
    counts = {locale.language_code: Counter() for locale in locales}
    for _page, statuses in rows:
        for code, (status, _copy) in statuses.items():
            counts[code][status] += 1
    return Chart(
        "coverage",
        _("Translation coverage per language"),
        [
            Series(UP_TO_DATE, STATUS_LABELS[UP_TO_DATE], GOOD),
            Series(OUTDATED, STATUS_LABELS[OUTDATED], WARN),
            Series(MISSING, STATUS_LABELS[MISSING], BAD),
        ],
        [
            Row(str(locale.get_display_name()), dict(counts[locale.language_code]))
            for locale in locales
        ],
        _("There is no other language than German yet."),
    )


def freshness_by_organisation(today: datetime.date | None = None) -> Chart:
    """Per organisation: live listings checked recently, due for review, or stale."""
    today = today or timezone.localdate()
    due_from = today - datetime.timedelta(days=settings.WEGWEISER_REVIEW_REMINDER_AFTER_DAYS)
    stale_from = today - datetime.timedelta(days=settings.WEGWEISER_STALE_AFTER_DAYS)
    source = _source_locale()
    listings = ListingPage.objects.live().filter(locale=source).values_list("path", "last_reviewed")
    steplen = ListingPage.steplen
    counts = defaultdict(Counter)
    for path, reviewed in listings:
        if reviewed <= stale_from:
            state = STALE
        elif reviewed <= due_from:
            state = DUE
        else:
            state = FRESH
        counts[path[:-steplen]][state] += 1
    names = dict(
        OrganisationPage.objects.filter(path__in=list(counts)).values_list("path", "title")
    )
    rows = [
        Row(names.get(path, "?"), dict(states)) for path, states in counts.items() if path in names
    ]
    # The organisations needing attention first, then by name.
    rows.sort(key=lambda row: (-row.values.get(STALE, 0), -row.values.get(DUE, 0), row.label))
    return Chart(
        "freshness",
        _("Freshness of the listings by organisation"),
        [
            Series(FRESH, _("checked recently"), GOOD),
            Series(DUE, _("due for review"), WARN),
            Series(STALE, _("stale"), BAD),
        ],
        rows,
        _("There are no published listings yet."),
    )


def failed_searches_per_week(today: datetime.date | None = None, weeks: int = WEEKS) -> Chart:
    """Searches without results in each of the last ``weeks`` weeks (Monday to Sunday)."""
    today = today or timezone.localdate()
    this_monday = today - datetime.timedelta(days=today.weekday())
    first = this_monday - datetime.timedelta(weeks=weeks - 1)
    per_day = (
        FailedSearch.objects.filter(day__gte=first, day__lte=today)
        .values("day")
        .annotate(total=Sum("count"))
        .values_list("day", "total")
    )
    totals = Counter()
    for day, count in per_day:
        totals[(day - first).days // 7] += count
    rows = []
    for week in range(weeks):
        monday = first + datetime.timedelta(weeks=week)
        label = _("week of %(date)s") % {"date": date_format(monday, "SHORT_DATE_FORMAT")}
        rows.append(Row(str(label), {"failed": totals.get(week, 0)}))
    return Chart(
        "failed-searches",
        _("Searches without results per week"),
        [Series("failed", _("searches without results"), PLAIN)],
        rows,
    )


def _terms_by_code(model, locale) -> dict[str, str]:
    """Each term's name in ``locale`` where translated, else in German, keyed by code."""
    names = dict(model.objects.filter(locale=_source_locale()).values_list("code", "name"))
    if locale is not None:
        names.update(model.objects.filter(locale=locale).values_list("code", "name"))
    return names


def _live_listings_per(link_model, code_field: str) -> Counter:
    """Live listings (their German pages, standing for every language) per term code, each
    listing counted once per term however many rows link it."""
    rows = (
        link_model.objects.filter(page__locale=_source_locale(), page__live=True)
        .order_by()
        .values_list(code_field, "page_id")
        .distinct()
    )
    return Counter(code for code, _page in rows)


def listings_per_action_field() -> Chart:
    """Live listings (counted once for all languages) per action field, in the network's order."""
    source = _source_locale()
    counts = _live_listings_per(ListingActionField, "action_field__code")
    names = _terms_by_code(ActionField, _display_locale())
    order = ActionField.objects.filter(locale=source).values_list("code", flat=True)
    return Chart(
        "action-fields",
        _("Listings per action field"),
        [Series("listings", _("listings"), PLAIN)],
        [Row(names.get(code, code), {"listings": counts.get(code, 0)}) for code in order],
        _("There are no action fields yet."),
    )


def listings_per_district() -> Chart:
    """Live listings per district of their places; listings without one counted apart."""
    source = _source_locale()
    counts = _live_listings_per(ListingLocation, "district__code")
    names = _terms_by_code(District, _display_locale())
    order = list(District.objects.filter(locale=source).values_list("code", flat=True))
    rows = [
        Row(names.get(code, code), {"listings": counts[code]}) for code in order if counts[code]
    ]
    if counts.get(None):
        rows.append(Row(str(_("no district given")), {"listings": counts[None]}))
    return Chart(
        "districts",
        _("Listings per district"),
        [Series("listings", _("listings"), PLAIN)],
        rows,
        _("No listing has a place yet."),
    )


def coordinator_charts(today: datetime.date | None = None) -> list[Chart]:
    """All charts of the coordinator's dashboard, laid out for the admin's text direction."""
    rtl = get_language_bidi()
    charts = [
        translation_coverage(),
        freshness_by_organisation(today),
        failed_searches_per_week(today),
        listings_per_action_field(),
        listings_per_district(),
    ]
    return [chart.layout(rtl) for chart in charts]
