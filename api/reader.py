"""Read any form of HSDS 3.0 into records the importer takes.

A file may hold one object, an array, or an API page wrapper (``contents``); each object is
a service, organization (with nested services), location, service_at_location, taxonomy or
taxonomy term, told apart by its content. The tabular form (a folder or zip of the spec's
CSV files with ``datapackage.json``, or the same tables as one JSON object keyed by file
name) is assembled into nested records the way the spec's JSON examples nest them. A
directory written by ``export_hsds`` reads back as well, and Open Referral UK services
(``regular_schedules``, ``service_taxonomys``, ``physical_addresses``, ...) are read with
their HSDS 3.0 counterparts added beside their own fields.
"""

import csv
import io
import json
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

# Columns the tabular form holds as text that HSDS types as numbers.
NUMBER_COLUMNS = {
    "minimum_age",
    "maximum_age",
    "year_incorporated",
    "extension",
    "latitude",
    "longitude",
    "amount",
    "interval",
    "count",
    "timezone",
}
API_ROOT_KEYS = {"version", "profile", "openapi_url"}
TAXONOMY_KEYS = {"id", "name", "description", "uri", "version", "metadata"}
TERM_KEYS = {"code", "parent_id", "taxonomy", "taxonomy_id", "taxonomy_detail", "term_uri"}
ORGANIZATION_KEYS = {
    "services",
    "website",
    "tax_status",
    "tax_id",
    "year_incorporated",
    "legal_status",
    "logo",
    "parent_organization_id",
    "organization_identifiers",
    "programs",
}
LOCATION_KEYS = {
    "location_type",
    "latitude",
    "longitude",
    "addresses",
    "accessibility",
    "external_identifier",
    "transportation",
}
# What a file holds when its records' fields alone do not tell (a bare organization with
# only a name and a description), by the file's name as the spec and ``export_hsds`` use it.
FILE_KINDS = {
    "organizations": "organization",
    "organization": "organization",
    "services": "service",
    "service": "service",
    "locations": "location",
    "location": "location",
    "taxonomies": "taxonomy",
    "taxonomy": "taxonomy",
    "taxonomy_terms": "taxonomy_term",
    "taxonomy_term": "taxonomy_term",
}
# (child table, foreign key column, key in the parent)
CHILDREN = {
    "organizations": [
        ("funding", "organization_id", "funding"),
        ("contacts", "organization_id", "contacts"),
        ("phones", "organization_id", "phones"),
        ("locations", "organization_id", "locations"),
        ("programs", "organization_id", "programs"),
        ("organization_identifiers", "organization_id", "organization_identifiers"),
    ],
    "services": [
        ("phones", "service_id", "phones"),
        ("schedules", "service_id", "schedules"),
        ("service_areas", "service_id", "service_areas"),
        ("service_at_location", "service_id", "service_at_locations"),
        ("languages", "service_id", "languages"),
        ("funding", "service_id", "funding"),
        ("cost_options", "service_id", "cost_options"),
        ("required_documents", "service_id", "required_documents"),
        ("contacts", "service_id", "contacts"),
        ("attributes", "link_id", "attributes"),
    ],
    "service_at_location": [
        ("contacts", "service_at_location_id", "contacts"),
        ("phones", "service_at_location_id", "phones"),
        ("schedules", "service_at_location_id", "schedules"),
        ("service_areas", "service_at_location_id", "service_areas"),
    ],
    "locations": [
        ("addresses", "location_id", "addresses"),
        ("phones", "location_id", "phones"),
        ("schedules", "location_id", "schedules"),
        ("accessibility", "location_id", "accessibility"),
        ("languages", "location_id", "languages"),
        ("contacts", "location_id", "contacts"),
    ],
    "contacts": [("phones", "contact_id", "phones")],
    "phones": [("languages", "phone_id", "languages")],
}


class ReadError(Exception):
    """The source cannot be read as HSDS at all; the message names the file and the record."""


