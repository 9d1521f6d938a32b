"""The HSDS 3.0 API: shapes against the official schemas, parameters, errors, CORS, queries."""

import datetime
import json
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from api import hsds, schemas
from directory.models import ListingPage
from tests.api.conftest import schema_dir

PAGE_FIELDS = {
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
    "contents",
}


@pytest.fixture
def directory_content(shared_content, db):
    """The module's shared directory (built once; each test runs in its own savepoint)."""
    return shared_content


def ids_of(response):
    return [item["id"] for item in response.json()["contents"]]


@pytest.mark.django_db
class TestShapes:
    def test_root_says_hsds_version_3_0_and_where_the_openapi_document_is(self, api):
        for path in ("", "?lang=de"):
            data = api.client.get(f"/api/hsds/{path}").json()
            assert data["version"] == "3.0"
            assert data["openapi_url"].endswith("/api/hsds/openapi.json")

    def test_every_list_and_detail_response_matches_the_official_schemas(
        self, api, directory_content, hsds_schema
    ):
        lists = {
            "services": "service_list",
            "organizations": "organization_list",
            "service_at_locations": "service_at_location_list",
            "taxonomies": "taxonomy",
            "taxonomy_terms": "taxonomy_term",
        }
        for path, schema in lists.items():
            data = api.get(path).json()
            assert set(data) == PAGE_FIELDS
            assert data["contents"], path
            for item in data["contents"]:
                hsds_schema(item, schema)
        for item in api.get("services", full="true").json()["contents"]:
            hsds_schema(item, "service")
        for item in api.get("service_at_locations", full="true").json()["contents"]:
            hsds_schema(item, "service_at_location")
        for item in api.get("organizations", full="true").json()["contents"]:
            hsds_schema(item, "organization")
        details = {
            "services": "service",
            "organizations": "organization",
            "service_at_locations": "service_at_location",
            "taxonomies": "taxonomy",
            "taxonomy_terms": "taxonomy_term",
        }
        for path, schema in details.items():
            for item_id in ids_of(api.get(path, per_page=100)):
                response = api.get(f"{path}/{item_id}")
                assert response.status_code == 200, (path, item_id)
                hsds_schema(response.json(), schema)

    def test_a_service_carries_organisation_rows_attributes_and_dates(self, api, directory_content):
        listing = directory_content.course
        data = api.get(f"services/{listing.external_id}").json()
        assert data["organization"]["id"] == str(directory_content.caritas.translation_key)
        assert data["assured_date"] == listing.last_reviewed.isoformat()
        assert data["last_modified"]
        assert [lang["code"] for lang in data["languages"]] == ["ar", "fa"]
        assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in data["schedules"]] == [
            ("MO", "09:00", "12:00"),
            ("TH", "14:00", "18:00"),
        ]
        assert data["contacts"][0]["phones"][0]["number"] == "0391 540 1234"
        assert data["cost_options"][0]["amount"] == 0
        terms = {
            (a["taxonomy_term"]["taxonomy"], a["taxonomy_term"]["code"]) for a in data["attributes"]
        }
        assert terms == {("action-fields", "sprache"), ("target-groups", "frauen")}
        location = data["service_at_locations"][0]["location"]
        assert location["latitude"] == 52.1316
        assert location["addresses"][0]["postal_code"] == "39104"

    def test_list_routes_answer_with_and_without_trailing_slash(self, api, directory_content):
        for path in (
            "services",
            "organizations",
            "service_at_locations",
            "taxonomies",
            "taxonomy_terms",
        ):
            assert api.get(path).status_code == 200
            assert api.get(path + "/").status_code == 200
        service_id = directory_content.course.external_id
        assert api.get(f"services/{service_id}").status_code == 200
        assert api.get(f"services/{service_id}/").status_code == 200

    def test_minimal_gives_only_id_name_status_and_last_modified(self, api, directory_content):
        for item in api.get("services", minimal="true").json()["contents"]:
            assert set(item) <= {"id", "name", "status", "last_modified"}

    def test_only_live_listings_are_served(self, api, directory_content):
        ids = ids_of(api.get("services"))
        assert str(directory_content.draft.external_id) not in ids
        assert api.get(f"services/{directory_content.draft.external_id}").status_code == 404
        assert len(ids) == 3


