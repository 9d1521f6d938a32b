"""The directory's filters and facet counts, computed in memory from one snapshot per locale.

A snapshot holds every live listing of a locale in the directory's order (translated ones
first, by title: :func:`directory.queries.in_directory_order`) and, for every value of
every facet declared in :mod:`directory.filters` (action field, target group, language
spoken, district, free of charge, wheelchair accessible, ...), a bit mask with one bit per
listing. Filtering is then ``&`` and ``|`` of integers and a count is ``int.bit_count()``:
a page with facets needs no query that grows with the number of listings or results, where
SQL facet counts cost one grouped query per facet over every matching listing (tens of
milliseconds at 3,000 listings).

A snapshot is built with one query for the listings, one per model holding facet values
(rows of one model are read together) and one per taxonomy for its labels, and kept until
the content changes (saving or deleting a page, a listing's rows or a taxonomy term:
:mod:`base.content_cache`). A facet that depends on the clock ("open now") has its mask
computed with one query and kept for the minute.

The semantics are those of :func:`directory.filters.apply_filters` (values of a facet are
OR-ed, facets AND-ed); a test compares both on many filter combinations.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from base.content_cache import cached, watch
from directory import hours
from directory.filters import FACETS, DirectoryFilters
from directory.models import Closure, OpeningHours
from directory.models.taxonomy import TaxonomyTerm
from directory.queries import in_directory_order, live_listings


def _positions(mask: int) -> list[int]:
    """The positions of the set bits of ``mask``, ascending."""
    found = []
    data = mask.to_bytes((mask.bit_length() + 7) // 8, "little")
    for index, byte in enumerate(data):
        if byte:
            base = index * 8
            found.extend(base + bit for bit in range(8) if byte >> bit & 1)
    return found


@dataclass
class Snapshot:
    """Every live listing of a locale (directory order) and a bit mask per facet value."""

    locale: Locale
    ids: list[int]
    position: dict[int, int]  # listing id → bit
    masks: dict[str, dict[str, int]]  # term facet → value → mask
    flags: dict[str, int]  # stored flag → mask
    labels: dict[str, object]  # term facet → what its vocabulary read for the options
    _timed: dict[str, tuple[datetime, int]] = field(init=False, default_factory=dict)

    @property
    def everything(self) -> int:
        return (1 << len(self.ids)) - 1

    def mask_of(self, ids: Iterable[int]) -> int:
        """The mask of those ``ids`` that are live listings of this locale."""
        data = bytearray((len(self.ids) + 7) // 8)
        position = self.position
        for listing_id in ids:
            index = position.get(listing_id)
            if index is not None:
                data[index >> 3] |= 1 << (index & 7)
        return int.from_bytes(data, "little")

    def ids_of(self, mask: int) -> list[int]:
        """The listings of ``mask`` in the directory's order."""
        ids = self.ids
        return [ids[index] for index in _positions(mask)]

    def select(self, ids: Iterable[int], mask: int) -> list[int]:
        """Those of ``ids`` that are in ``mask``, in their given order."""
        data = mask.to_bytes((mask.bit_length() + 7) // 8, "little")
        kept = []
        for listing_id in ids:
            index = self.position.get(listing_id)
            if index is not None and index >> 3 < len(data) and data[index >> 3] >> (index & 7) & 1:
                kept.append(listing_id)
        return kept

    def timed_mask(self, code: str, moment: datetime) -> int:
        """Listings a clock-dependent flag selects at ``moment`` (one query, kept that minute)."""
        minute = moment.replace(second=0, microsecond=0)
        cached_minute, mask = self._timed.get(code, (None, 0))
        if cached_minute == minute:
            return mask
        condition = FACETS[code].q(True, minute)
        mask = self.mask_of(
            live_listings(self.locale).filter(condition).values_list("id", flat=True).iterator()
        )
        self._timed[code] = (minute, mask)
        return mask

    def flag_mask(self, code: str, moment: datetime) -> int:
        """Listings a flag selects."""
        if FACETS[code].timed is not None:
            return self.timed_mask(code, moment)
        return self.flags[code]

    def condition(self, code: str, filters: DirectoryFilters, moment: datetime) -> int | None:
        """The mask one facet of ``filters`` allows, or None when the facet is not set."""
        values = getattr(filters, code)
        if not values:
            return None
        if FACETS[code].multiple:
            by_value = self.masks[code]
            mask = 0
            for value in values:
                mask |= by_value.get(value, 0)
            return mask
        return self.flag_mask(code, moment)


def _build(locale: Locale) -> Snapshot:
    """Read a locale's live listings and the values of every stored facet."""
    base = in_directory_order(live_listings(locale))
    stored = [facet for facet in FACETS.values() if facet.stored is not None]
    own = [facet for facet in stored if facet.stored.on_listing]
    rows = list(base.values_list("id", *(facet.stored.path for facet in own)))
    ids = [row[0] for row in rows]
    position = {listing_id: index for index, listing_id in enumerate(ids)}

    values: dict[str, list[tuple[int, object]]] = {}
    for column, facet in enumerate(own, start=1):
        values[facet.code] = [(row[0], row[column]) for row in rows]
    by_model: dict[type, list] = {}
    for facet in stored:
        if not facet.stored.on_listing:
            by_model.setdefault(facet.stored.model, []).append(facet)
    live_ids = base.order_by().values("id")
    for model, facets in by_model.items():
        paths = list(dict.fromkeys(facet.stored.path for facet in facets))
        found = list(model.objects.filter(page_id__in=live_ids).values_list("page_id", *paths))
        for facet in facets:
            column = paths.index(facet.stored.path) + 1
            values[facet.code] = [(row[0], row[column]) for row in found]

    size = (len(ids) + 7) // 8

    def masks(pairs) -> dict[str, int]:
        bits: dict[str, bytearray] = {}
        for listing_id, value in pairs:
            index = position.get(listing_id)
            if value and index is not None:
                data = bits.get(value)
                if data is None:
                    data = bits[value] = bytearray(size)
                data[index >> 3] |= 1 << (index & 7)
        return {value: int.from_bytes(data, "little") for value, data in bits.items()}

    facet_masks, flags, labels = {}, {}, {}
    for facet in stored:
        if facet.multiple:
            facet_masks[facet.code] = masks(values[facet.code])
            labels[facet.code] = facet.vocabulary.read_labels(locale)
        else:
            flags[facet.code] = masks(
                (listing_id, "1") for listing_id, value in values[facet.code] if value
            ).get("1", 0)
    return Snapshot(locale, ids, position, facet_masks, flags, labels)


def snapshot(locale: Locale) -> Snapshot:
    """The current snapshot of a locale's directory (built when missing or outdated)."""
    return cached(("directory-snapshot", locale.id), lambda: _build(locale))


@dataclass
class FacetOption:
    """One value of a facet with its label, its count and whether it is selected.

    ``param`` is the query parameter that selects it (the flags each have their own);
    ``icon`` is the id of its pictogram in ``img/icons.svg`` (action fields), or empty.
    """

    value: str
    label: str
    count: int
    selected: bool
    param: str = ""
    icon: str = ""


@dataclass
class Facet:
    """A facet of the filter panel with its options; ``flags`` bundles the yes/no facets."""

    name: str
    label: str
    options: list[FacetOption]
    multiple: bool = True


def _conditions(snap: Snapshot, filters: DirectoryFilters, moment) -> dict[str, int]:
    conditions = {}
    for code in FACETS:
        mask = snap.condition(code, filters, moment)
        if mask is not None:
            conditions[code] = mask
    return conditions


def _narrowed(start: int, conditions: dict[str, int], skip: str = "") -> int:
    for code, mask in conditions.items():
        if code != skip:
            start &= mask
    return start


def filter_listings(
    locale: Locale, filters: DirectoryFilters, candidates=None, moment=None
) -> list[int]:
    """Ids of the live listings of ``locale`` that pass ``filters``.

    Without ``candidates``: every such listing, in the directory's order (translated ones
    first, by title). With ``candidates`` (ids, e.g. search results in relevance order):
    those of them that pass, in their order.
    Computed in memory; same result as :func:`directory.filters.apply_filters`.
    """
    snap = snapshot(locale)
    if not filters.active:
        if candidates is None:
            return list(snap.ids)
        return [i for i in candidates if i in snap.position]
    start = snap.everything if candidates is None else snap.mask_of(candidates)
    passing = _narrowed(start, _conditions(snap, filters, moment or hours.local_now()))
    if candidates is None:
        return snap.ids_of(passing)
    return snap.select(candidates, passing)


def facet_counts(
    locale: Locale, filters: DirectoryFilters, candidates=None, moment=None
) -> list[Facet]:
    """Every facet with counts given all *other* selected filters; the flags come last.

    Counts cover the live listings of ``locale``, or only ``candidates`` (ids) when given.
    No query grows with the number of listings.
    """
    snap = snapshot(locale)
    start = snap.everything if candidates is None else snap.mask_of(candidates)
    moment = moment or hours.local_now()
    conditions = _conditions(snap, filters, moment)

    facets, flags = [], []
    for code, facet in FACETS.items():
        eligible = _narrowed(start, conditions, skip=code)
        if not facet.multiple:
            count = (eligible & snap.flag_mask(code, moment)).bit_count()
            flags.append(FacetOption("1", facet.label, count, getattr(filters, code), code))
            continue
        selected = getattr(filters, code)
        counts = {value: (eligible & mask).bit_count() for value, mask in snap.masks[code].items()}
        options = [
            FacetOption(value, label, counts.get(value, 0), value in selected, code, icon)
            for value, label, icon in facet.vocabulary.options(snap.labels[code])
        ]
        options = [option for option in options if option.count or option.selected]
        if facet.vocabulary.by_count:
            options.sort(key=lambda option: -option.count)
        facets.append(Facet(code, facet.label, options))
    facets.append(Facet("flags", _("Other"), flags, multiple=False))
    return facets


def connect_signals() -> None:
    """Outdate the snapshots whenever a listing's rows or a taxonomy term change (pages,
    view restrictions and locales are watched by :mod:`base.content_cache`)."""
    rows = dict.fromkeys(
        facet.stored.model
        for facet in FACETS.values()
        if facet.stored is not None and not facet.stored.on_listing
    )
    # Opening hours and closures decide "open now"; the cards show them too.
    watch(*rows, OpeningHours, Closure, TaxonomyTerm)
