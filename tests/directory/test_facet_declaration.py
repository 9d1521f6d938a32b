"""A facet declared once in ``directory.filters`` works everywhere: directory, search, API.

The fixture adds a throw-away facet ("has an e-mail contact", a flag over an existing field
of the listings' contact rows) to the declaration and nothing else; the tests find it in the
directory's filter panel and results, in the search page's counts, in the SQL filter and in
the HSDS API with its OpenAPI document.
"""

import html

import pytest
from django.test import Client

from directory.facets import facet_counts, filter_listings
from directory.factories import ListingContactFactory, ServicePageFactory
from directory.filters import (
    FACETS,
    ApiParam,
    DirectoryFilters,
    FilterFacet,
    Stored,
    apply_filters,
    register_facet,
    unregister_facet,
)
from directory.models import ListingContact
from directory.queries import live_listings

pytestmark = pytest.mark.django_db


@pytest.fixture
def has_email():
    """The throw-away facet, declared for one test and removed afterwards."""
    facet = FilterFacet(
        "has_email",
        "Reachable by e-mail",
        multiple=False,
        stored=Stored(ListingContact, "email"),
        api=ApiParam("has_email", "Extension: only services with an e-mail contact."),
    )
    register_facet(facet)
    yield facet
    unregister_facet(facet.code)


@pytest.fixture
def listings(organisation):
    """Three consultations: one with an e-mail contact, one with a phone only, one bare."""
    with_email = ServicePageFactory(parent=organisation, title="Sprechstunde mit Mail")
    ListingContactFactory(page=with_email, email="beratung@example.org")
    phone_only = ServicePageFactory(parent=organisation, title="Sprechstunde mit Telefon")
    ListingContactFactory(page=phone_only, email="")
    bare = ServicePageFactory(parent=organisation, title="Sprechstunde ohne Kontakt")
    return {"with_email": with_email, "phone_only": phone_only, "bare": bare}


def flag_options(facets):
    """The yes/no options of a facet list by their query parameter."""
    (flags,) = [facet for facet in facets if facet.name == "flags"]
    return {option.param: option for option in flags.options}


def test_the_directory_shows_the_new_facet_with_its_count_and_filters_by_it(
    client, directory_page, listings, has_email
):
    page = client.get(directory_page.url)
    assert page.status_code == 200
    content = page.content.decode()
    assert 'id="filter-has_email-1" name="has_email" value="1"' in content
    assert "Reachable by e-mail" in content
    assert flag_options(page.context["facets"])["has_email"].count == 1

    filtered = client.get(directory_page.url, {"has_email": "1"})
    assert [card.title for card in filtered.context["listings"]] == ["Sprechstunde mit Mail"]
    assert html.escape("Sprechstunde mit Telefon") not in filtered.content.decode()
    # The chip of the active filter names it and removes just that filter.
    assert "Reachable by e-mail" in filtered.content.decode()
    assert filtered.context["filters"].as_query_items() == [("has_email", "1")]


def test_the_new_facet_combines_with_the_declared_ones(client, directory_page, listings, has_email):
    response = client.get(directory_page.url, {"has_email": "1", "action_field": "sprache"})
    assert response.context["result_count"] == 1
    response = client.get(directory_page.url, {"has_email": "1", "language": "ar"})
    assert response.context["result_count"] == 0
    assert client.get(directory_page.url, {"has_email": "vielleicht"}).context[
        "filters"
    ].ignored == ["has_email=vielleicht"]


def test_the_search_page_counts_and_filters_by_the_new_facet(
    client, home_page, listings, has_email
):
    response = client.get("/de/suche/", {"q": "Sprechstunde"})
    assert response.status_code == 200
    assert response.context["result_count"] == 3
    assert flag_options(response.context["facets"])["has_email"].count == 1
    assert 'name="has_email"' in response.content.decode()

    narrowed = client.get("/de/suche/", {"q": "Sprechstunde", "has_email": "1"})
    assert [card.title for card in narrowed.context["listings"]] == ["Sprechstunde mit Mail"]
    # Pagination and "did you mean" links keep the filter.
    assert narrowed.context["page_query"] == "q=Sprechstunde&has_email=1"


def test_sql_and_in_memory_filters_agree_on_the_new_facet(locale_de, listings, has_email):
    filters = DirectoryFilters(has_email=True)
    in_sql = list(
        apply_filters(live_listings(locale_de), filters)
        .order_by("title", "id")
        .values_list("id", flat=True)
    )
    assert in_sql == [listings["with_email"].id]
    assert filter_listings(locale_de, filters) == in_sql
    assert flag_options(facet_counts(locale_de, DirectoryFilters()))["has_email"].count == 1


def test_the_hsds_api_filters_by_the_new_facet_and_documents_it(home_page, listings, has_email):
    api = Client()
    everything = api.get("/api/hsds/services", {"has_email": "false"}).json()
    assert everything["total_items"] == 3

    found = api.get("/api/hsds/services", {"has_email": "true"}).json()
    assert [service["name"] for service in found["contents"]] == ["Sprechstunde mit Mail"]
    sal = api.get("/api/hsds/service_at_locations", {"has_email": "1"})
    assert sal.status_code == 200

    bad = api.get("/api/hsds/services", {"has_email": "vielleicht"})
    assert bad.status_code == 400
    assert "has_email" in bad.json()["error"]

    document = api.get("/api/hsds/openapi.json").json()
    parameter = document["components"]["parameters"]["has_email"]
    assert parameter["schema"] == {"type": "boolean"}
    services = document["paths"]["/services"]["get"]["parameters"]
    assert {"$ref": "#/components/parameters/has_email"} in services


def test_a_removed_facet_is_gone_from_every_place(client, directory_page, listings, has_email):
    unregister_facet(has_email.code)
    assert "has_email" not in FACETS
    page = client.get(directory_page.url, {"has_email": "1"})
    assert page.context["result_count"] == 3
    assert 'name="has_email"' not in page.content.decode()
    assert Client().get("/api/hsds/services", {"has_email": "true"}).json()["total_items"] == 3