@pytest.mark.django_db
class TestPagination:
    def test_the_page_wrapper_counts_pages(self, api, directory_content):
        first = api.get("services", per_page=2).json()
        assert first["total_items"] == 3
        assert first["total_pages"] == 2
        assert (first["page_number"], first["size"], first["first_page"], first["last_page"]) == (
            1,
            2,
            True,
            False,
        )
        second = api.get("services", per_page=2, page=2).json()
        assert (second["size"], second["first_page"], second["last_page"]) == (1, False, True)
        beyond = api.get("services", per_page=2, page=5).json()
        assert beyond["empty"] is True and beyond["contents"] == []

    def test_ndjson_streams_every_result_one_a_line(self, api, directory_content):
        response = api.get("services", format="ndjson", per_page=1)
        assert response["Content-Type"].startswith("application/x-ndjson")
        lines = b"".join(response.streaming_content).decode().splitlines()
        assert len(lines) == 3
        assert {json.loads(line)["id"] for line in lines} == {
            str(listing.external_id) for listing in directory_content.listings
        }

    def test_query_count_does_not_grow_with_per_page(self, api, directory_content):
        counts = {}
        api.get("services", per_page=1, full="true")  # warms the site root path cache
        for per_page in (1, 3):
            with CaptureQueriesContext(connection) as context:
                api.get("services", per_page=per_page, full="true")
            counts[per_page] = len(context.captured_queries)
        assert counts[1] == counts[3]

    def test_organisations_with_nested_services_use_a_fixed_number_of_queries(
        self, api, directory_content
    ):
        counts = {}
        api.get("organizations", per_page=1, full="true")
        for per_page in (1, 3):
            with CaptureQueriesContext(connection) as context:
                data = api.get("organizations", per_page=per_page, full="true").json()
            counts[per_page] = len(context.captured_queries)
        # A prefetch only runs when there is something to fetch: the first organisation's
        # listing has no target groups, so its page may need one query less.
        assert counts[3] - counts[1] <= 1
        nested = {org["name"]: len(org["services"]) for org in data["contents"]}
        assert nested["AWO Magdeburg"] == 1 and nested["Caritas Beratungszentrum"] == 2


