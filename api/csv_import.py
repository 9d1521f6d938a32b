"""Partners' spreadsheets: one CSV row per listing, turned into HSDS records for the importer.

The rows become HSDS service records and then go through exactly the validation and import
of ``import_hsds`` (all or nothing). Lists inside a cell are separated by ``;``.
"""

import csv
import io
import re

from api import hsds
from api.importer import Importer, ImportReport
from directory.models import TargetGroup

# column: what it holds (the README and the downloadable template list the same)
COLUMNS = {
    "id": "UUID of the listing; leave empty to derive one from organisation and name",
    "kind": "service or project (default service)",
    "name": "name of the service (required)",
    "summary": "what it is and who it is for, at most 300 characters (required)",
    "description": "longer description, paragraphs separated by blank lines",
    "status": "active, temporarily closed or defunct (default active)",
    "action_fields": "action field codes, e.g. sprache;arbeit-ausbildung (at least one)",
    "target_groups": "target group codes, e.g. frauen;jugendliche",
    "languages": "ISO codes of languages spoken by staff, e.g. ar;fa;uk",
    "organization_name": "name of the partner organisation (required)",
    "organization_id": "UUID of the organisation; empty: derived from its name",
    "organization_website": "website of the organisation",
    "organization_email": "e-mail of the organisation",
    "organization_phone": "phone of the organisation",
    "street": "street and number of the place",
    "postcode": "postcode of the place",
    "city": "city (default Magdeburg)",
    "latitude": "latitude, e.g. 52.1316",
    "longitude": "longitude, e.g. 11.6398",
    "wheelchair_accessible": "yes or no",
    "opening_hours": "e.g. MO 09:00-12:00;TH 14:00-18:00",
    "contact_name": "name of a contact person or desk",
    "contact_role": "their role",
    "contact_phone": "their phone",
    "contact_email": "their e-mail",
    "is_free": "yes or no (default yes)",
    "cost_details": "fee or what is free",
    "min_age": "minimum age",
    "max_age": "maximum age",
    "eligibility": "who can come (details)",
    "assured_date": "date the information was last checked (YYYY-MM-DD)",
}
REQUIRED_COLUMNS = ("name", "summary", "organization_name", "action_fields")
HOURS = re.compile(r"^(MO|TU|WE|TH|FR|SA|SU)\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$")
YES, NO = ("yes", "ja", "1", "true", "x"), ("no", "nein", "0", "false", "")


class CsvError(Exception):
    """The CSV cannot be read at all (encoding, header)."""


def template() -> str:
    """The CSV template: the header and one example row."""
    example = {
        "name": "Migrationsberatung",
        "summary": "Beratung für Erwachsene zu Aufenthalt, Arbeit und Wohnen.",
        "action_fields": "soziale-integration-partizipation",
        "languages": "ar;fa",
        "organization_name": "Beispielverein e. V.",
        "street": "Breiter Weg 1",
        "postcode": "39104",
        "opening_hours": "MO 09:00-12:00;TH 14:00-18:00",
        "is_free": "yes",
    }
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS))
    writer.writeheader()
    writer.writerow(example)
    return out.getvalue()


def _split(value: str) -> list[str]:
    return [part.strip() for part in (value or "").split(";") if part.strip()]


def _flag(value: str, default: bool):
    value = (value or "").strip().lower()
    if not value:
        return default
    if value in YES:
        return True
    if value in NO:
        return False
    return None


def _number(value: str):
    value = (value or "").strip().replace(",", ".")
    if not value:
        return None
    try:
        return float(value) if "." in value else int(value)
    except ValueError:
        return value  # left for the validation to name


def _term(service_id, position, slug, code):
    term = {
        "id": hsds.term_id(slug, code),
        "code": code,
        "name": code,
        "description": code,
        "taxonomy": slug,
    }
    return {"id": hsds.row_id(service_id, "attribute-service", position), "taxonomy_term": term}


