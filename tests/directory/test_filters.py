"""The directory's filters, facet counts and pagination, through the public directory URL.

The catalogue of listings is built once for the module on ``module_site`` (see conftest) and
rolled back with it; each test runs in its own savepoint on top.
"""

import datetime
import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone
from wagtail.models import Locale

from directory.facets import facet_counts, filter_listings
from directory.factories import (
    ClosureFactory,
    DistrictFactory,
    ListingLocationFactory,
    OpeningHoursFactory,
    OrganisationPageFactory,
    ProjectPageFactory,
    ServicePageFactory,
    TargetGroupFactory,
)
from directory.filters import DirectoryFilters, apply_filters
from directory.models import ListingStatus, Weekday
from directory.models.index import MAX_PAGE_NUMBER, PAGE_SIZE
from directory.queries import in_directory_order, live_listings

pytestmark = pytest.mark.django_db

ALWAYS_OPEN = (datetime.time(0, 0), datetime.time(23, 59, 59, 999999))
# The flag facet's options come in this order (see directory.queries.facet_counts).
FLAG_NAMES = ("free", "wheelchair", "open_now")


def open_all_week(listing):
    for day in Weekday:
        OpeningHoursFactory(page=listing, weekday=day, opens=ALWAYS_OPEN[0], closes=ALWAYS_OPEN[1])


def build_catalogue(directory_page, organisation, locale_en):
    """Six live German listings with distinct facets, and three that must never be listed."""
    other_org = OrganisationPageFactory(parent=directory_page, title="Internationaler Bund")
    altstadt = DistrictFactory(code="altstadt", name="Altstadt")
    sudenburg = DistrictFactory(code="sudenburg", name="Sudenburg")
    TargetGroupFactory(code="frauen", name="Frauen")
    TargetGroupFactory(code="jugendliche", name="Jugendliche")

    listings = {
        "deutschkurs": ServicePageFactory(
            parent=organisation,
            title="Deutschkurs am Abend",
            action_fields=["sprache"],
            target_groups=["frauen"],
            languages=["ar"],
        ),
        "jobberatung": ServicePageFactory(
            parent=other_org,
            title="Jobberatung für Geflüchtete",
            action_fields=["arbeit-ausbildung"],
            target_groups=["jugendliche"],
            languages=["fa", "ar"],
            is_free=False,
            cost_details="5 € pro Termin",
        ),
        "jugendtreff": ServicePageFactory(
            parent=other_org,
            title="Jugendtreff International",
            action_fields=["jugend-soziales"],
            target_groups=["jugendliche"],
            languages=["uk"],
        ),
        "frauencafe": ServicePageFactory(
            parent=organisation,
            title="Frauencafé Sudenburg",
            action_fields=["frauen-maedchen", "sprache"],
            target_groups=["frauen"],
            languages=["ar", "ru"],
        ),
        "sprachpaten": ProjectPageFactory(
            parent=organisation,
            title="Sprachpaten-Projekt",
            action_fields=["sprache"],
            languages=["de"],
            is_free=False,
        ),
        "elterncafe": ServicePageFactory(
            parent=other_org,
            title="Elterncafé Schule",
            action_fields=["schule-bildung"],
            languages=["ar"],
        ),
    }
    ListingLocationFactory(
        page=listings["deutschkurs"], district=altstadt, wheelchair_accessible=True
    )
    ListingLocationFactory(page=listings["jobberatung"], district=sudenburg)
    ListingLocationFactory(page=listings["jugendtreff"], district=altstadt)
    ListingLocationFactory(
        page=listings["frauencafe"], district=sudenburg, wheelchair_accessible=True
    )
    ListingLocationFactory(page=listings["elterncafe"], district=sudenburg)
    # Open around the clock, so "open now" does not depend on when the test runs; the café
    # has the same hours but a closure around today.
    open_all_week(listings["jugendtreff"])
    open_all_week(listings["frauencafe"])
    today = timezone.localdate()
    ClosureFactory(
        page=listings["frauencafe"],
        start_date=today - datetime.timedelta(days=1),
        end_date=today + datetime.timedelta(days=1),
        reason="Renovierung",
    )

    hidden = {
        "ended": ServicePageFactory(
            parent=organisation,
            title="Beendeter Sprachkurs",
            languages=["ar"],
            status=ListingStatus.ENDED,
        ),
        "draft": ServicePageFactory(
            parent=organisation,
            title="Entwurf Sprachcafé",
            languages=["ar"],
            live=False,
        ),
    }
    english = listings["deutschkurs"].copy_for_translation(locale_en, copy_parents=True)
    english.title = "German course in the evening"
    english.save_revision().publish()
    hidden["english"] = english
    return {**listings, **{f"hidden_{key}": page for key, page in hidden.items()}}


