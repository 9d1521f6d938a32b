"""The directory's facets, each declared once, and the filters read from a query string.

A facet is declared here with its code (the URL parameter, e.g. ``action_field``), its
label, its kind (a term facet takes codes, OR-ed; a flag is yes or no), where its values
are stored, its HSDS taxonomy and its API parameter. The SQL filter (:func:`apply_filters`),
the in-memory bit masks and counts (:mod:`directory.facets`), the filter panel and the
HSDS API (``api.queries``, ``api.openapi``) all read :data:`FACETS`; a new facet is one
more entry there (or a :func:`register_facet` call).

Filters read from a query string (``?action_field=sprache&language=ar&free=1``) are
validated into a :class:`DirectoryFilters`; unknown values are dropped and reported rather
than raising, so a stale shared link still shows a sensible page. Every value is a stable
code (action field code, ISO language code, district code), never a translated label, so
the same link works in every language.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import BooleanField, Q, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from base.content_cache import content_changed, watch
from base.languages import language_name, spoken_language_codes
from directory import hours
from directory.models import (
    ActionField,
    District,
    ListingActionField,
    ListingLanguage,
    ListingLocation,
    ListingPage,
    ListingStatus,
    ListingTargetGroup,
    TargetGroup,
)

MAX_VALUES_PER_FACET = 50
FLAG_ON = ("1", "true", "on", "yes")
FLAG_OFF = ("", "0", "false", "off", "no")


@dataclass(frozen=True)
class Stored:
    """Where a facet's values are: a field of the listing, or of one of its rows.

    ``model`` is :class:`ListingPage` or a row model whose ``page`` key leads to the listing;
    ``path`` is the field read from it (``district__code``). A flag is set where the field
    is true (a boolean) or not empty (any other field).
    """

    model: type
    path: str

    @property
    def on_listing(self) -> bool:
        """Whether the values are fields of the listing itself rather than of its rows."""
        return issubclass(ListingPage, self.model)

    def listings_where(self, condition: Q) -> Q:
        """The listings with a value (or row) matching ``condition``."""
        if self.on_listing:
            return condition
        return Q(id__in=self.model.objects.filter(condition).values("page_id"))

    def truthy(self) -> Q:
        """The condition for a flag stored here (what ``bool()`` of the value says in Python)."""
        model, field = self.model, None
        for name in self.path.split("__"):
            field = model._meta.get_field(name)
            model = field.related_model
        if isinstance(field, BooleanField):
            return Q(**{self.path: True})
        return Q(**{f"{self.path}__isnull": False}) & ~Q(**{self.path: ""})


class Taxonomy:
    """Values are the codes of a taxonomy's terms, shown in taxonomy order.

    ``icon_field`` names the terms' pictogram field (``icon`` of an action field), shown
    beside each option; ``default_icon`` stands in for a term without one.
    """

    by_count = False

    def __init__(self, model, icon_field: str = "", default_icon: str = ""):
        self.model = model
        self.icon_field = icon_field
        self.default_icon = default_icon

    def known(self) -> set[str]:
        """The codes of the taxonomy, in any language (one query)."""
        return set(self.model.objects.values_list("code", flat=True))

    def read_labels(self, locale: Locale) -> list[tuple[str, str, str]]:
        """(code, name, icon) of every term in ``locale``, else in the default locale (a
        query); the icon is empty for a taxonomy without pictograms."""
        fields = ["code", "name", self.icon_field] if self.icon_field else ["code", "name"]
        terms = list(self.model.objects.filter(locale=locale).values_list(*fields))
        if not terms:
            default = Locale.get_default()
            terms = list(self.model.objects.filter(locale=default).values_list(*fields))
        if not self.icon_field:
            return [(code, name, "") for code, name in terms]
        return [(code, name, icon or self.default_icon) for code, name, icon in terms]

    def options(self, labels) -> list[tuple[str, str, str]]:
        """(code, label, icon) of every option, from what :meth:`read_labels` read."""
        return labels


class SpokenLanguages:
    """Values are ISO codes of the spoken languages, most frequent first: the facet offers
    the languages the data contains."""

    by_count = True

    def known(self) -> set[str]:
        """The ISO codes of every language some listing names (one query), and every
        language CLDR knows: a link for a language nobody offers finds nothing rather than
        everything."""
        return self.offered() | set(spoken_language_codes())

    def offered(self) -> set[str]:
        """The ISO codes of every language some listing names (one query)."""
        return set(ListingLanguage.objects.values_list("language", flat=True).distinct())

    def read_labels(self, locale: Locale) -> list[str]:
        """The codes the listings name; their names come from CLDR in the active language."""
        return sorted(self.offered())

    def options(self, labels) -> list[tuple[str, str, str]]:
        """(code, name in the active language, no icon) of every language the listings name."""
        return sorted(
            ((code, language_name(code), "") for code in labels or ()),
            key=lambda option: option[1].casefold(),
        )


@dataclass(frozen=True)
class ApiParam:
    """A facet's query parameter in the HSDS API (documented in the OpenAPI document)."""

    name: str
    description: str
    max_length: int = 64