@pytest.mark.django_db
class TestParameters:
    def test_search_goes_through_the_search_layer_in_relevance_order(self, api, directory_content):
        ids = ids_of(api.get("services", search="Deutschkurs"))
        assert ids[0] == str(directory_content.course.external_id)
        assert str(directory_content.project.external_id) not in ids

    def test_action_field_filter_is_repeatable(self, api, directory_content):
        ids = ids_of(api.get("services", action_field=["sprache", "interkulturelle-arbeit"]))
        assert set(ids) == {
            str(directory_content.course.external_id),
            str(directory_content.project.external_id),
        }

    def test_language_filter_uses_iso_codes(self, api, directory_content):
        assert ids_of(api.get("services", language="uk")) == [
            str(directory_content.advice.external_id)
        ]

    def test_taxonomy_term_and_taxonomy_filters(self, api, directory_content):
        term = hsds.term_id("target-groups", "frauen")
        assert ids_of(api.get("services", taxonomy_term_id=term)) == [
            str(directory_content.course.external_id)
        ]
        taxonomy = hsds.taxonomy_id("target-groups")
        assert len(ids_of(api.get("services", taxonomy_id=taxonomy))) == 1
        terms = api.get("taxonomy_terms", taxonomy_id=hsds.taxonomy_id("action-fields")).json()
        assert terms["total_items"] == 11
        assert {t["taxonomy"] for t in terms["contents"]} == {"action-fields"}

    def test_organization_filter(self, api, directory_content):
        ids = ids_of(api.get("services", organization_id=directory_content.awo.translation_key))
        assert ids == [str(directory_content.project.external_id)]

    def test_modified_after(self, api, directory_content):
        ListingPage.objects.filter(id=directory_content.advice.id).update(
            last_published_at=timezone.now() - datetime.timedelta(days=30)
        )
        since = (timezone.now() - datetime.timedelta(days=1)).date().isoformat()
        ids = ids_of(api.get("services", modified_after=since))
        assert str(directory_content.advice.external_id) not in ids
        assert len(ids) == 2

    def test_postcode_and_proximity(self, api, directory_content):
        assert len(ids_of(api.get("services", postcode="39104"))) == 3
        assert ids_of(api.get("services", postcode="39999")) == []
        assert len(ids_of(api.get("services", postcode="39104", proximity="500"))) == 3
        assert len(ids_of(api.get("service_at_locations", postcode="39104"))) == 3

    @pytest.mark.parametrize(
        "params",
        [
            {"per_page": "0"},
            {"per_page": "1000"},
            {"page": "-1"},
            {"page": "abc"},
            {"modified_after": "notadate"},
            {"lang": "xx"},
            {"proximity": "near"},
            {"proximity": "500"},
            {"postcode": "39104", "proximity": "-3"},
            {"action_field": "no-such-field"},
            {"language": "klingon"},
            {"taxonomy_term_id": "not-a-uuid"},
            {"taxonomy_term_id": str(uuid.uuid4())},
            {"taxonomy_id": str(uuid.uuid4())},
            {"organization_id": "x"},
            {"minimal": "maybe"},
            {"format": "xml"},
        ],
    )
    def test_bad_parameters_are_a_400_with_a_message(self, api, params, directory_content):
        response = api.get("services", **params)
        assert response.status_code == 400
        assert response.json()["error"]

    def test_lang_serves_the_locale_and_falls_back_to_german(self, api, directory_content):
        from base.i18n import ensure_synced_locale

        ensure_synced_locale("en")
        data = api.get(f"services/{directory_content.course.external_id}", lang="en").json()
        assert data["url"].startswith("http://") and "/en/" in data["url"]
        assert data["name"] == "Deutschkurs für Frauen"  # an untranslated alias: German text
        assert data["x_language"] == "en"


@pytest.mark.django_db
class TestErrorsAndCors:
    @pytest.mark.parametrize(
        "path",
        ["services", "organizations", "service_at_locations", "taxonomies", "taxonomy_terms"],
    )
    def test_unknown_and_malformed_ids_are_a_json_404(self, api, path):
        for item_id in (uuid.uuid4(), "nope"):
            response = api.get(f"{path}/{item_id}")
            assert response.status_code == 404
            assert response.json() == {"status": 404, "error": "not found"}

    def test_cors_is_open_for_get_and_preflight(self, api):
        assert api.get("taxonomies")["Access-Control-Allow-Origin"] == "*"
        preflight = api.client.options("/api/hsds/services")
        assert preflight.status_code == 204
        assert "GET" in preflight["Access-Control-Allow-Methods"]
        assert api.get("services/nope")["Access-Control-Allow-Origin"] == "*"

    def test_writes_are_refused(self, api):
        assert api.client.post("/api/hsds/services").status_code == 405

    def test_openapi_document_lists_every_operation(self, api):
        document = api.get("openapi.json").json()
        assert document["openapi"].startswith("3.")
        assert set(document["paths"]) == {
            "/",
            "/services",
            "/services/{id}",
            "/organizations",
            "/organizations/{id}",
            "/service_at_locations",
            "/service_at_locations/{id}",
            "/taxonomies",
            "/taxonomies/{id}",
            "/taxonomy_terms",
            "/taxonomy_terms/{id}",
        }
        assert {"lang", "action_field", "language", "postcode", "proximity"} <= set(
            document["components"]["parameters"]
        )


