"""Every official HSDS 3.0 example imports into a bare install and comes back unchanged.

Each file of ``../shared/hsds-3.0/examples/`` (JSON and the CSV package) is imported by
``import_hsds`` into the skeleton ``setup_site`` builds (no demo), each record is fetched
through the API, the directory is exported, and every value of the original must be in the
export unchanged; a second import changes nothing.
"""

import io
import json
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import Client

from api.reader import read_source
from tests.api.conftest import schema_dir

EXAMPLES = Path(settings.HSDS_SCHEMA_DIR or "") / "examples"
FILES = sorted(p.name for p in EXAMPLES.glob("*.json")) + ["csv"] if EXAMPLES.exists() else []


def examples_dir() -> Path:
    """The official examples, or a skip (a failure where REQUIRE_HSDS=1)."""
    schema_dir()
    if not EXAMPLES.exists():
        message = f"HSDS 3.0 examples not found at {EXAMPLES}"
        if os.environ.get("REQUIRE_HSDS") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return EXAMPLES


@pytest.fixture
def bare_install(db):
    """What ``setup_site`` builds on an empty database: no demo content."""
    call_command("setup_site", stdout=io.StringIO())


def import_hsds(path, *args) -> str:
    out = io.StringIO()
    call_command("import_hsds", str(path), *args, stdout=out)
    return out.getvalue()


def exported(tmp_path) -> dict:
    call_command("export_hsds", "--output", str(tmp_path), stdout=io.StringIO())
    return {
        name: json.loads((tmp_path / name).read_text(encoding="utf-8"))
        for name in ("services.json", "organizations.json", "taxonomies.json", "locations.json")
    }


def by_id(tree, found=None) -> dict:
    """Every object with an id anywhere in ``tree``, by id (a list per id)."""
    found = {} if found is None else found
    if isinstance(tree, dict):
        if "id" in tree:
            found.setdefault(str(tree["id"]), []).append(tree)
        for value in tree.values():
            by_id(value, found)
    elif isinstance(tree, list):
        for value in tree:
            by_id(value, found)
    return found


def lost_values(original, copies, where="") -> list[str]:
    """Where a value of ``original`` is missing or different in every one of ``copies``."""
    problems = []
    for key, value in original.items():
        path = f"{where}.{key}"
        present = [c[key] for c in copies if key in c]
        if not present:
            problems.append(f"{path}: lost")
        elif isinstance(value, dict):
            nested = [p for p in present if isinstance(p, dict)]
            problems += lost_values(value, nested, path) if nested else [f"{path}: changed"]
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for n, item in enumerate(value):
                candidates = [
                    c
                    for p in present
                    if isinstance(p, list)
                    for c in p
                    if isinstance(c, dict) and c.get("id") == item.get("id")
                ]
                problems += lost_values(item, candidates, f"{path}[{n}]")
        elif value not in present:
            problems.append(f"{path}: {value!r} became {present[0]!r}")
    return problems


def originals(name) -> list[dict]:
    """Every record of an example file (objects with an id, at any depth)."""
    bundle = read_source(EXAMPLES / name)
    return [
        *bundle.services,
        *bundle.organizations,
        *bundle.locations,
        *bundle.taxonomies,
        *bundle.terms,
    ]


@pytest.mark.parametrize("name", FILES)
def test_official_example_imports_serves_and_exports_without_loss(
    name, bare_install, tmp_path, hsds_schema
):
    examples_dir()
    if name == "tabular.json":
        # The official file breaks its own schema (a number as external_identifier): the
        # import names record and field and writes nothing. The CSV package is fine.
        with pytest.raises(CommandError, match="nothing was imported"):
            import_hsds(EXAMPLES / name)
        return
    output = import_hsds(EXAMPLES / name)
    assert "nothing was imported" not in output
    export = exported(tmp_path)
    everything = by_id(export)
    records = originals(name)
    problems = []
    for record in records:
        problems += lost_values(record, everything.get(str(record["id"]), []), record["id"][:8])
    assert problems == [], f"{len(problems)} values lost or changed: " + "; ".join(problems[:10])

    client = Client()
    bundle = read_source(EXAMPLES / name)
    for service in bundle.services:
        response = client.get(f"/api/hsds/services/{service['id']}")
        assert response.status_code == 200
        hsds_schema(response.json(), "service")
        for sal in service.get("service_at_locations") or []:
            response = client.get(f"/api/hsds/service_at_locations/{sal['id']}")
            assert response.status_code == 200, sal["id"]
            assert response.json()["id"] == sal["id"]
            hsds_schema(response.json(), "service_at_location")
    for org in bundle.organizations:
        response = client.get(f"/api/hsds/organizations/{org['id']}")
        assert response.status_code == 200
        hsds_schema(response.json(), "organization")
    for taxonomy in bundle.taxonomies:
        response = client.get(f"/api/hsds/taxonomies/{taxonomy['id']}")
        assert response.status_code == 200
        hsds_schema(response.json(), "taxonomy")
    for term in bundle.terms:
        response = client.get(f"/api/hsds/taxonomy_terms/{term['id']}")
        assert response.status_code == 200
        hsds_schema(response.json(), "taxonomy_term")

    again = import_hsds(EXAMPLES / name)
    assert "0 created, 0 updated" in again
    assert "organisations: 0 created, 0 updated; other records: 0 created, 0 updated" in again