@dataclass(frozen=True)
class FilterFacet:
    """One facet of the directory: declared once, read by every filter, count and API.

    ``stored`` says where its values are; a flag may instead depend on the moment
    (``timed``: a condition for a local time, like "open now"). ``taxonomy`` is the slug of
    its HSDS taxonomy (``taxonomy_term_id`` and ``taxonomy_id`` filter through it).
    """

    code: str
    label: Promise | str
    multiple: bool
    stored: Stored | None = None
    vocabulary: Taxonomy | SpokenLanguages | None = None
    timed: Callable[[datetime], Q] | None = None
    taxonomy: str | None = None
    api: ApiParam | None = None

    @property
    def empty(self):
        """The selection when nothing is chosen."""
        return [] if self.multiple else False

    def q(self, value, moment: datetime | None = None) -> Q:
        """The condition a selection (codes, or True for a flag) puts on listings."""
        if not value:
            return Q()
        if self.timed is not None:
            return self.timed(moment or hours.local_now())
        if self.multiple:
            return self.stored.listings_where(Q(**{f"{self.stored.path}__in": list(value)}))
        return self.stored.listings_where(self.stored.truthy())

    def any_q(self) -> Q:
        """Listings with any value of this facet."""
        return self.stored.listings_where(Q(**{f"{self.stored.path}__isnull": False}))

    def parse(self, values: list[str]) -> tuple[object, list[str]]:
        """(the selection, the values left out) from the raw values of the parameter."""
        if self.multiple:
            raw = [v.strip() for v in values if v and v.strip()][:MAX_VALUES_PER_FACET]
            if not raw:
                return [], []
            allowed = self.vocabulary.known()
            selected, left_out = [], []
            for value in dict.fromkeys(raw):
                if value in allowed:
                    selected.append(value)
                else:
                    left_out.append(f"{self.code}={value[:50]}")
            return selected, left_out
        value = values[-1] if values else ""
        if value in FLAG_ON:
            return True, []
        if value in FLAG_OFF:
            return False, []
        return False, [f"{self.code}={value[:50]}"]


def _open_now(moment: datetime) -> Q:
    """Active listings open at ``moment`` by their weekly hours and not closed that day
    (by a closure, or for everyone on a public holiday)."""
    day = moment.date()
    open_ids = ListingPage.objects.filter(
        hours.open_now_q(
            moment,
            today_closed=hours.is_public_holiday(day),
            yesterday_closed=hours.is_public_holiday(day - timedelta(days=1)),
        )
    ).values("id")
    closed_ids = ListingPage.objects.filter(hours.closed_on_q(moment.date())).values("id")
    return Q(id__in=open_ids, status=ListingStatus.ACTIVE) & ~Q(id__in=closed_ids)