def official_properties(schema, files):
    """{property: nested tree or None} of an official schema, ``$ref``s read by file name."""
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1].removesuffix(".json")
        if name == "metadata":
            schema = files["service"]["properties"]["metadata"]["items"]
        else:
            schema = files[name]
    if "items" in schema:
        return official_properties(schema["items"], files)
    if "properties" not in schema:
        return None
    return {key: official_properties(value, files) for key, value in schema["properties"].items()}


def extra_properties(data, tree, path="") -> list[str]:
    """Paths of properties of ``data`` that the official tree lacks (``x_`` ones are fine)."""
    if isinstance(data, list):
        return [p for i, item in enumerate(data) for p in extra_properties(item, tree, path)]
    if not isinstance(data, dict) or tree is None:
        return []
    found = []
    for key, value in data.items():
        if key.startswith("x_"):
            continue
        if key not in tree:
            found.append(f"{path}/{key}")
        else:
            found += extra_properties(value, tree[key], f"{path}/{key}")
    return found


@pytest.mark.django_db
class TestOfficialProperties:
    @pytest.fixture
    def official(self):
        folder = schema_dir()
        names = [
            "service",
            "service_list",
            "organization",
            "organization_list",
            "service_at_location",
            "service_at_location_list",
            "taxonomy",
            "taxonomy_term",
        ]
        files = {name: json.loads((folder / f"{name}.json").read_text()) for name in names}
        return {name: official_properties(files[name], files) for name in names}

    def test_every_answer_has_only_official_properties_and_x_extensions(
        self, api, directory_content, official
    ):
        lists = [
            ("services", {}, "service_list"),
            ("services", {"full": "true"}, "service"),
            ("services", {"minimal": "true"}, "service_list"),
            ("organizations", {}, "organization_list"),
            ("organizations", {"full": "true"}, "organization"),
            ("organizations", {"full_service": "true"}, "organization"),
            ("service_at_locations", {}, "service_at_location_list"),
            ("service_at_locations", {"full": "true"}, "service_at_location"),
            ("taxonomies", {}, "taxonomy"),
            ("taxonomy_terms", {}, "taxonomy_term"),
        ]
        for path, params, schema in lists:
            items = api.get(path, **params).json()["contents"]
            assert items, (path, params)
            assert extra_properties(items, official[schema]) == [], (path, params)
        for path, schema in [
            ("services", "service"),
            ("organizations", "organization"),
            ("service_at_locations", "service_at_location"),
            ("taxonomies", "taxonomy"),
            ("taxonomy_terms", "taxonomy_term"),
        ]:
            for item_id in ids_of(api.get(path)):
                for params in ({}, {"full_service": "true"}):
                    data = api.get(f"{path}/{item_id}", **params).json()
                    assert extra_properties(data, official[schema]) == [], (path, item_id)

    def test_the_list_shapes_leave_out_the_nested_rows(self, api, directory_content):
        service = api.get("services").json()["contents"][0]
        assert "schedules" not in service and "service_at_locations" not in service
        assert service["x_kind"] in ("service", "project")
        organisation = api.get("organizations").json()["contents"][0]
        assert "services" not in organisation and "phones" not in organisation
        assert organisation["x_slug"]

    def test_the_bundled_schemas_are_the_official_ones(self):
        folder = schema_dir()
        assert schemas.bundle_text(schemas.build_bundle(folder)) == schemas.BUNDLE_PATH.read_text(
            encoding="utf-8"
        ), "api/hsds_schemas.json is out of date: run manage.py build_hsds_schemas"