@dataclass
class Bundle:
    """Every record of a source, by kind, and notes on what held no records."""

    services: list = field(default_factory=list)
    organizations: list = field(default_factory=list)
    locations: list = field(default_factory=list)
    taxonomies: list = field(default_factory=list)
    terms: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    def add(self, other: "Bundle") -> None:
        """Append another bundle's records."""
        for name in ("services", "organizations", "locations", "taxonomies", "terms", "notes"):
            getattr(self, name).extend(getattr(other, name))


def read_source(path) -> Bundle:
    """Every record of a file, a folder (CSV package or export) or a zip (CSV package)."""
    path = Path(path)
    if path.is_dir():
        if (path / "datapackage.json").exists():
            return read_tables({p.stem: p.read_bytes() for p in sorted(path.glob("*.csv"))})
        bundle = Bundle()
        for name in ("organizations.json", "services.json", "taxonomies.json", "locations.json"):
            if (path / name).exists():
                bundle.add(read_bytes((path / name).read_bytes(), name))
        if not (path / "services.json").exists():
            raise ReadError(f"{path}: no datapackage.json (CSV package) and no services.json")
        return bundle
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReadError(f"cannot read {path}: {error}") from error
    return read_bytes(data, path.name)


def read_bytes(data: bytes, name: str = "upload") -> Bundle:
    """Every record of one uploaded or read file (JSON, or a zip holding a CSV package)."""
    if data[:4] == b"PK\x03\x04":
        return _read_zip(data, name)
    try:
        content = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ReadError(f"cannot read {name}: {error}") from error
    return read_json(content, name)


def _read_zip(data: bytes, name: str) -> Bundle:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = {Path(n).name: n for n in archive.namelist() if not n.endswith("/")}
        if "datapackage.json" not in names:
            raise ReadError(f"{name}: the zip holds no datapackage.json")
        return read_tables(
            {Path(n).stem: archive.read(full) for n, full in names.items() if n.endswith(".csv")}
        )
    except (zipfile.BadZipFile, OSError) as error:
        raise ReadError(f"cannot read {name}: {error}") from error


def read_json(content, name: str = "upload") -> Bundle:
    """Records of parsed JSON: an object, an array or a page wrapper, any HSDS kind."""
    if isinstance(content, dict) and isinstance(content.get("contents"), list):
        content = content["contents"]
    elif isinstance(content, dict) and isinstance(content.get("content"), list):
        content = content["content"]  # an Open Referral UK page (totalElements, content)
    if isinstance(content, dict) and content and all(k.endswith(".csv") for k in content):
        return assemble({k.removesuffix(".csv"): v for k, v in content.items()}, name)
    if isinstance(content, dict) and "taxonomy_terms" in content and "taxonomies" in content:
        # The export's taxonomies.json: both lists in one object.
        bundle = read_json(content["taxonomies"], name)
        bundle.add(read_json(content["taxonomy_terms"], name))
        return bundle
    if isinstance(content, dict):
        content = [content]
    if not isinstance(content, list):
        raise ReadError(f"{name}: not an HSDS object, array or page wrapper")
    bundle = Bundle()
    hint = FILE_KINDS.get(Path(name).stem)
    for index, item in enumerate(content):
        _add(bundle, item, f"{name} record {index}", hint)
    return bundle


def kind_of(item: dict) -> str | None:
    """What an HSDS object is, from the fields it has."""
    keys = set(item)
    if keys and keys <= API_ROOT_KEYS:
        return "root"
    if "status" in keys or "service_at_locations" in keys or "organization_id" in keys:
        return "service"
    if "service" in keys or "location" in keys or "service_id" in keys or "location_id" in keys:
        return "service_at_location"
    if keys & ORGANIZATION_KEYS:
        return "organization"
    if keys & LOCATION_KEYS:
        return "location"
    if keys & TERM_KEYS:
        return "taxonomy_term"
    if keys <= TAXONOMY_KEYS and "name" in keys:
        return "taxonomy"
    if "organization" in keys:
        return "service"
    return None