@pytest.fixture(scope="module")
def catalogue(module_site, django_db_blocker):
    """The listings above, built once for the module (its tests only read them)."""
    with django_db_blocker.unblock():
        locale_en = Locale.objects.get_or_create(language_code="en")[0]
        return build_catalogue(module_site.directory, module_site.organisation, locale_en)


@pytest.fixture
def directory_page(module_site):
    return module_site.directory


@pytest.fixture
def organisation(module_site):
    return module_site.organisation


def get_directory(client, directory_page, query=""):
    response = client.get(f"{directory_page.url}{'?' if query else ''}{query}")
    assert response.status_code == 200, response.content[:500]
    return response


def listed_titles(response):
    return {listing.title for listing in response.context["listings"]}


def titles(catalogue, *keys):
    return {catalogue[key].title for key in keys}


def assert_listed_exactly(response, catalogue, *keys):
    """The context lists exactly ``keys``, and the HTML shows them and no other listing."""
    expected = titles(catalogue, *keys)
    assert listed_titles(response) == expected
    assert response.context["result_count"] == len(expected)
    page = response.content.decode()
    for key, listing in catalogue.items():
        if key in keys:
            assert html.escape(listing.title) in page, f"{listing.title} missing from the page"
        else:
            assert html.escape(listing.title) not in page, f"{listing.title} shown by mistake"


def counts(facets):
    """Facets as {facet name: {value: count}}, the flag facet split into its three flags."""
    result = {}
    for facet in facets:
        if facet.name == "flags":
            for name, option in zip(FLAG_NAMES, facet.options, strict=True):
                result[name] = option.count
        else:
            result[facet.name] = {option.value: option.count for option in facet.options}
    return result


ALL_LIVE = ("deutschkurs", "jobberatung", "jugendtreff", "frauencafe", "sprachpaten", "elterncafe")


def test_directory_without_filters_lists_every_live_listing_of_the_language(
    client, directory_page, catalogue
):
    response = get_directory(client, directory_page)
    assert_listed_exactly(response, catalogue, *ALL_LIVE)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("action_field=sprache", ("deutschkurs", "frauencafe", "sprachpaten")),
        ("target_group=jugendliche", ("jobberatung", "jugendtreff")),
        ("language=ar", ("deutschkurs", "jobberatung", "frauencafe", "elterncafe")),
        ("district=altstadt", ("deutschkurs", "jugendtreff")),
        ("free=1", ("deutschkurs", "jugendtreff", "frauencafe", "elterncafe")),
        ("wheelchair=1", ("deutschkurs", "frauencafe")),
        ("open_now=1", ("jugendtreff",)),
    ],
)
def test_each_filter_alone_lists_exactly_the_matching_listings(
    client, directory_page, catalogue, query, expected
):
    response = get_directory(client, directory_page, query)
    assert_listed_exactly(response, catalogue, *expected)


def test_two_action_fields_list_listings_of_either_field(client, directory_page, catalogue):
    response = get_directory(
        client, directory_page, "action_field=sprache&action_field=arbeit-ausbildung"
    )
    assert_listed_exactly(
        response, catalogue, "deutschkurs", "frauencafe", "sprachpaten", "jobberatung"
    )


def test_action_field_and_language_list_listings_matching_both(client, directory_page, catalogue):
    response = get_directory(client, directory_page, "action_field=sprache&language=ar")
    assert_listed_exactly(response, catalogue, "deutschkurs", "frauencafe")


def test_free_wheelchair_and_language_together_narrow_to_listings_matching_all(
    client, directory_page, catalogue
):
    response = get_directory(client, directory_page, "free=1&wheelchair=1&language=ar")
    assert_listed_exactly(response, catalogue, "deutschkurs", "frauencafe")


