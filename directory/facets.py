"""The directory's filters and facet counts, computed in memory from one snapshot per locale.

A snapshot holds every live listing of a locale in title order and, for every facet value
(action field, target group, language spoken, district, free of charge, wheelchair
accessible), a bit mask with one bit per listing. Filtering is then ``&`` and ``|`` of
integers and a count is ``int.bit_count()``: a page with facets needs no query that grows
with the number of listings or results, where SQL facet counts cost one grouped query per
facet over every matching listing (tens of milliseconds at 3,000 listings).

A snapshot is built with eight queries and kept until the content changes (saving or
deleting a page, a listing's rows or a taxonomy term: :mod:`base.content_cache`). "Open
now" depends on the clock: its mask is computed with one query and kept for the minute.

The semantics are those of :func:`directory.queries.apply_filters` (values of a facet are
OR-ed, facets AND-ed); a test compares both on many filter combinations.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from wagtail.models import Locale

from base.content_cache import cached, watch
from directory.models import (
    ActionField,
    Closure,
    District,
    ListingActionField,
    ListingLanguage,
    ListingLocation,
    ListingTargetGroup,
    OpeningHours,
    TargetGroup,
)
from directory.models.taxonomy import TaxonomyTerm
from directory.queries import MULTI_FACETS, DirectoryFilters, facet_q, live_listings


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
    """Every live listing of a locale (title order) and a bit mask per facet value."""

    locale: Locale
    ids: list[int]
    position: dict[int, int]  # listing id → bit
    masks: dict[str, dict[str, int]]
    flags: dict[str, int]
    labels: dict[str, list[tuple[str, str]]]
    _open: tuple[datetime | None, int] = field(init=False, default=(None, 0))

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
        """The listings of ``mask`` in title order."""
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

    def open_mask(self, moment: datetime) -> int:
        """Listings open at ``moment`` (one query, then kept for that minute)."""
        minute = moment.replace(second=0, microsecond=0)
        cached_minute, mask = self._open
        if cached_minute == minute:
            return mask

        condition = facet_q("open_now", DirectoryFilters(open_now=True), minute)
        mask = self.mask_of(
            live_listings(self.locale).filter(condition).values_list("id", flat=True).iterator()
        )
        self._open = (minute, mask)
        return mask

    def condition(self, name: str, filters, moment: datetime) -> int | None:
        """The mask one facet of ``filters`` allows, or None when the facet is not set."""
        values = getattr(filters, name)
        if not values:
            return None
        if name in MULTI_FACETS:
            by_value = self.masks[name]
            mask = 0
            for value in values:
                mask |= by_value.get(value, 0)
            return mask
        if name == "open_now":
            return self.open_mask(moment)
        return self.flags[name]


def _build(locale: Locale) -> Snapshot:
    """Read a locale's live listings and their facet values (eight queries)."""
    base = live_listings(locale).order_by("title", "id")
    rows = list(base.values_list("id", "is_free"))
    ids = [listing_id for listing_id, _free in rows]
    position = {listing_id: index for index, listing_id in enumerate(ids)}

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

    live_ids = base.order_by().values("id")

    facet_masks = {
        "action_field": masks(
            ListingActionField.objects.filter(page_id__in=live_ids).values_list(
                "page_id", "action_field__code"
            )
        ),
        "target_group": masks(
            ListingTargetGroup.objects.filter(page_id__in=live_ids).values_list(
                "page_id", "target_group__code"
            )
        ),
        "language": masks(
            ListingLanguage.objects.filter(page_id__in=live_ids).values_list("page_id", "language")
        ),
    }
    locations = list(
        ListingLocation.objects.filter(page_id__in=live_ids).values_list(
            "page_id", "district__code", "wheelchair_accessible"
        )
    )
    facet_masks["district"] = masks((page_id, code) for page_id, code, _wheel in locations)
    free = masks((listing_id, "1") for listing_id, is_free in rows if is_free)
    wheelchair = masks((page_id, "1") for page_id, _code, accessible in locations if accessible)
    flags = {"free": free.get("1", 0), "wheelchair": wheelchair.get("1", 0)}

    labels = {}
    default = None
    for name, model in (
        ("action_field", ActionField),
        ("target_group", TargetGroup),
        ("district", District),
    ):
        terms = list(model.objects.filter(locale=locale).values_list("code", "name"))
        if not terms:
            default = default or Locale.get_default()
            terms = list(model.objects.filter(locale=default).values_list("code", "name"))
        labels[name] = terms
    return Snapshot(locale, ids, position, facet_masks, flags, labels)


def snapshot(locale: Locale) -> Snapshot:
    """The current snapshot of a locale's directory (built when missing or outdated)."""
    return cached(("directory-snapshot", locale.id), lambda: _build(locale))


def connect_signals() -> None:
    """Outdate the snapshots whenever a listing's rows or a taxonomy term change (pages,
    view restrictions and locales are watched by :mod:`base.content_cache`)."""
    watch(
        ListingActionField,
        ListingTargetGroup,
        ListingLanguage,
        ListingLocation,
        OpeningHours,
        Closure,
        TaxonomyTerm,
    )