# Fields of Open Referral UK (ORUK) services that HSDS 3.0 names differently.
ORUK_KEYS = {
    "regular_schedules",
    "service_taxonomys",
    "eligibilitys",
    "fundings",
    "holiday_schedules",
    "reviews",
    "fees",
}


def _uuid(value) -> str:
    """``value`` when it is a UUID, else a UUID derived from it (the same every time)."""
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"oruk-taxonomy-term/{value}"))


def _listed(value) -> list[dict]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _with(item: dict, **fields) -> dict:
    """``item`` with ``fields`` added where it has none of its own (nothing is removed)."""
    return {**item, **{k: v for k, v in fields.items() if v is not None and k not in item}}


def _oruk_location(location: dict) -> dict:
    addresses = [
        _with(a, address_type="physical", location_id=location.get("id"))
        for a in _listed(location.get("physical_addresses"))
    ]
    accessibility = [
        _with(a, description=a.get("accessibility"), location_id=location.get("id"))
        for a in _listed(location.get("accessibility_for_disabilities"))
    ]
    return _with(
        location,
        location_type="physical" if addresses else None,
        addresses=addresses or None,
        accessibility=accessibility or None,
    )


def from_oruk(service: dict) -> dict:
    """An Open Referral UK service in HSDS 3.0 terms: each ORUK field stays as sent, its
    HSDS 3.0 counterpart is added beside it (schedules, attributes, addresses, ...)."""
    sid = service.get("id")
    org = service.get("organization")
    if isinstance(org, dict):
        org = _with(org, website=org.get("url"))
    eligibility = _listed(service.get("eligibilitys"))
    ages = {}
    if len(eligibility) == 1:
        ages = {
            "minimum_age": eligibility[0].get("minimum_age"),
            "maximum_age": eligibility[0].get("maximum_age"),
        }
    texts = [str(e.get("eligibility") or "").strip() for e in eligibility]
    attributes = []
    for link in _listed(service.get("service_taxonomys")):
        term = link.get("taxonomy")
        if isinstance(term, dict):
            term = _with(
                {**term, "id": _uuid(term.get("id"))},
                code=term.get("id"),
                description=term.get("name"),
                taxonomy=term.get("vocabulary"),
                parent_id=term.get("parent"),
            )
            attributes.append({"id": link.get("id"), "link_id": sid, "taxonomy_term": term})
    sals = [
        {**sal, "location": _oruk_location(sal["location"])}
        if isinstance(sal.get("location"), dict)
        else sal
        for sal in _listed(service.get("service_at_locations"))
    ]
    converted = _with(
        {**service, "organization": org} if org is not None else service,
        fees_description=service.get("fees"),
        schedules=[_with(s, service_id=sid) for s in _listed(service.get("regular_schedules"))]
        or None,
        attributes=attributes or None,
        funding=[_with(f, source=f.get("source")) for f in _listed(service.get("fundings"))]
        or None,
        eligibility_description="\n".join(t for t in texts if t) or None,
        **ages,
    )
    if sals:
        converted["service_at_locations"] = sals
    languages = [
        _with(item, name=item.get("language")) for item in _listed(service.get("languages"))
    ]
    if languages:
        converted["languages"] = languages
    areas = [_with(a, name=a.get("service_area")) for a in _listed(service.get("service_areas"))]
    if areas:
        converted["service_areas"] = areas
    return converted


def _add(bundle: Bundle, item, where: str, hint: str | None = None) -> None:
    if not isinstance(item, dict):
        raise ReadError(f"{where}: not a JSON object")
    kind = kind_of(item) or hint
    if kind == "root":
        bundle.notes.append(f"{where}: an API root document, it holds no records")
    elif kind == "service":
        bundle.services.append(from_oruk(item) if ORUK_KEYS & set(item) else item)
    elif kind == "organization":
        org = {k: v for k, v in item.items() if k != "services"}
        bundle.organizations.append(org)
        for service in item.get("services") or []:
            if isinstance(service, dict) and not service.get("organization"):
                service = {
                    **service,
                    "organization_id": service.get("organization_id", org.get("id")),
                }
            bundle.services.append(service)
    elif kind == "service_at_location":
        service = item.get("service")
        sal = {k: v for k, v in item.items() if k != "service"}
        if isinstance(service, dict):
            service = dict(service)
        else:
            service = {"id": item.get("service_id")}
        service["service_at_locations"] = [*(service.get("service_at_locations") or []), sal]
        bundle.services.append(service)
    elif kind == "location":
        bundle.locations.append(item)
    elif kind == "taxonomy_term":
        bundle.terms.append(item)
    elif kind == "taxonomy":
        bundle.taxonomies.append(item)
    else:
        raise ReadError(f"{where} (id {item.get('id', '?')}): cannot tell which HSDS object it is")


