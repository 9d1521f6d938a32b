"""The API over HTTP: conditional requests (ETag, Last-Modified, 304), methods (405 with Allow),
CORS preflights, and the documentation page with its Swagger UI from the site's own files."""

import os

import pytest
from django.contrib.staticfiles import finders
from django.utils.http import http_date

from api.management.commands.vendor_swagger_ui import PACKAGE, vendored_files
from directory.models import ListingPage

ALLOW = "GET, HEAD, OPTIONS"
ROUTES = ["", "openapi.json", "services", "organizations", "taxonomies", "taxonomy_terms"]


@pytest.fixture
def directory_content(shared_content, db):
    """The module's shared directory (built once; each test runs in its own savepoint)."""
    return shared_content


@pytest.mark.django_db
class TestConditionalRequests:
    @pytest.mark.parametrize("path", ROUTES)
    def test_an_unchanged_answer_is_a_304_for_its_etag(self, api, directory_content, path):
        first = api.get(path)
        assert first.status_code == 200
        etag = first["ETag"]
        assert etag.startswith('"') and first["Last-Modified"]
        again = api.client.get(f"/api/hsds/{path}", HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304
        assert again.content == b""
        assert again["ETag"] == etag
        assert again["Access-Control-Allow-Origin"] == "*"

    def test_an_unchanged_answer_is_a_304_since_its_last_modified(self, api, directory_content):
        first = api.get("services")
        again = api.client.get("/api/hsds/services", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        assert again.status_code == 304

    def test_a_published_change_gives_a_new_etag_and_a_full_answer(self, api, directory_content):
        first = api.get("services")
        listing = ListingPage.objects.get(id=directory_content.course.id).specific
        listing.title = "Deutschkurs für Frauen am Abend"
        listing.save_revision().publish()
        after = api.client.get(
            "/api/hsds/services",
            HTTP_IF_NONE_MATCH=first["ETag"],
        )
        assert after.status_code == 200
        assert after["ETag"] != first["ETag"]
        assert "Deutschkurs für Frauen am Abend" in [s["name"] for s in after.json()["contents"]]
        since = api.client.get("/api/hsds/services", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        assert since.status_code == 200

    def test_each_query_has_its_own_etag(self, api, directory_content):
        assert api.get("services", per_page=1)["ETag"] != api.get("services", per_page=2)["ETag"]
        assert api.get("services", lang="de")["ETag"] != api.get("services")["ETag"]

    def test_an_old_if_modified_since_gets_the_answer(self, api, directory_content):
        response = api.client.get("/api/hsds/taxonomies", HTTP_IF_MODIFIED_SINCE=http_date(0))
        assert response.status_code == 200

    def test_errors_carry_no_validators(self, api, directory_content):
        response = api.get("services", per_page="0")
        assert response.status_code == 400
        assert not response.has_header("ETag")


@pytest.mark.django_db
class TestMethodsAndCors:
    @pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "TRACE", "CONNECT"])
    def test_any_other_method_is_a_405_naming_the_allowed_ones(self, api, method):
        for path in ("services", "services/x", "openapi.json"):
            response = api.client.generic(method, f"/api/hsds/{path}")
            assert response.status_code == 405, (method, path)
            assert response["Allow"] == ALLOW
            assert response["Access-Control-Allow-Origin"] == "*"
            assert method in response.json()["error"]

    def test_head_answers_like_get(self, api, directory_content):
        response = api.client.head("/api/hsds/services")
        assert response.status_code == 200
        assert response["ETag"] == api.get("services")["ETag"]

    def test_a_preflight_from_any_origin_is_answered(self, api):
        response = api.client.options(
            "/api/hsds/services",
            HTTP_ORIGIN="https://example.org",
            HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
            HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
        )
        assert response.status_code == 204
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response["Access-Control-Allow-Methods"] == ALLOW
        assert "If-None-Match" in response["Access-Control-Allow-Headers"]
        assert response["Allow"] == ALLOW

    def test_a_browser_may_read_the_etag(self, api, directory_content):
        assert "ETag" in api.get("taxonomies")["Access-Control-Expose-Headers"]


@pytest.mark.django_db
class TestDocumentationPage:
    def test_the_page_renders_swagger_ui_from_the_sites_own_files(self, client):
        response = client.get("/api/hsds/docs/")
        assert response.status_code == 200
        html = response.content.decode()
        assert 'data-openapi-url="/api/hsds/openapi.json"' in html
        assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in html
        assert "/static/vendor/swagger-ui/swagger-ui.css" in html
        assert "/static/js/api-docs.js" in html
        assert "<script>" not in html and "style=" not in html
        for name in ("vendor/swagger-ui/swagger-ui-bundle.js", "js/api-docs.js"):
            assert finders.find(name), name

    def test_only_the_documentation_page_allows_data_images(self, client):
        docs = client.get("/api/hsds/docs")["Content-Security-Policy"]
        assert "data:" in docs.split("img-src", 1)[1].split(";", 1)[0]
        assert "unsafe-inline" not in docs and "unsafe-eval" not in docs
        assert "script-src 'self'" in docs
        home = client.get("/api/hsds/")["Content-Security-Policy"]
        assert "data:" not in home

    def test_the_page_speaks_the_interface_language(self, client):
        html = client.get("/api/hsds/docs/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
        assert '<html lang="ar" dir="rtl">' in html
        assert "توثيق واجهة HSDS البرمجية" in html
        # Swagger UI itself writes English, left to right.
        assert 'id="swagger-ui" lang="en" dir="ltr"' in html

    def test_writes_to_the_page_are_a_405(self, client):
        for method in ("POST", "TRACE"):
            response = client.generic(method, "/api/hsds/docs/")
            assert response.status_code == 405
            assert "GET" in response["Allow"]


def test_the_vendored_swagger_ui_is_the_npm_packages_build():
    if not PACKAGE.is_dir():
        message = f"{PACKAGE} is missing (run npm ci)"
        if os.environ.get("REQUIRE_NPM") == "1":
            pytest.fail(message)
        pytest.skip(message)
    for name, content in vendored_files().items():
        path = finders.find(f"vendor/swagger-ui/{name}")
        assert path, f"static/vendor/swagger-ui/{name} is missing: run manage.py vendor_swagger_ui"
        with open(path, "rb") as committed:
            assert committed.read() == content, f"{name} differs: run manage.py vendor_swagger_ui"