@pytest.mark.django_db
class TestOfficialParameters:
    def test_organisations_nest_service_ids_with_full_and_whole_services_with_full_service(
        self, api, directory_content
    ):
        caritas = str(directory_content.caritas.translation_key)
        with_ids = {o["id"]: o for o in api.get("organizations", full="true").json()["contents"]}
        services = with_ids[caritas]["services"]
        assert {s["name"] for s in services} == {"Deutschkurs für Frauen", "Migrationsberatung"}
        assert all(set(s) <= {"id", "name", "status", "last_modified"} for s in services)
        whole = {
            o["id"]: o for o in api.get("organizations", full_service="true").json()["contents"]
        }
        course = next(
            s for s in whole[caritas]["services"] if s["name"] == "Deutschkurs für Frauen"
        )
        assert course["schedules"] and course["service_at_locations"]
        detail = api.get(f"organizations/{caritas}").json()
        assert all("schedules" not in s for s in detail["services"])
        detail = api.get(f"organizations/{caritas}", full_service="true").json()
        assert all(s["schedules"] for s in detail["services"])

    def test_top_only_and_parent_id_select_terms_by_their_place_in_the_tree(
        self, api, directory_content
    ):
        everything = api.get("taxonomy_terms", per_page=100).json()
        # Our taxonomies are flat: every term is at the top, none has children.
        top = api.get("taxonomy_terms", per_page=100, top_only="true").json()
        assert top["total_items"] == everything["total_items"] > 0
        assert all("parent_id" not in term for term in top["contents"])
        term = hsds.term_id("action-fields", "sprache")
        children = api.get("taxonomy_terms", parent_id=term).json()
        assert children["total_items"] == 0 and children["empty"] is True

    def test_taxonomy_id_narrows_terms_and_services(self, api, directory_content):
        districts = hsds.taxonomy_id("districts")
        terms = api.get("taxonomy_terms", taxonomy_id=districts).json()["contents"]
        assert [t["code"] for t in terms] == ["altstadt"]
        # Every listing has a location in a district.
        assert len(ids_of(api.get("services", taxonomy_id=districts))) == 3

    @pytest.mark.parametrize(
        ("path", "params", "named"),
        [
            ("organizations", {"full_service": "maybe"}, "full_service"),
            ("organizations/x", {"full_service": "2"}, None),
            ("taxonomy_terms", {"top_only": "yes please"}, "top_only"),
            ("taxonomy_terms", {"parent_id": "sprache"}, "parent_id"),
            ("taxonomy_terms", {"parent_id": "6f1c0b52-0000-4000-8000-000000000000"}, "parent_id"),
            ("taxonomy_terms", {"taxonomy_id": "districts"}, "taxonomy_id"),
            ("services", {"full": "sometimes"}, "full"),
            ("service_at_locations", {"modified_after": "yesterday"}, "modified_after"),
        ],
    )
    def test_a_wrong_value_of_an_official_parameter_is_a_400_naming_it(
        self, api, directory_content, path, params, named
    ):
        response = api.get(path, **params)
        assert response.status_code == 400, response.content
        if named:
            assert named in response.json()["error"]

    def test_the_documents_service_at_location_answer_is_a_service_at_location(self, api):
        document = api.get("openapi.json").json()
        operation = document["paths"]["/service_at_locations/{id}"]["get"]
        schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/service_at_location"}
        terms = document["paths"]["/taxonomy_terms"]["get"]
        assert terms["operationId"] == "getPaginatedListOfTaxonomyTerms"
        names = {p["$ref"].rsplit("/", 1)[-1] for p in terms["parameters"]}
        assert {"top_only", "parent_id", "taxonomy_id"} <= names
        org = document["paths"]["/organizations/{id}"]["get"]
        assert {"$ref": "#/components/parameters/full_service"} in org["parameters"]
        # Nothing to fetch from elsewhere: the documentation page renders it as it is.
        assert "raw.githubusercontent.com" not in json.dumps(document["paths"])