def read_tables(files: dict[str, bytes]) -> Bundle:
    """The tabular form: CSV files by table name (``services``, ``phones``, ...)."""
    tables = {}
    for table, data in files.items():
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ReadError(f"{table}.csv: not UTF-8 ({error})") from error
        rows = []
        for line, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
            try:
                rows.append({k: _typed(k, v) for k, v in row.items() if k and v not in ("", None)})
            except ValueError:
                raise ReadError(f"{table}.csv line {line}: a number column holds text") from None
        tables[table] = rows
    return assemble(tables, "CSV package")


def _typed(column: str, value: str):
    if column in NUMBER_COLUMNS:
        number = float(value)
        return int(number) if number.is_integer() and "." not in value else number
    return value


def assemble(tables: dict[str, list], name: str) -> Bundle:
    """Nest the rows of the tabular form into records (children by their foreign keys)."""
    for table, rows in tables.items():
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise ReadError(f"{name}: table {table} must be a list of rows")
    tables = {table: [dict(r) for r in rows] for table, rows in tables.items()}
    by_id = {table: {r.get("id"): r for r in rows} for table, rows in tables.items()}
    order = ["phones", "contacts", "locations", "service_at_location", "organizations", "services"]
    for parent in order:
        for row in tables.get(parent, []):
            for child, column, key in CHILDREN.get(parent, []):
                found = [c for c in tables.get(child, []) if c.get(column) == row.get("id")]
                if found:
                    row[key] = found
    terms = by_id.get("taxonomy_terms", {})
    for term in tables.get("taxonomy_terms", []):
        if term.get("taxonomy_id") in by_id.get("taxonomies", {}):
            term["taxonomy_detail"] = by_id["taxonomies"][term["taxonomy_id"]]
    for attribute in tables.get("attributes", []):
        if attribute.get("taxonomy_term_id") in terms:
            attribute["taxonomy_term"] = terms[attribute["taxonomy_term_id"]]
    for sal in tables.get("service_at_location", []):
        if sal.get("location_id") in by_id.get("locations", {}):
            sal["location"] = by_id["locations"][sal["location_id"]]
    entities = [
        r
        for t in ("services", "organizations", "locations", "service_at_location")
        for r in tables.get(t, [])
    ]
    for meta in tables.get("metadata", []):
        for row in entities:
            if row.get("id") == meta.get("resource_id"):
                row.setdefault("metadata", []).append(meta)
    for service in tables.get("services", []):
        if service.get("program_id") in by_id.get("programs", {}):
            service["program"] = by_id["programs"][service["program_id"]]
        if service.get("organization_id") in by_id.get("organizations", {}):
            org = by_id["organizations"][service["organization_id"]]
            service["organization"] = {k: v for k, v in org.items() if not isinstance(v, list)}
    bundle = Bundle(
        services=tables.get("services", []),
        organizations=tables.get("organizations", []),
        taxonomies=tables.get("taxonomies", []),
        terms=tables.get("taxonomy_terms", []),
    )
    located = {
        sal.get("location_id")
        for sal in tables.get("service_at_location", [])
        if sal.get("location")
    }
    for org in tables.get("organizations", []):
        located |= {loc.get("id") for loc in org.get("locations") or []}
    bundle.locations = [r for r in tables.get("locations", []) if r.get("id") not in located]
    return bundle