def row_to_record(row: dict, line: int, problems: list) -> dict:
    """One CSV row as an HSDS service record; syntax problems go to ``problems``."""

    def problem(column, message):
        problems.append(
            hsds.RecordError(line, row.get("id", ""), f"line {line}, {column}", message)
        )

    org_name = (row.get("organization_name") or "").strip()
    org_id = (row.get("organization_id") or "").strip() or hsds.stable_id(
        "csv-organisation", org_name
    )
    name = (row.get("name") or "").strip()
    service_id = (row.get("id") or "").strip() or hsds.stable_id("csv", org_id, name)
    organization = {"id": org_id, "name": org_name, "description": org_name}
    for key in ("website", "email"):
        if row.get(f"organization_{key}"):
            organization[key] = row[f"organization_{key}"].strip()
    if row.get("organization_phone"):
        organization["phones"] = [
            {"id": hsds.stable_id(org_id, "phone", 0), "number": row["organization_phone"].strip()}
        ]
    record = {
        "id": service_id,
        "name": name,
        "description": (row.get("summary") or "").strip(),
        "status": (row.get("status") or "active").strip(),
        "organization": organization,
        "x_kind": (row.get("kind") or "service").strip(),
        "fees_description": (row.get("cost_details") or "").strip(),
        "eligibility_description": (row.get("eligibility") or "").strip(),
        "attributes": [
            _term(service_id, n, slug, code)
            for n, (slug, code) in enumerate(
                [("action-fields", c) for c in _split(row.get("action_fields"))]
                + [("target-groups", c) for c in _split(row.get("target_groups"))]
            )
        ],
        "languages": [
            {"id": hsds.row_id(service_id, "language", n), "code": c}
            for n, c in enumerate(_split(row.get("languages")))
        ],
        "schedules": [],
        "contacts": [],
        "service_at_locations": [],
    }
    paragraphs = [p.strip() for p in (row.get("description") or "").split("\n\n") if p.strip()]
    if paragraphs:
        record["x_description_html"] = "".join(
            "<p>{}</p>".format(p.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
            for p in paragraphs
        )
    for key, column in (("minimum_age", "min_age"), ("maximum_age", "max_age")):
        value = _number(row.get(column))
        if value is not None:
            record[key] = value
    if row.get("assured_date"):
        record["assured_date"] = row["assured_date"].strip()
    is_free = _flag(row.get("is_free"), True)
    if is_free is None:
        problem("is_free", "write yes or no")
    record["cost_options"] = [
        {"id": hsds.row_id(service_id, "cost_option", 0), "amount": 0 if is_free else None}
    ]
    record["cost_options"][0] = {
        k: v for k, v in record["cost_options"][0].items() if v is not None
    }
    for n, entry in enumerate(_split(row.get("opening_hours"))):
        match = HOURS.match(entry.upper())
        if not match:
            problem("opening_hours", f"'{entry[:40]}' is not like 'MO 09:00-12:00'")
            continue
        day, opens, closes = match.groups()
        record["schedules"].append(
            {
                "id": hsds.row_id(service_id, "schedule", n),
                "byday": day,
                "opens_at": opens.zfill(5),
                "closes_at": closes.zfill(5),
            }
        )
    if row.get("contact_name") or row.get("contact_phone") or row.get("contact_email"):
        contact = {
            "id": hsds.row_id(service_id, "contact", 0),
            "name": (row.get("contact_name") or "").strip(),
            "title": (row.get("contact_role") or "").strip(),
        }
        if row.get("contact_email"):
            contact["email"] = row["contact_email"].strip()
        if row.get("contact_phone"):
            contact["phones"] = [
                {"id": hsds.row_id(service_id, "phone", 0), "number": row["contact_phone"].strip()}
            ]
        record["contacts"].append(contact)
    if row.get("street") or row.get("postcode"):
        location_id, sal_id = hsds.location_ids(service_id, 0)
        wheelchair = _flag(row.get("wheelchair_accessible"), False)
        if wheelchair is None:
            problem("wheelchair_accessible", "write yes or no")
        location = {
            "id": location_id,
            "location_type": "physical",
            "addresses": [
                {
                    "id": hsds.stable_id(location_id, "address", 0),
                    "address_1": (row.get("street") or "").strip(),
                    "city": (row.get("city") or "Magdeburg").strip(),
                    "state_province": "",
                    "country": "DE",
                    "address_type": "physical",
                    "postal_code": (row.get("postcode") or "").strip(),
                }
            ],
            "x_wheelchair_accessible": bool(wheelchair),
        }
        for key in ("latitude", "longitude"):
            value = _number(row.get(key))
            if value is not None:
                location[key] = value
        record["service_at_locations"].append({"id": sal_id, "location": location})
    return record


def read_csv(data: bytes) -> tuple[list, list]:
    """(HSDS records, problems) from CSV bytes (UTF-8, comma or semicolon separated)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CsvError("the file must be UTF-8 encoded") from error
    # Only the separator is guessed, from the header line; quoting is the standard one
    # (a header has no quotes, so a sniffed dialect would misread "" inside a field).
    try:
        delimiter = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.DictReader(io.StringIO(text), dialect=csv.excel, delimiter=delimiter)
    header = [h.strip() for h in reader.fieldnames or []]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise CsvError("missing columns: " + ", ".join(missing))
    unknown = [c for c in header if c not in COLUMNS]
    if unknown:
        raise CsvError("unknown columns: " + ", ".join(unknown[:10]))
    reader.fieldnames = header
    records, problems = [], []
    for line, row in enumerate(reader, start=2):
        records.append(row_to_record(row, line, problems))
    return records, problems


def import_csv(
    data: bytes, locale_code: str = hsds.SOURCE_LANGUAGE, dry_run: bool = False, progress=None
):
    """Read, validate and import a CSV (all rows or none); errors name the line.

    ``progress(done, total)`` is called after each row is written."""
    records, problems = read_csv(data)
    known_groups = set(TargetGroup.objects.values_list("code", flat=True))
    for index, record in enumerate(records):
        for code, _name, _description in hsds.term_codes(record, "target-groups"):
            if code not in known_groups:
                problems.append(
                    hsds.RecordError(
                        index + 2,
                        record["id"],
                        f"line {index + 2}, target_groups",
                        f"unknown target group code '{code[:64]}'",
                    )
                )
    if problems:
        return ImportReport(errors=problems, dry_run=dry_run)
    report = Importer(locale_code).run(records, dry_run=dry_run, progress=progress)
    for error in report.errors:
        error.path = f"line {error.index + 2}, {error.path}"
        error.index += 2
    return report
