"""The printable flyer of an action field: an A4 PDF per language, drawn by WeasyPrint.

It replaces the network's hand-made flyer: the network's name, the action field's name and
description, and every live listing of that action field in the language (name,
organisation, address, phone, languages spoken, opening hours in short), each with a small
QR code to its live page, and a QR code to the directory filtered by the action field.
Arabic and Persian are laid out right to left and shaped by Pango with Debian's Noto fonts.

Drawing a flyer takes a good part of a second, so each PDF is kept in Django's cache under
the content version (:mod:`base.content_cache`): publishing any page outdates it and the next
request draws it anew. WeasyPrint needs Pango (``libpango-1.0-0``, ``libpangoft2-1.0-0``);
without it :data:`AVAILABLE` is false, the link is hidden and the URL answers 503.
"""

from dataclasses import dataclass
from itertools import groupby

import segno
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.translation import get_language, gettext
from wagtail.models import Locale

from base.content_cache import content_version
from base.context_processors import live_homes
from directory.facets import filter_listings
from directory.filters import DirectoryFilters
from directory.models import ActionField, DirectoryIndexPage, ListingPage
from directory.queries import load_listings

try:
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher
except (ImportError, OSError):  # the package, or Pango and its fonts, are not installed
    CSS = HTML = URLFetcher = None

AVAILABLE = HTML is not None
# Long enough to serve a printed run, short enough that nothing stale lingers in Redis.
CACHE_SECONDS = 24 * 60 * 60
STYLESHEET = "css/flyer.css"
TEMPLATE = "directory/flyer.html"


@dataclass
class FlyerListing:
    """What the flyer prints of one listing."""

    listing: ListingPage
    url: str
    qr_code: str
    address: str
    phone: str
    hours: str


def short_hours(listing: ListingPage) -> str:
    """Weekly hours in short, days with the same times joined: "Mon–Wed 09:00–12:00 · Thu …".

    Weekday abbreviations come from Django's own translations, so they are in the active
    language. "By appointment" is added where the listing offers appointments.
    """
    ranges: dict[int, list[str]] = {}
    for entry in sorted(listing.opening_hours.all(), key=lambda h: (h.weekday, h.opens)):
        ranges.setdefault(entry.weekday, []).append(f"{entry.opens:%H:%M}–{entry.closes:%H:%M}")
    days = [(day, ", ".join(times)) for day, times in sorted(ranges.items())]
    parts = []
    # Consecutive weekdays with the same times form one run.
    runs = groupby(enumerate(days), key=lambda item: (item[1][0] - item[0], item[1][1]))
    for (_offset, times), run in runs:
        run_days = [day for _index, (day, _times) in run]
        first, last = str(WEEKDAYS_ABBR[run_days[0]]), str(WEEKDAYS_ABBR[run_days[-1]])
        label = first if first == last else f"{first}–{last}"
        parts.append(f"{label} {times}")
    if listing.by_appointment or listing.appointment_required:
        parts.append(gettext("by appointment"))
    return " · ".join(parts)


def qr_svg(url: str) -> str:
    """A QR code for ``url`` as an SVG data URI (drawn here: nothing is fetched)."""
    return segno.make(url, error="m").svg_data_uri(scale=4, border=2)


def action_field_in(code: str, locale: Locale) -> ActionField | None:
    """The action field ``code`` in ``locale``, else in the default locale (None: unknown)."""
    terms = {term.locale_id: term for term in ActionField.objects.filter(code=code)}
    if not terms:
        return None
    return terms.get(locale.id) or terms.get(Locale.get_default().id) or next(iter(terms.values()))


def _absolute(request, page) -> str:
    return request.build_absolute_uri(page.get_url(request))


def _phone(listing: ListingPage) -> str:
    for contact in listing.contacts.all():
        if contact.phone:
            return contact.phone
    organisation = listing.organisation
    return organisation.phone if organisation else ""


def flyer_listings(request, directory: DirectoryIndexPage, field: ActionField):
    """The live listings of ``field`` in the directory's language (in the directory's order:
    translated ones first, by title), ready to print."""
    filters = DirectoryFilters(action_field=[field.code])
    ids = filter_listings(directory.locale, filters)
    listings = []
    for listing in load_listings(ids, detail=True):
        url = _absolute(request, listing)
        location = next(iter(listing.locations.all()), None)
        listings.append(
            FlyerListing(
                listing=listing,
                url=url,
                qr_code=qr_svg(url),
                address=location.one_line() if location else "",
                phone=_phone(listing),
                hours=short_hours(listing),
            )
        )
    return listings


def render_flyer(request, directory: DirectoryIndexPage, field: ActionField) -> bytes:
    """The flyer of ``field`` in the directory's language, as PDF bytes."""
    directory_url = f"{_absolute(request, directory)}?action_field={field.code}"
    html = render_to_string(
        TEMPLATE,
        {
            "home": live_homes().get(directory.locale.language_code),
            "directory": directory,
            "field": field,
            "field_lang": field.locale.language_code,
            "directory_url": directory_url,
            "directory_qr_code": qr_svg(directory_url),
            "listings": flyer_listings(request, directory, field),
        },
        request=request,
    )
    with open(finders.find(STYLESHEET), encoding="utf-8") as stylesheet:
        css = CSS(string=stylesheet.read())
    # Only the QR codes' data URIs load: no file or network access from the content.
    fetcher = URLFetcher(allowed_protocols={"data"})
    return HTML(string=html, url_fetcher=fetcher).write_pdf(stylesheets=[css])


def cache_key(request, directory: DirectoryIndexPage, code: str) -> str:
    """Where the flyer is kept: per content version, language, action field and host (the
    QR codes hold absolute links)."""
    parts = ["flyer", content_version(), get_language() or "", str(directory.id), code]
    return ":".join([*parts, request.get_host()])


def cached_flyer(request, directory: DirectoryIndexPage, code: str) -> bytes | None:
    """The flyer as last drawn for the current content, or None."""
    return cache.get(cache_key(request, directory, code))


def store_flyer(request, directory: DirectoryIndexPage, code: str, pdf: bytes) -> None:
    """Keep a drawn flyer until the content changes."""
    cache.set(cache_key(request, directory, code), pdf, timeout=CACHE_SECONDS)
