"""Open Referral UK-style service files (issue 13 item 1): read, imported and kept whole."""

import copy
import json
import uuid

import pytest
from django.test import Client

from api.models import HsdsRecord
from api.reader import read_bytes
from directory.models import ActionField, ActionFieldMapping, ListingPage
from tests.api.test_import_export import import_file, write


def new_id():
    return str(uuid.uuid4())


def oruk_service():
    """A service as an Open Referral UK API serves it (field names of ORUK 1.0)."""
    location_id = new_id()
    return {
        "id": new_id(),
        "name": "Rechtsberatung für Geflüchtete",
        "description": "Offene Sprechstunde zu Asyl und Aufenthalt.",
        "url": "https://example.org/rechtsberatung",
        "email": "info@example.org",
        "status": "active",
        "fees": "Kostenlos",
        "accreditations": "Anerkannte Beratungsstelle",
        "deliverable_type": "Advice",
        "attending_type": "Drop-in",
        "attending_access": "drop-in",
        "assured_date": "2026-05-01",
        "organization": {
            "id": new_id(),
            "name": "Refugee Law Clinic",
            "description": "Studentische Rechtsberatung.",
            "url": "https://example.org",
        },
        "eligibilitys": [
            {"id": new_id(), "eligibility": "Geflüchtete", "minimum_age": 16, "maximum_age": 99}
        ],
        "fundings": [{"id": new_id(), "source": "Stadt Magdeburg"}],
        "languages": [{"id": new_id(), "language": "Arabic"}],
        "regular_schedules": [
            {
                "id": new_id(),
                "opens_at": "10:00",
                "closes_at": "14:00",
                "freq": "WEEKLY",
                "byday": "TU,TH",
                "description": "Dienstag und Donnerstag",
            }
        ],
        "service_areas": [{"id": new_id(), "service_area": "Magdeburg"}],
        "service_at_locations": [
            {
                "id": new_id(),
                "location": {
                    "id": location_id,
                    "name": "Beratungsraum",
                    "latitude": 52.13,
                    "longitude": 11.64,
                    "physical_addresses": [
                        {
                            "id": new_id(),
                            "address_1": "Breiter Weg 1",
                            "city": "Magdeburg",
                            "state_province": "Sachsen-Anhalt",
                            "postal_code": "39104",
                            "country": "DE",
                        }
                    ],
                    "accessibility_for_disabilities": [
                        {"id": new_id(), "accessibility": "Rampe am Eingang"}
                    ],
                },
            }
        ],
        "service_taxonomys": [
            {
                "id": new_id(),
                "taxonomy": {
                    "id": "legal-advice",
                    "name": "Legal advice",
                    "vocabulary": "esdServiceTypes",
                },
            }
        ],
    }


def test_an_oruk_page_is_read_with_hsds_fields_beside_its_own():
    service = oruk_service()
    page = {"totalElements": 1, "totalPages": 1, "number": 1, "content": [service]}
    (read,) = read_bytes(json.dumps(page).encode(), "services.json").services
    for key, value in service.items():
        if key not in ("organization", "languages", "service_areas", "service_at_locations"):
            assert read[key] == value, key
    assert read["schedules"][0]["byday"] == "TU,TH"
    assert read["fees_description"] == "Kostenlos"
    assert read["minimum_age"] == 16 and read["funding"][0]["source"] == "Stadt Magdeburg"
    assert read["languages"][0] == {**service["languages"][0], "name": "Arabic"}
    location = read["service_at_locations"][0]["location"]
    assert location["addresses"][0]["postal_code"] == "39104"
    assert (
        location["physical_addresses"]
        == service["service_at_locations"][0]["location"]["physical_addresses"]
    )
    term = read["attributes"][0]["taxonomy_term"]
    assert term["taxonomy"] == "esdServiceTypes" and term["code"] == "legal-advice"
    assert uuid.UUID(term["id"])  # ORUK term ids are not UUIDs; HSDS 3.0's are


@pytest.mark.django_db
def test_an_oruk_service_imports_is_shown_and_keeps_its_own_fields(tmp_path, directory_page):
    ActionFieldMapping.objects.create(
        foreign_term="Legal advice",
        action_field=ActionField.objects.get(code="sprache", locale__language_code="de"),
    )
    service = oruk_service()
    path = write(tmp_path, [copy.deepcopy(service)])
    output = import_file(path)
    assert "1 created" in output
    listing = ListingPage.objects.get(external_id=service["id"]).specific
    assert listing.title == service["name"]
    assert sorted(listing.opening_hours.values_list("weekday", flat=True)) == [1, 3]
    assert list(listing.spoken_languages.values_list("language", flat=True)) == ["ar"]
    assert list(listing.action_field_links.values_list("action_field__code", flat=True)) == [
        "sprache"
    ]
    assert listing.locations.get().postcode == "39104"
    # The ORUK fields are kept exactly as sent with the record; the API answers with exactly
    # the properties of the official HSDS 3.0 schema (their HSDS equivalents), nothing else.
    kept = HsdsRecord.objects.get(kind="service", hsds_id=service["id"]).record
    for key in ("regular_schedules", "service_taxonomys", "eligibilitys", "fundings", "fees"):
        assert kept[key] == service[key], key
    api = Client().get(f"/api/hsds/services/{service['id']}").json()
    assert "regular_schedules" not in api and api["schedules"]
    assert api["accreditations"] == service["accreditations"]
    assert "0 created, 0 updated, 1 unchanged" in import_file(path)
