"""Listing cards for result lists, rendered once and kept in Django's cache.

A card shows a listing's title, organisation, badges, summary, topics, languages, first
address and review date. Loading what it shows takes seven queries and rendering twenty
cards costs more than the rest of a result page, so each card's HTML is cached under a key
made of everything it depends on: the content version (:mod:`base.content_cache`, new on
every save), the listing, the language, whether it is open now (from the directory
snapshot), today's date (for "may be outdated") and the host. Only the cards missing from
the cache are loaded and rendered, with a fixed number of queries.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.template.loader import get_template
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from wagtail.models import Locale

from base.content_cache import content_version
from directory import hours
from directory.facets import snapshot
from directory.queries import load_listings

CARD_SECONDS = 6 * 60 * 60
TEMPLATE = "includes/listing_card.html"


@dataclass
class Card:
    """One rendered card; ``distance_km`` is set by the search when sorting by distance."""

    id: int
    title: str
    slug: str
    html: SafeString
    distance_km: float | None = None


def _open_ids(ids: list[int]) -> set[int]:
    """Those of ``ids`` open now (from the directory snapshot: no query within a minute)."""
    snap = snapshot(Locale.get_active())
    return set(snap.select(ids, snap.open_mask(hours.local_now())))


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
        ]
    )
    open_now = _open_ids(ids)
    keys = {
        listing_id: f"{prefix}:{listing_id}:{int(listing_id in open_now)}" for listing_id in ids
    }
    found = cache.get_many(list(keys.values()))
    missing = [listing_id for listing_id in ids if keys[listing_id] not in found]
    if missing:
        template = get_template(TEMPLATE)
        rendered = {}
        for listing in load_listings(missing, with_org=not hide_organisation):
            html = template.render(
                {"listing": listing, "hide_organisation": hide_organisation, "request": request}
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
