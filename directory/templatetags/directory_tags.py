"""Template tags for the directory: facet inputs, filter chips, pagination and languages."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django import template
from django.conf import settings

from base.csp import map_tile_origin
from base.helpers import tel_href as _tel_href
from base.languages import language_autonym, language_is_rtl
from directory import hours

register = template.Library()


@dataclass
class FacetInput:
    """One checkbox of the filter form: its query parameter, value, element id and option."""

    param: str
    value: str
    id: str
    option: object


@register.filter
def facet_inputs(facet):
    """The checkboxes of a facet with their real query parameter names.

    The "flags" facet bundles the yes/no filters; each is its own parameter (``free=1``).
    """
    return [
        FacetInput(option.param, option.value, f"filter-{option.param}-{option.value}", option)
        for option in facet.options
    ]


@register.filter
def selected_count(facet):
    """How many options of a facet are selected."""
    return sum(1 for option in facet.options if option.selected)


@register.simple_tag
def filter_chips(facets, filters, keep=()):
    """The selected filters, each with the query string that removes just that one.

    Returns dicts with ``group`` (the facet label), ``label`` and ``query``; ``keep`` lists
    (name, value) pairs every query keeps first (the search text, the position).
    """
    keep = [(name, value) for name, value in keep if value]
    items = filters.as_query_items()
    chips = []
    for facet in facets:
        for field in facet_inputs(facet):
            if not field.option.selected:
                continue
            remaining = [item for item in items if item != (field.param, field.value)]
            chips.append(
                {
                    "group": facet.label,
                    "label": field.option.label,
                    "query": urlencode([*keep, *remaining]),
                }
            )
    return chips


@register.simple_tag
def page_links(page_obj):
    """Page numbers around the current one, with ``None`` for a gap (1 … 4 5 6 … 20)."""
    paginator = page_obj.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1)
    ]


@register.filter
def autonym(code):
    """A spoken language's name in its own script."""
    return language_autonym(code)


@register.filter
def text_dir(code):
    """ "rtl" for languages written right to left, else "ltr"."""
    return "rtl" if language_is_rtl(code) else "ltr"


@register.simple_tag
def today_weekday():
    """Today's weekday in the site's time zone (0 = Monday), to mark today in hours tables."""
    return hours.local_now().weekday()


@register.filter
def tel_href(number):
    """A printed phone number as a ``tel:`` link target (for models without ``phone_href``)."""
    return _tel_href(number or "")


@register.simple_tag
def listing_locations(page):
    """A listing's places with their districts in one query (the page lists each district)."""
    return page.locations.select_related("district")


@register.simple_tag
def map_tiles():
    """The tile server for maps (``MAP_TILE_URL``, ``MAP_TILE_ATTRIBUTION``), or None: then
    no map is shown and nothing is loaded from another site."""
    if not map_tile_origin():
        return None
    return {"url": settings.MAP_TILE_URL.strip(), "attribution": settings.MAP_TILE_ATTRIBUTION}