# In the order of the filter panel and of the parameters in links.
FACETS: dict[str, FilterFacet] = {
    facet.code: facet
    for facet in (
        FilterFacet(
            "action_field",
            _("Action field"),
            multiple=True,
            stored=Stored(ListingActionField, "action_field__code"),
            vocabulary=Taxonomy(ActionField, "icon", ActionField.DEFAULT_ICON),
            taxonomy="action-fields",
            api=ApiParam(
                "action_field",
                "Extension: an action field code (the `code` of a term of the "
                "taxonomy `action-fields`); repeat for OR. An unknown code is a 400.",
            ),
        ),
        FilterFacet(
            "target_group",
            _("Target group"),
            multiple=True,
            stored=Stored(ListingTargetGroup, "target_group__code"),
            vocabulary=Taxonomy(TargetGroup),
            taxonomy="target-groups",
        ),
        FilterFacet(
            "district",
            _("District"),
            multiple=True,
            stored=Stored(ListingLocation, "district__code"),
            vocabulary=Taxonomy(District),
            taxonomy="districts",
        ),
        FilterFacet(
            "language",
            _("Language spoken"),
            multiple=True,
            stored=Stored(ListingLanguage, "language"),
            vocabulary=SpokenLanguages(),
            api=ApiParam(
                "language",
                "Extension: ISO 639 code of a language spoken by staff; repeat for OR.",
                max_length=12,
            ),
        ),
        FilterFacet(
            "free", _("Free of charge"), multiple=False, stored=Stored(ListingPage, "is_free")
        ),
        FilterFacet(
            "wheelchair",
            _("Wheelchair accessible"),
            multiple=False,
            stored=Stored(ListingLocation, "wheelchair_accessible"),
        ),
        FilterFacet("open_now", _("Open now"), multiple=False, timed=_open_now),
    )
}
OPEN_NOW = "open_now"


def register_facet(facet: FilterFacet) -> None:
    """Add a facet (after the declared ones); the directory's snapshots are rebuilt."""
    FACETS[facet.code] = facet
    if facet.stored is not None and not facet.stored.on_listing:
        watch(facet.stored.model)
    content_changed()


def unregister_facet(code: str) -> None:
    """Remove a facet added with :func:`register_facet`."""
    FACETS.pop(code, None)
    content_changed()


def facet_for_taxonomy(slug: str) -> FilterFacet:
    """The facet filtering by the terms of an HSDS taxonomy."""
    return next(facet for facet in FACETS.values() if facet.taxonomy == slug)


def api_facets() -> list[FilterFacet]:
    """The facets the HSDS API filters by, in declaration order."""
    return [facet for facet in FACETS.values() if facet.api is not None]


class DirectoryFilters:
    """A validated selection per facet. Within a facet values are OR-ed, across AND-ed.

    ``DirectoryFilters(action_field=["sprache"], free=True)``; every declared facet reads as
    an attribute (``filters.language``: ``[]`` or ``False`` when not selected).
    """

    def __init__(self, ignored: Iterable[str] = (), **selected):
        unknown = set(selected) - set(FACETS)
        if unknown:
            raise TypeError(f"unknown facet: {', '.join(sorted(unknown))}")
        self.selected = {code: value for code, value in selected.items() if value}
        self.ignored = list(ignored)

    def __getattr__(self, name):
        facet = FACETS.get(name)
        if facet is None or name.startswith("_"):
            raise AttributeError(name)
        return self.__dict__.get("selected", {}).get(name, facet.empty)

    def __eq__(self, other):
        if not isinstance(other, DirectoryFilters):
            return NotImplemented
        return (self.selected, self.ignored) == (other.selected, other.ignored)

    def __repr__(self):
        return f"DirectoryFilters({self.selected!r}, ignored={self.ignored!r})"

    @property
    def active(self) -> bool:
        return any(code in FACETS for code in self.selected)

    def as_query_items(self) -> list[tuple[str, str]]:
        """The filters as (name, value) pairs for building links, in declaration order."""
        items = []
        for code, facet in FACETS.items():
            value = self.selected.get(code)
            if not value:
                continue
            items += [(code, v) for v in value] if facet.multiple else [(code, "1")]
        return items


def parse_filters(params) -> DirectoryFilters:
    """Validate filters from a QueryDict-like object; unknown values are kept in ``ignored``."""
    selected, ignored = {}, []
    for code, facet in FACETS.items():
        values = params.getlist(code) if facet.multiple else [params.get(code, "")]
        value, left_out = facet.parse(values)
        selected[code] = value
        ignored += left_out
    return DirectoryFilters(ignored, **selected)


def facet_q(code: str, filters: DirectoryFilters, moment: datetime | None = None) -> Q:
    """The condition one facet of ``filters`` puts on listings (empty Q when unset)."""
    return FACETS[code].q(getattr(filters, code), moment)


def apply_filters(
    qs: QuerySet, filters: DirectoryFilters, moment: datetime | None = None, skip: str = ""
) -> QuerySet:
    """Narrow a listing queryset by every facet of ``filters`` except ``skip``."""
    condition = Q()
    for code in FACETS:
        if code != skip:
            condition &= facet_q(code, filters, moment)
    return qs.filter(condition)