def test_filters_combine_with_two_languages_as_either(client, directory_page, catalogue):
    response = get_directory(client, directory_page, "language=uk&language=ru&free=1")
    assert_listed_exactly(response, catalogue, "jugendtreff", "frauencafe")


def test_directory_facet_counts_count_each_facet_given_the_other_filters(
    client, directory_page, catalogue
):
    response = get_directory(client, directory_page, "action_field=sprache")
    facets = counts(response.context["facets"])

    # The action field facet ignores its own selection, so other fields stay choosable.
    assert facets["action_field"] == {
        "sprache": 3,
        "arbeit-ausbildung": 1,
        "jugend-soziales": 1,
        "frauen-maedchen": 1,
        "schule-bildung": 1,
    }
    assert facets["language"] == {"ar": 2, "ru": 1, "de": 1}
    assert facets["district"] == {"altstadt": 1, "sudenburg": 1}
    assert facets["target_group"] == {"frauen": 2}
    assert (facets["free"], facets["wheelchair"], facets["open_now"]) == (2, 2, 0)


def test_selected_facet_options_are_marked_selected(client, directory_page, catalogue):
    response = get_directory(client, directory_page, "action_field=sprache&free=1")
    facets = {facet.name: facet for facet in response.context["facets"]}
    selected = {o.value for o in facets["action_field"].options if o.selected}
    assert selected == {"sprache"}
    flags = dict(zip(FLAG_NAMES, facets["flags"].options, strict=True))
    assert flags["free"].selected
    assert not flags["wheelchair"].selected


def test_facet_counts_function_counts_given_the_other_filters(catalogue, locale_de):
    filters = DirectoryFilters(language=["ar"], free=True)
    facets = counts(facet_counts(locale_de, filters))

    # Languages among free listings; "free" among Arabic-speaking listings.
    assert facets["language"] == {"ar": 3, "uk": 1, "ru": 1}
    assert facets["free"] == 3
    assert facets["action_field"] == {"sprache": 2, "frauen-maedchen": 1, "schule-bildung": 1}
    assert facets["district"] == {"altstadt": 1, "sudenburg": 2}
    assert facets["wheelchair"] == 2


def test_facet_counts_never_count_ended_unpublished_or_other_language_listings(
    catalogue, locale_de
):
    facets = counts(facet_counts(locale_de, DirectoryFilters()))
    assert facets["action_field"]["sprache"] == 3
    assert facets["language"]["ar"] == 4


FILTER_COMBINATIONS = [
    DirectoryFilters(),
    DirectoryFilters(action_field=["sprache"]),
    DirectoryFilters(action_field=["sprache", "schule-bildung"], free=True),
    DirectoryFilters(target_group=["frauen", "jugendliche"], district=["altstadt"]),
    DirectoryFilters(language=["ar"], wheelchair=True),
    DirectoryFilters(language=["fa", "uk"], district=["sudenburg", "altstadt"]),
    DirectoryFilters(open_now=True),
    DirectoryFilters(open_now=True, language=["uk"], free=True),
    DirectoryFilters(action_field=["frauen-maedchen"], target_group=["frauen"], wheelchair=True),
    DirectoryFilters(language=["ti"]),
    DirectoryFilters(district=["sudenburg"], free=True, wheelchair=True, open_now=True),
]


@pytest.mark.parametrize("filters", FILTER_COMBINATIONS)
def test_in_memory_filters_select_what_the_sql_filters_select(catalogue, locale_de, filters):
    """The pages filter in memory, the API in SQL: both must agree, in the directory's order."""
    expected = list(
        in_directory_order(apply_filters(live_listings(locale_de), filters)).values_list(
            "id", flat=True
        )
    )
    assert filter_listings(locale_de, filters) == expected
    candidates = list(reversed(expected)) + [catalogue["hidden_ended"].id]
    assert filter_listings(locale_de, filters, candidates) == list(reversed(expected))


