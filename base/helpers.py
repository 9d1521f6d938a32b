"""Small helpers every app uses: phone links and distances on the earth's surface."""

import math

from django.conf import settings

EARTH_RADIUS_KM = 6371.0


def tel_href(number: str) -> str:
    """Turn a printed phone number into a tel: URI (keeps digits and a leading +)."""
    digits = "".join(ch for ch in number if ch.isdigit())
    if number.strip().startswith("+"):
        return f"tel:+{digits}"
    if digits.startswith("0") and not digits.startswith("00"):
        return f"tel:+{settings.WEGWEISER_PHONE_COUNTRY_CODE}{digits[1:]}"
    return f"tel:{digits}"


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points given in degrees."""
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return EARTH_RADIUS_KM * 2 * math.asin(min(1.0, math.sqrt(a)))
