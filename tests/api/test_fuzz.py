"""Bounded schemathesis runs against the project's OpenAPI document and the official HSDS one.

Both are loaded at collection time and called through WSGI (no network server); each operation
gets at most 25 generated requests against a small directory.

- The project's document (/api/hsds/openapi.json): every schemathesis check passes (status codes,
  content types, headers, each body against the official schemas embedded there, malformed
  values rejected) but one, named where it is left out.
- The official document (``HSDS_SCHEMA_DIR``/openapi.json, its schema files resolved from the
  same folder): every answer is one the project's document lists for that operation and no 500;
  every 200 validates against the official schema of the operation. The official document
  lists only 200s, so its status-code check is replaced by "documented by the project": a 400
  for a value outside our bounds (``per_page=0``, an unknown ``taxonomy_id``) and the 404 of an
  unknown id.
"""

import json
import os

import pytest
import schemathesis
from django.conf import settings as django_settings
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    positive_data_acceptance,
    response_schema_conformance,
)
from wagtail.models import Locale

from api.schemas import OFFICIAL_BASE
from directory.models import ListingPage
from wegweiser.wsgi import application

# Loaded from the app itself at collection time: the OpenAPI view needs no database.
schema = schemathesis.openapi.from_wsgi("/api/hsds/openapi.json", application)
PROJECT_DOCUMENT = schema.raw_schema
FUZZ_SETTINGS = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


def official_document() -> dict | None:
    """The official openapi.json with its schema files inlined as components (None if absent).

    Its references point at raw.githubusercontent.com; the same files sit in HSDS_SCHEMA_DIR
    (``compiled/service.json`` as ``service.json``). Two of them refer on to ``taxonomy.json``
    and ``metadata.json`` by file name; metadata.json is not published, its compiled copy is
    in service.json.
    """
    folder = django_settings.HSDS_SCHEMA_DIR
    if folder is None or not (folder / "openapi.json").exists():
        return None
    files = {}

    def local(node):
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.endswith(".json"):
                name = ref.removeprefix(OFFICIAL_BASE).rsplit("/", 1)[-1].removesuffix(".json")
                if name not in files:
                    files[name] = None
                    if name == "metadata":
                        service = json.loads((folder / "service.json").read_text())
                        files[name] = service["properties"]["metadata"]["items"]
                    else:
                        files[name] = local(json.loads((folder / f"{name}.json").read_text()))
                return {**node, "$ref": f"#/components/schemas/{name}"}
            return {key: local(value) for key, value in node.items()}
        if isinstance(node, list):
            return [local(item) for item in node]
        return node

    document = local(json.loads((folder / "openapi.json").read_text()))
    document["components"]["schemas"].update(files)
    document["servers"] = [{"url": "/api/hsds"}]
    return document


OFFICIAL = official_document()
if OFFICIAL is not None:
    official_schema = schemathesis.openapi.from_dict(OFFICIAL)
    official_schema.app = application
else:
    official_schema = None


@pytest.fixture
def directory_content(shared_content, db):
    """The module's shared directory in a site with every content language (as the site's
    skeleton makes it); WSGI requests must not close the test's connection."""
    for code in django_settings.WAGTAIL_CONTENT_LANGUAGE_CODES:
        Locale.objects.get_or_create(language_code=code)
    # django.test.Client does the same: the handler would close the connection of the test
    # transaction at the end of every request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield shared_content
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@FUZZ_SETTINGS
def test_every_generated_request_conforms_to_the_project_document(case, directory_content):
    # Except "schema-valid data is accepted": an id or code the database does not hold (an
    # unknown taxonomy_id, action_field) is well-formed but a 400 by design, as each
    # parameter's description says; the schema cannot list what the database holds.
    response = case.call_and_validate(excluded_checks=[positive_data_acceptance])
    assert response.status_code < 500, (case.method, case.formatted_path, case.query)
    assert response.headers.get("access-control-allow-origin") == ["*"]
    content_type = response.headers.get("content-type", [""])[0]
    if response.status_code == 200 and content_type == "application/json":
        data = response.json()
        assert "contents" not in data or data["size"] <= 100
    assert ListingPage.objects.exists()


def _documented_by_project(case, response) -> bool:
    """Whether the project's document lists this answer: a CORS preflight is a 204, any
    method besides GET, HEAD and OPTIONS a 405 naming them."""
    operation = PROJECT_DOCUMENT["paths"][case.path].get(case.method.lower())
    if case.method == "OPTIONS":
        return response.status_code == 204
    if operation is None:
        return response.status_code == 405 and response.headers["allow"] == ["GET, HEAD, OPTIONS"]
    return str(response.status_code) in operation["responses"]


if official_schema is not None:

    @pytest.mark.django_db
    @official_schema.parametrize()
    @FUZZ_SETTINGS
    def test_every_request_of_the_official_document_gets_a_documented_answer(
        case, directory_content
    ):
        response = case.call()
        assert response.status_code < 500, (case.method, case.formatted_path, case.query)
        assert _documented_by_project(case, response), (
            response.status_code,
            case.formatted_path,
            case.query,
        )
        if response.status_code == 200:
            # Against the official 200 schema of the operation, content type included.
            case.validate_response(
                response, checks=[content_type_conformance, response_schema_conformance]
            )
        elif response.status_code >= 400:
            assert response.json()["error"]

else:

    def test_every_request_of_the_official_document_gets_a_documented_answer():
        message = "official HSDS 3.0 openapi.json not found (set HSDS_SCHEMA_DIR)"
        if os.environ.get("REQUIRE_HSDS") == "1":
            pytest.fail(message)
        pytest.skip(message)