def test_a_published_change_reaches_the_directory_at_once(client, directory_page, catalogue):
    before = counts(get_directory(client, directory_page).context["facets"])
    listing = catalogue["elterncafe"]
    listing.is_free = False
    listing.save_revision().publish()

    after = get_directory(client, directory_page, "free=1")
    assert titles(catalogue, "elterncafe") & listed_titles(after) == set()
    assert counts(after.context["facets"])["free"] == before["free"] - 1

    listing.unpublish()
    response = get_directory(client, directory_page)
    assert listing.title not in listed_titles(response)


def test_unknown_filter_values_are_ignored_and_reported(client, directory_page, catalogue):
    response = get_directory(
        client,
        directory_page,
        "action_field=gibt-es-nicht&action_field=sprache&language=xx&district=mond&free=vielleicht",
    )
    assert_listed_exactly(response, catalogue, "deutschkurs", "frauencafe", "sprachpaten")
    ignored = response.context["filters"].ignored
    assert set(ignored) == {
        "action_field=gibt-es-nicht",
        "language=xx",
        "district=mond",
        "free=vielleicht",
    }


BAD_PAGE_NUMBERS = ["0", "-1", "abc", "1.5", str(MAX_PAGE_NUMBER + 1), "1000000000"]


@pytest.mark.parametrize("number", BAD_PAGE_NUMBERS)
def test_invalid_page_numbers_are_a_bad_request_with_a_message(client, directory_page, number):
    response = client.get(directory_page.url, {"page": number})
    assert response.status_code == 400
    assert str(MAX_PAGE_NUMBER) in response.content.decode()


def test_ended_unpublished_and_other_language_listings_never_appear(
    client, directory_page, catalogue
):
    for query in ("", "language=ar", "action_field=sprache", "free=1", "district=altstadt"):
        page = get_directory(client, directory_page, query)
        assert not listed_titles(page) & titles(
            catalogue, "hidden_ended", "hidden_draft", "hidden_english"
        )
        for key in ("hidden_ended", "hidden_draft", "hidden_english"):
            assert catalogue[key].title not in page.content.decode()


def test_the_english_directory_lists_only_the_english_listing(client, catalogue, locale_en):
    directory_en = catalogue["hidden_english"].get_parent().get_parent().specific
    assert directory_en.locale == locale_en
    response = client.get(directory_en.url)
    assert response.status_code == 200
    assert listed_titles(response) == {"German course in the evening"}


@pytest.fixture
def many_tigrinya_listings(organisation):
    """Twenty-five listings in Tigrinya (titles sort by number) and two in Turkish."""
    tigrinya = [
        ServicePageFactory(parent=organisation, title=f"Kurs {n:02d}", languages=["ti"])
        for n in range(1, 26)
    ]
    for n in (1, 2):
        ServicePageFactory(parent=organisation, title=f"Anderer Kurs {n}", languages=["tr"])
    return tigrinya


def page_links(response, number):
    """Query strings of the links on a page that lead to result page ``number``."""
    hrefs = [html.unescape(h) for h in re.findall(r'href="([^"]*)"', response.content.decode())]
    queries = [parse_qs(urlsplit(href).query) for href in hrefs]
    return [query for query in queries if query.get("page") == [str(number)]]


def test_pagination_shows_twenty_listings_a_page_and_keeps_the_filters(
    client, directory_page, many_tigrinya_listings
):
    first = get_directory(client, directory_page, "language=ti")
    assert first.context["result_count"] == 25
    assert len(first.context["listings"]) == PAGE_SIZE
    assert "Kurs 01" in first.content.decode()
    assert "Kurs 21" not in first.content.decode()

    links = page_links(first, 2)
    assert links, "no link to page 2"
    assert all(query.get("language") == ["ti"] for query in links)

    second = get_directory(client, directory_page, "language=ti&page=2")
    assert listed_titles(second) == {f"Kurs {n}" for n in range(21, 26)}
    assert "Kurs 21" in second.content.decode()
    assert "Kurs 01" not in second.content.decode()
    assert "Anderer Kurs" not in second.content.decode()


def test_a_page_number_past_the_end_shows_the_last_page(
    client, directory_page, many_tigrinya_listings
):
    for number in (3, MAX_PAGE_NUMBER):
        response = get_directory(client, directory_page, f"language=ti&page={number}")
        assert response.context["page_obj"].number == 2
        assert listed_titles(response) == {f"Kurs {n}" for n in range(21, 26)}
