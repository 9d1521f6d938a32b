"""Listing cards for result lists, rendered once and kept in Django's cache.

A card shows a listing's title, organisation, badges, its opening status ("Open · closes
16:00"), summary, topics, languages, first address and review date. Loading what it shows
takes seven queries and rendering twenty cards costs more than the rest of a result page,
so each card's HTML is cached under a key made of everything it depends on: the content
version (:mod:`base.content_cache`, new on every save), the listing, the language, its
opening status (which changes only when the listing opens or closes: the status is computed
in memory from every listing's hours, kept until the content changes), today's date (for
"may be outdated"), the host and the URL of the icons (a new static file after a deploy
gives new cards rather than ones pointing at the old file). Only the cards missing from the
cache are loaded and rendered, with a fixed number of queries.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.template.loader import get_template
from django.templatetags.static import static
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from wagtail.models import Locale

from base.content_cache import cached, content_version
from directory import hours
from directory.models import Closure, OpeningHours, listing_schedule
from directory.queries import live_listings, load_listings

CARD_SECONDS = 6 * 60 * 60
TEMPLATE = "includes/listing_card.html"
ICONS = "img/icons.svg"


@dataclass
class Card:
    """One rendered card; ``distance_km`` is set by the search when sorting by distance."""

    id: int
    title: str
    slug: str
    html: SafeString
    distance_km: float | None = None


def _build_schedules(locale: Locale) -> dict[int, hours.Schedule]:
    listings = live_listings(locale)
    ids = listings.order_by().values("id")
    ranges: dict[int, list] = {}
    for page_id, *row in OpeningHours.objects.filter(page_id__in=ids).values_list(
        "page_id", "weekday", "opens", "closes"
    ):
        ranges.setdefault(page_id, []).append(tuple(row))
    closures: dict[int, list] = {}
    for page_id, *row in Closure.objects.filter(page_id__in=ids).values_list(
        "page_id", "start_date", "end_date"
    ):
        closures.setdefault(page_id, []).append(tuple(row))
    return {
        listing_id: listing_schedule(
            status,
            by_appointment or appointment_required,
            ranges.get(listing_id, ()),
            closures.get(listing_id, ()),
        )
        for listing_id, status, by_appointment, appointment_required in listings.values_list(
            "id", "status", "by_appointment", "appointment_required"
        )
    }


def schedules(locale: Locale) -> dict[int, hours.Schedule]:
    """Every live listing's schedule in ``locale`` (three queries, kept until content changes)."""
    return cached(("directory-schedules", locale.id), lambda: _build_schedules(locale))


def opening_statuses(ids, moment=None) -> dict[int, hours.OpeningStatus]:
    """The opening status of those ``ids`` that are live listings of the active locale."""
    moment = moment or hours.local_now()
    known = schedules(Locale.get_active())
    return {i: hours.opening_status(known[i], moment) for i in ids if i in known}


def listing_cards_html(request, ids, hide_organisation: bool = False) -> list[Card]:
    """Cards for the listings ``ids`` in their order (ids that are no listing are left out)."""
    ids = list(ids)
    if not ids:
        return []
    prefix = ":".join(
        [
            "card",
            content_version(),
            get_language() or "",
            "1" if hide_organisation else "0",
            timezone.localdate().isoformat(),
            request.get_host() if request is not None else "",
            static(ICONS),
        ]
    )
    statuses = opening_statuses(ids)
    closed = hours.OpeningStatus(hours.StatusKind.NONE)
    keys = {
        listing_id: f"{prefix}:{listing_id}:{statuses.get(listing_id, closed).key}"
        for listing_id in ids
    }
    found = cache.get_many(list(keys.values()))
    missing = [listing_id for listing_id in ids if keys[listing_id] not in found]
    if missing:
        template = get_template(TEMPLATE)
        rendered = {}
        for listing in load_listings(missing, with_org=not hide_organisation):
            html = template.render(
                {
                    "listing": listing,
                    "status": statuses.get(listing.id, closed),
                    "hide_organisation": hide_organisation,
                    "request": request,
                }
            )
            rendered[keys[listing.id]] = (listing.title, listing.slug, str(html))
        cache.set_many(rendered, timeout=CARD_SECONDS)
        found.update(rendered)
    cards = []
    for listing_id in ids:
        entry = found.get(keys[listing_id])
        if entry is not None:
            title, slug, html = entry
            cards.append(Card(listing_id, title, slug, mark_safe(html)))  # noqa: S308 (our template)
    return cards
