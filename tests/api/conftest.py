"""Fixtures of the open-data tests: a small directory with every kind of row, and schemas."""

import datetime
import os
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.test import Client

from api.hsds import schema_validator
from directory.factories import (
    ClosureFactory,
    DistrictFactory,
    ListingContactFactory,
    ListingLocationFactory,
    OpeningHoursFactory,
    OrganisationPageFactory,
    ProjectPageFactory,
    ServicePageFactory,
)
from directory.models import Weekday


def schema_dir():
    """The official HSDS 3.0 schemas, or a skip (a failure in CI, where REQUIRE_HSDS=1)."""
    path = settings.HSDS_SCHEMA_DIR
    if not path.exists():
        message = f"HSDS 3.0 schemas not found at {path} (set HSDS_SCHEMA_DIR)"
        if os.environ.get("REQUIRE_HSDS") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture
def hsds_schema():
    """``check(instance, "service")`` validates against ``service.json`` (formats checked)."""
    schema_dir()
    cache = {}

    def check(instance, name):
        if name not in cache:
            cache[name] = schema_validator(name)
        errors = sorted(cache[name].iter_errors(instance), key=lambda e: list(e.path))
        assert not errors, f"{name}: " + "; ".join(
            f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]
        )

    return check


@pytest.fixture
def api():
    """A test client; ``api.get("services", per_page=2)`` fetches ``/api/hsds/services``."""
    client = Client()

    def get(path="", **params):
        return client.get(f"/api/hsds/{path}", params)

    return SimpleNamespace(client=client, get=get)


def full_listing(organisation, district, **kwargs):
    """A service with a location, hours, a closure, a contact, languages and target groups."""
    factory = kwargs.pop("factory", ServicePageFactory)
    listing = factory(parent=organisation, **kwargs)
    ListingLocationFactory(
        page=listing,
        name="Beratungsstelle Mitte",
        street="Breiter Weg 10",
        postcode="39104",
        district=district,
        latitude=Decimal("52.131600"),
        longitude=Decimal("11.639800"),
        wheelchair_accessible=True,
        sort_order=0,
    )
    OpeningHoursFactory(page=listing, weekday=Weekday.MONDAY, sort_order=0)
    OpeningHoursFactory(
        page=listing,
        weekday=Weekday.THURSDAY,
        opens=datetime.time(14),
        closes=datetime.time(18),
        note="ohne Termin",
        sort_order=1,
    )
    ClosureFactory(
        page=listing,
        start_date=datetime.date(2030, 7, 1),
        end_date=datetime.date(2030, 7, 14),
        sort_order=0,
    )
    ListingContactFactory(page=listing, sort_order=0)
    listing.save_revision().publish()
    return listing


@pytest.fixture
def directory_content(directory_page):
    """Two organisations, three live listings (one project), one draft; all rows filled."""
    return build_content(directory_page)


@pytest.fixture(scope="module")
def shared_content(module_site, django_db_blocker):
    """``directory_content`` built once per module (rolled back with ``module_site``).

    For read-only modules: a module using it must not use ``directory_page`` as well.
    """
    with django_db_blocker.unblock():
        return build_content(module_site.directory)


def build_content(directory_page):
    district = DistrictFactory(code="altstadt", name="Altstadt")
    caritas = OrganisationPageFactory(parent=directory_page, title="Caritas Beratungszentrum")
    awo = OrganisationPageFactory(parent=directory_page, title="AWO Magdeburg", street="")
    course = full_listing(
        caritas,
        district,
        title="Deutschkurs für Frauen",
        summary="Deutsch lernen mit Kinderbetreuung.",
        action_fields=["sprache"],
        target_groups=["frauen"],
        languages=["ar", "fa"],
        keywords=["Sprachkurs"],
    )
    advice = full_listing(
        caritas,
        district,
        title="Migrationsberatung",
        summary="Beratung zu Aufenthalt, Arbeit und Wohnen.",
        action_fields=["soziale-integration-partizipation", "arbeit-ausbildung"],
        languages=["uk"],
        is_free=False,
        cost_details="10 € pro Termin",
        min_age=18,
    )
    project = full_listing(
        awo,
        district,
        factory=ProjectPageFactory,
        title="Patenschaften",
        summary="Ehrenamtliche begleiten Neuzugewanderte.",
        action_fields=["interkulturelle-arbeit"],
    )
    draft = ServicePageFactory(parent=awo, title="Entwurf", live=False)
    return SimpleNamespace(
        caritas=caritas,
        awo=awo,
        course=course,
        advice=advice,
        project=project,
        draft=draft,
        district=district,
        listings=[course, advice, project],
    )
