"""A bounded schemathesis run against /api/hsds/openapi.json: no request may end in a 500.

The schema is loaded from the running app through WSGI (no network server); each operation
gets at most 25 generated requests against a small directory.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from directory.models import ListingPage
from wegweiser.wsgi import application

# Loaded from the app itself at collection time: the OpenAPI view needs no database.
schema = schemathesis.openapi.from_wsgi("/api/hsds/openapi.json", application)


@pytest.fixture
def directory_content(shared_content, db):
    """The module's shared directory; WSGI requests must not close the test's connection."""
    # django.test.Client does the same: the handler would close the connection of the test
    # transaction at the end of every request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield shared_content
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_no_generated_request_is_a_server_error(case, directory_content):
    response = case.call()
    assert response.status_code < 500, (case.method, case.formatted_path, case.query)
    assert response.headers.get("access-control-allow-origin") == ["*"]
    content_type = response.headers.get("content-type", [""])[0]
    if response.status_code == 200 and content_type == "application/json":
        data = response.json()
        assert "contents" not in data or data["size"] <= 100
    assert ListingPage.objects.exists()
