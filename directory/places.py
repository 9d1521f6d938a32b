"""Places a visitor can name instead of coordinates: "39104" or "Stadtfeld Ost".

The places come from the listings' own addresses: every postcode and every district that a
live listing's location has, each at the centroid (the mean) of the coordinates of the
locations there. A district is found by its code or by its name in any language. No
geocoding service is asked, so nothing the visitor types leaves the site.
"""

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from base.content_cache import cached
from directory.labels import labels_for
from directory.models import District, ListingLocation

# Longer input names no place; it is cut before it is looked at or echoed.
MAX_PLACE_LENGTH = 100
POSTCODE = re.compile(r"\b(\d{5})\b")


@dataclass(frozen=True)
class Place:
    """A postcode or a district with the centroid of the listings' coordinates there."""

    postcode: str
    district_key: str
    district_name: str
    latitude: float
    longitude: float

    def label(self, language_code: str | None = None) -> str:
        """The postcode, or the district's name in the active language."""
        if self.postcode:
            return self.postcode
        labels = labels_for(District, language_code)
        return labels.get(self.district_key, self.district_name)


@dataclass(frozen=True)
class Places:
    """Every place a visitor can name, by postcode and by normalised district name or code."""

    postcodes: dict[str, Place]
    districts: dict[str, Place]  # district translation key → place
    names: dict[str, str]  # normalised code or name in any language → translation key


def normalise(text: str) -> str:
    """Text compared case-, width- and spacing-insensitively (hyphens count as spaces)."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("-", " ")
    return " ".join(text.split())


def _centroid(points: list[tuple[float, float]]) -> tuple[float, float]:
    return (
        sum(lat for lat, _lon in points) / len(points),
        sum(lon for _lat, lon in points) / len(points),
    )


def _build() -> Places:
    by_postcode: dict[str, list] = defaultdict(list)
    by_district: dict[str, list] = defaultdict(list)
    rows = ListingLocation.objects.filter(
        page__live=True, latitude__isnull=False, longitude__isnull=False
    ).values_list("postcode", "district__translation_key", "latitude", "longitude")
    for postcode, district_key, latitude, longitude in rows:
        point = (float(latitude), float(longitude))
        postcode = "".join(postcode.split())
        if postcode:
            by_postcode[postcode].append(point)
        if district_key:
            by_district[str(district_key)].append(point)
    own_names, names = {}, {}
    for key, code, name in District.objects.values_list("translation_key", "code", "name"):
        key = str(key)
        if key in by_district:
            names[normalise(code)] = key
            names[normalise(name)] = key
            own_names.setdefault(key, name)
    postcodes = {
        postcode: Place(postcode, "", "", *_centroid(points))
        for postcode, points in by_postcode.items()
    }
    districts = {
        key: Place("", key, own_names.get(key, ""), *_centroid(points))
        for key, points in by_district.items()
        if key in own_names
    }
    return Places(postcodes, districts, names)


def known_places() -> Places:
    """The places of the current content (two queries, kept until the content changes)."""
    return cached(("directory-places",), _build)


def find_place(text: str) -> Place | None:
    """The place a visitor named (a postcode, or a district's code or name), or None."""
    text = text[:MAX_PLACE_LENGTH]
    places = known_places()
    key = places.names.get(normalise(text))
    if key is not None:
        return places.districts.get(key)
    postcode = POSTCODE.search(text)
    if postcode is not None:
        return places.postcodes.get(postcode.group(1))
    return None


def place_suggestions(language_code: str | None = None) -> list[str]:
    """What a visitor can type: the districts' names in the language, then the postcodes."""
    places = known_places()
    districts = sorted(place.label(language_code) for place in places.districts.values())
    return [*districts, *sorted(places.postcodes)]
