"""The one mapping between the directory and Open Referral HSDS 3.0, used by API, import, export.

Directory → HSDS: ``service_to_hsds``, ``organization_to_hsds``, ``service_at_location_to_hsds``,
``taxonomy_to_hsds``, ``term_to_hsds``. HSDS → directory: ``validate_records`` (schema and our
rules) and ``record_to_data`` (a normalised dict of model values). The importer compares
``record_to_data(service_to_hsds(page))`` with ``record_to_data(record)``, so "unchanged" means
exactly "would export the same".

Stable ids (all UUIDs):

- service: the listing's ``external_id`` (shared by every translation);
- organization: the organisation page's ``translation_key`` (shared by every translation);
- taxonomy: ``uuid5(NAMESPACE, "taxonomy/<slug>")``; taxonomy term:
  ``uuid5(NAMESPACE, "term/<taxonomy slug>/<code>")``, the same in every database;
- rows without an id of their own (locations, service_at_location, schedules, contacts,
  phones, languages, addresses, attributes, cost options): ``uuid5(NAMESPACE,
  "<service id>/<kind>/<position>")``, the position being the row's sort order.

Extensions (fields HSDS lacks) start with ``x_``; HSDS consumers ignore them.

Lossless: every imported record is kept as sent (:class:`api.models.HsdsRecord`) with what the
site produced for it right after the import. Output (API, export) is :func:`overlay` of the
three: a value comes from the site only where an editor changed it since the import, so every
field the content model has no place for comes back unchanged, nested ids included.
"""

import copy
import datetime
import functools
import json
import re
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from urllib.parse import urlparse

import jsonschema
from babel import Locale as BabelLocale
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import translation
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.html import escape, strip_tags
from django.utils.text import slugify
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from wagtail.models import Locale, Page

from api.models import HsdsRecord
from base.languages import SOURCE_LANGUAGE, cldr_code, is_language_code, language_name
from directory import queries as directory_queries
from directory.models import (
    ActionField,
    ActionFieldMapping,
    District,
    ListingStatus,
    OrganisationKind,
    ResidenceStatus,
    TargetGroup,
)

HSDS_VERSION = "3.0"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "wegweiser:hsds")
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
MAX_SUMMARY = 300

# slug: (model, name, description)
TAXONOMIES = {
    "action-fields": (
        ActionField,
        "Handlungsfelder",
        "The action fields (Handlungsfelder) of the integration network; code = stable code.",
    ),
    "target-groups": (
        TargetGroup,
        "Zielgruppen",
        "Groups of people a service or project is meant for; code = stable code.",
    ),
    "districts": (
        District,
        "Stadtteile",
        "City districts where a service takes place; code = stable code.",
    ),
}

STATUS_TO_HSDS = {
    ListingStatus.ACTIVE: "active",
    ListingStatus.TEMPORARILY_CLOSED: "temporarily closed",
    ListingStatus.ENDED: "defunct",
}
STATUS_FROM_HSDS = {
    "active": ListingStatus.ACTIVE,
    "temporarily closed": ListingStatus.TEMPORARILY_CLOSED,
    "defunct": ListingStatus.ENDED,
    "inactive": ListingStatus.ENDED,
}


def stable_id(*parts) -> str:
    """A UUID derived from ``parts``: the same input gives the same id in every database."""
    return str(uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts)))


def taxonomy_id(slug: str) -> str:
    """The id of one of our taxonomies (``action-fields``, ``target-groups``, ``districts``)."""
    return stable_id("taxonomy", slug)


def term_id(taxonomy: str, code: str) -> str:
    """The id of a taxonomy term, derived from its taxonomy and stable code."""
    return stable_id("term", taxonomy, code)


def row_id(service_id, kind: str, position: int) -> str:
    """The id of a row of a service (location, schedule, contact, ...) by its position."""
    return stable_id(service_id, kind, position)


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def overlay(original, mapped, current):
    """``original`` where the site's value is still what it produced on import (``mapped``),
    else the site's ``current`` value; recursive over objects and same-length arrays."""
    if current == mapped:
        return copy.deepcopy(original) if original is not None else None
    if isinstance(current, dict) and isinstance(mapped, dict) and isinstance(original, dict):
        result = {}
        for key in list(original) + [k for k in current if k not in original]:
            if key in current and key in mapped:
                value = overlay(original.get(key), mapped[key], current[key])
            elif key in current:
                value = current[key]
            elif key in mapped:
                continue  # an editor removed it
            else:
                value = original[key]
            if value is not None:
                result[key] = value
        return result
    if (
        isinstance(current, list)
        and isinstance(mapped, list)
        and isinstance(original, list)
        and len(current) == len(mapped) == len(original)
    ):
        return [overlay(o, m, c) for o, m, c in zip(original, mapped, current, strict=True)]
    return current


def merge_records(stored, incoming):
    """``incoming`` on top of ``stored``: a sparser record never deletes what it leaves out.

    Objects merge key by key; arrays of objects with ids merge by id (items the incoming
    array does not mention stay, after the incoming ones); anything else is replaced.
    """
    if isinstance(stored, dict) and isinstance(incoming, dict):
        result = dict(stored)
        for key, value in incoming.items():
            result[key] = merge_records(stored[key], value) if key in stored else value
        return result
    if isinstance(stored, list) and isinstance(incoming, list):
        ids = [item.get("id") if isinstance(item, dict) else None for item in incoming]
        old = {item.get("id"): item for item in stored if isinstance(item, dict) and item.get("id")}
        if stored and all(ids) and old:
            merged = [
                merge_records(old[i], item) if i in old else item
                for i, item in zip(ids, incoming, strict=True)
            ]
            return merged + [
                item for item in stored if not isinstance(item, dict) or item.get("id") not in ids
            ]
    return incoming


def stored_record(page, kind: str):
    """The kept HSDS record of a page (prefetched by :func:`load_listings` when it can)."""
    cache = page.__dict__.setdefault("_hsds_records", {})
    if kind not in cache:
        cache[kind] = HsdsRecord.objects.filter(kind=kind, page_id=_source_page_id(page)).first()
    return cache[kind]


def prefetch_records(pages, kind: str) -> None:
    """Read the kept records of many pages at once (two queries), for :func:`stored_record`."""
    pages = [p for p in pages if p is not None and kind not in p.__dict__.get("_hsds_records", {})]
    if not pages:
        return
    german = dict(
        Page.objects.filter(
            translation_key__in={p.translation_key for p in pages},
            locale__language_code=SOURCE_LANGUAGE,
        ).values_list("translation_key", "pk")
    )
    records = {
        r.page_id: r for r in HsdsRecord.objects.filter(kind=kind, page_id__in=german.values())
    }
    for page in pages:
        cache = page.__dict__.setdefault("_hsds_records", {})
        cache[kind] = records.get(german.get(page.translation_key))


def _source_page_id(page):
    # Records belong to the German page; translations share its translation key.
    if page.locale.language_code == SOURCE_LANGUAGE:
        return page.pk
    source = (
        type(page)
        .objects.filter(translation_key=page.translation_key, locale__language_code=SOURCE_LANGUAGE)
        .values_list("pk", flat=True)
    )
    return source.first()


# Extension fields holding HTML: always the site's own, sanitised value.
HTML_FIELDS = ("x_description_html",)


def _apply_record(data: dict, page, kind: str, raw: bool, keep=None) -> dict:
    if raw:
        return data
    stored = stored_record(page, kind)
    if stored is None or stored.mapped is None:
        return data
    original, mapped = stored.record, stored.mapped
    if keep is not None:
        original = {k: v for k, v in original.items() if keep(k, v)}
        mapped = {k: v for k, v in mapped.items() if keep(k, v)}
    result = overlay(original, mapped, data)
    for key in HTML_FIELDS:
        # HTML is served as the site cleaned it on import, never as a publisher sent it.
        result.pop(key, None)
        if key in data:
            result[key] = data[key]
    return result


def _drop_empty(data: dict) -> dict:
    """HSDS fields are typed strings or numbers: leave out what we do not know (no nulls)."""
    return {k: v for k, v in data.items() if v is not None and v != ""}


def plain_text(html: str) -> str:
    """Rich text as plain text, paragraphs on separate lines."""
    text = re.sub(r"</(p|h2|h3|li)>", "\n", html or "")
    return "\n".join(line.strip() for line in strip_tags(text).splitlines() if line.strip())


@dataclass
class Catalog:
    """Names of taxonomy terms in one language (German where untranslated), by code."""

    language: str
    names: dict

    @classmethod
    def load(cls, locale: Locale | None = None) -> "Catalog":
        """Read every term of every taxonomy: two queries per taxonomy at most."""
        locale = locale or Locale.objects.get(language_code=SOURCE_LANGUAGE)
        names = {}
        for slug, (model, _name, _description) in TAXONOMIES.items():
            for lang_locale in (SOURCE_LANGUAGE, locale.language_code):
                for code, name, description, order in model.objects.filter(
                    locale__language_code=lang_locale
                ).values_list("code", "name", "description", "sort_order"):
                    names[(slug, code)] = (name, description, order)
        return cls(locale.language_code, names)

    def terms(self, slug: str | None = None) -> list[tuple[str, str]]:
        """(taxonomy slug, code) of every term, in taxonomy and sort order."""
        keys = [key for key in self.names if slug is None or key[0] == slug]
        order = list(TAXONOMIES)
        return sorted(keys, key=lambda k: (order.index(k[0]), self.names[k][2], k[1]))

    def by_id(self) -> dict[str, tuple[str, str]]:
        """(taxonomy slug, code) by term id."""
        return {term_id(*key): key for key in self.names}


def taxonomy_to_hsds(slug: str) -> dict:
    """One of our taxonomies as an HSDS taxonomy."""
    _model, name, description = TAXONOMIES[slug]
    return {
        "id": taxonomy_id(slug),
        "name": name,
        "description": description,
        "version": "1",
        "x_slug": slug,
    }


def term_to_hsds(slug: str, code: str, catalog: Catalog) -> dict:
    """A taxonomy term; ``code`` is the stable code that filters use (e.g. ``sprache``)."""
    name, description, order = catalog.names.get((slug, code), (code, "", 0))
    return {
        "id": term_id(slug, code),
        "code": code,
        "name": name,
        "description": description or name,
        "taxonomy": slug,
        "taxonomy_id": taxonomy_id(slug),
        "taxonomy_detail": taxonomy_to_hsds(slug),
        "language": catalog.language,
        "x_sort_order": order,
    }


def _attribute(service_id, position, link_id, link_entity, slug, code, catalog) -> dict:
    term = term_to_hsds(slug, code, catalog)
    return {
        "id": row_id(service_id, f"attribute-{link_entity}", position),
        "link_id": str(link_id),
        "link_type": slug,
        "link_entity": link_entity,
        "taxonomy_term_id": term["id"],
        "taxonomy_term": term,
    }


def _address(location_id, street, postcode, city) -> dict:
    return {
        "id": stable_id(location_id, "address", 0),
        "location_id": location_id,
        "address_1": street,
        "city": city,
        "state_province": settings.WEGWEISER_HSDS_STATE_PROVINCE,
        "postal_code": postcode,
        "country": settings.WEGWEISER_HSDS_COUNTRY,
        "address_type": "physical",
    }


def organization_to_hsds(org, services=None, raw=False) -> dict:
    """An organisation page as an HSDS organization (with ``services`` when given)."""
    org_id = str(org.translation_key)
    data = {
        "id": org_id,
        "name": org.title,
        "description": plain_text(org.description) or org.title,
        "email": org.email,
        "website": org.website,
        "uri": org.full_url,
        "x_slug": org.slug,
        "x_kind": org.kind,
        "x_description_html": org.description,
        "phones": [
            {"id": stable_id(org_id, "phone", 0), "organization_id": org_id, "number": org.phone}
        ]
        if org.phone
        else [],
        "locations": [],
    }
    if org.street:
        location_id = stable_id(org_id, "location", 0)
        data["locations"] = [
            {
                "id": location_id,
                "location_type": "physical",
                "organization_id": org_id,
                "addresses": [_address(location_id, org.street, org.postcode, org.city)],
            }
        ]
    data = _apply_record(_drop_empty(data), org, "organization", raw)
    data.pop("services", None)
    if services is not None:
        data["services"] = services
    return data


def location_ids(service_id, position: int) -> tuple[str, str]:
    """(location id, service_at_location id) of a listing's location at ``position``."""
    return row_id(service_id, "location", position), row_id(
        service_id, "service_at_location", position
    )


def location_to_hsds(service_id, position, location, catalog) -> dict:
    """A listing's location as an HSDS location with its address."""
    location_id, _sal_id = location_ids(service_id, position)
    if location.latitude is None or location.longitude is None:
        coordinates = (None, None)
    else:
        coordinates = (float(location.latitude), float(location.longitude))
    data = {
        "id": location_id,
        "location_type": "physical",
        "name": location.name,
        "transportation": location.access_notes,
        "latitude": coordinates[0],
        "longitude": coordinates[1],
        "addresses": [_address(location_id, location.street, location.postcode, location.city)],
        "attributes": [],
        "x_wheelchair_accessible": location.wheelchair_accessible,
    }
    if location.district_id:
        data["attributes"].append(
            _attribute(
                service_id,
                position,
                location_id,
                "location",
                "districts",
                location.district.code,
                catalog,
            )
        )
    return _drop_empty(data)


def service_at_location_to_hsds(listing, position, location, catalog, full=False) -> dict:
    """A listing at one of its locations; ``full`` nests the whole service."""
    service = service_to_hsds(listing, catalog)
    items = service.get("service_at_locations") or []
    if stored_record(listing, "service") is not None and position < len(items):
        data = dict(items[position])
    else:
        data = _sal_from_model(str(listing.external_id), position, location, catalog)
    if full:
        data["service"] = {k: v for k, v in service.items() if k != "service_at_locations"}
    return data


def _sal_from_model(service_id, position, location, catalog) -> dict:
    location_id, sal_id = location_ids(service_id, position)
    return {
        "id": sal_id,
        "service_id": service_id,
        "location_id": location_id,
        "location": location_to_hsds(service_id, position, location, catalog),
    }


def service_at_location_by_id(listing, sal_id: str, catalog) -> dict | None:
    """A kept service_at_location of a listing by its own id, with the service nested."""
    service = service_to_hsds(listing, catalog)
    for item in service.get("service_at_locations") or []:
        if str(item.get("id")) == sal_id:
            data = dict(item)
            data["service"] = {k: v for k, v in service.items() if k != "service_at_locations"}
            return data
    return None


def sorted_rows(manager):
    """A listing's child rows (prefetched) in their editor order."""
    return sorted(manager.all(), key=lambda row: (row.sort_order or 0, row.pk or 0))


def service_to_hsds(listing, catalog, full=True, raw=False, organisations=None) -> dict:
    """A listing as an HSDS service. ``full=False`` gives the list shape (one-to-one fields).

    ``raw`` leaves out the kept imported record (see :func:`overlay`). ``organisations``, a
    dict, keeps each organisation's HSDS form by page id for the next listing of a batch."""
    service_id = str(listing.external_id)
    org = listing.organisation
    project = getattr(listing, "_project", None)
    data = {
        "id": service_id,
        "organization_id": str(org.translation_key) if org else None,
        "name": listing.title,
        "description": listing.summary,
        "url": listing.full_url,
        "status": STATUS_TO_HSDS[listing.status],
        "alert": listing.status_note,
        "interpretation_services": "on request" if listing.interpreters_on_request else None,
        "fees_description": listing.cost_details,
        "eligibility_description": listing.eligibility_notes,
        "minimum_age": listing.min_age,
        "maximum_age": listing.max_age,
        "assured_date": _iso(listing.last_reviewed),
        "last_modified": _iso(listing.last_published_at),
        "x_kind": "project" if project else "service",
        "x_description_html": listing.description,
        "x_interpreters_on_request": listing.interpreters_on_request,
        "x_appointment_required": listing.appointment_required,
        "x_by_appointment": listing.by_appointment,
        "x_phone_counselling": listing.phone_counselling,
        "x_online_counselling": listing.online_counselling,
        "x_residence_status": listing.residence_status,
        "x_women_only": listing.women_only,
        "x_other_hours": listing.other_hours,
        "x_language": catalog.language,
    }
    if project:
        data.update(
            x_start_date=_iso(project.start_date),
            x_end_date=_iso(project.end_date),
            x_funding_body=project.funding_body,
        )
    if org:
        if organisations is None:
            data["organization"] = organization_to_hsds(org)
        else:
            if org.pk not in organisations:
                organisations[org.pk] = organization_to_hsds(org)
            data["organization"] = copy.deepcopy(organisations[org.pk])
    if not full:
        return _apply_record(
            _drop_empty(data), listing, "service", raw, keep=lambda _k, v: not isinstance(v, list)
        )

    contacts, phones = [], []
    for n, contact in enumerate(sorted_rows(listing.contacts)):
        contact_id = row_id(service_id, "contact", n)
        contact_phones = []
        if contact.phone:
            contact_phones.append(
                {
                    "id": row_id(service_id, "phone", n),
                    "service_id": service_id,
                    "contact_id": contact_id,
                    "number": contact.phone,
                }
            )
        phones += contact_phones
        contacts.append(
            _drop_empty(
                {
                    "id": contact_id,
                    "service_id": service_id,
                    "name": contact.name,
                    "title": contact.role,
                    "email": contact.email,
                    "phones": contact_phones,
                }
            )
        )
    attributes = []
    for link in sorted_rows(listing.action_field_links):
        attributes.append(("action-fields", link.action_field.code))
    for link in sorted_rows(listing.target_group_links):
        attributes.append(("target-groups", link.target_group.code))
    data.update(
        phones=phones,
        contacts=contacts,
        schedules=[
            _drop_empty(
                {
                    "id": row_id(service_id, "schedule", n),
                    "service_id": service_id,
                    "freq": "WEEKLY",
                    "wkst": "MO",
                    "byday": WEEKDAYS[hours.weekday],
                    "opens_at": hours.opens.strftime("%H:%M"),
                    "closes_at": hours.closes.strftime("%H:%M"),
                    "description": hours.note,
                }
            )
            for n, hours in enumerate(sorted_rows(listing.opening_hours))
        ],
        languages=[
            _drop_empty(
                {
                    "id": row_id(service_id, "language", n),
                    "service_id": service_id,
                    "name": _language_name(row.language, catalog.language),
                    "code": row.language,
                    "note": row.note,
                }
            )
            for n, row in enumerate(sorted_rows(listing.spoken_languages))
        ],
        attributes=[
            _attribute(service_id, n, service_id, "service", slug, code, catalog)
            for n, (slug, code) in enumerate(attributes)
        ],
        cost_options=[
            _drop_empty(
                {
                    "id": row_id(service_id, "cost_option", 0),
                    "service_id": service_id,
                    "option": "free" if listing.is_free else "fee",
                    "currency": "EUR",
                    "amount": 0 if listing.is_free else None,
                    "amount_description": listing.cost_details,
                }
            )
        ],
        service_at_locations=[
            _sal_from_model(str(listing.external_id), n, location, catalog)
            for n, location in enumerate(sorted_rows(listing.locations))
        ],
        x_keywords=sorted(tag.name for tag in listing.keywords.all()),
        x_closures=[
            _drop_empty(
                {
                    "start_date": _iso(c.start_date),
                    "end_date": _iso(c.end_date),
                    "reason": c.reason,
                }
            )
            for c in sorted_rows(listing.closures)
        ],
    )
    if project and project.funding_body:
        data["funding"] = [
            {
                "id": row_id(service_id, "funding", 0),
                "service_id": service_id,
                "source": project.funding_body,
            }
        ]
    return _apply_record(_drop_empty(data), listing, "service", raw)


def _language_name(code: str, content_language: str) -> str:
    """A spoken language's name in the content language (not the request's interface one)."""
    with translation.override(content_language):
        return language_name(code)


def minimal_service(listing) -> dict:
    """The ``minimal`` shape: id, name, status and last_modified."""
    return _drop_empty(
        {
            "id": str(listing.external_id),
            "name": listing.title,
            "status": STATUS_TO_HSDS[listing.status],
            "last_modified": _iso(listing.last_published_at),
        }
    )


# --- HSDS → directory -------------------------------------------------------------------


@dataclass
class RecordError:
    """A problem with one record of an import file."""

    index: int
    record_id: str
    path: str
    message: str

    def __str__(self):
        where = self.path if self.path.startswith("line ") else f"record {self.index}, {self.path}"
        return f"{where} (id {self.record_id or '?'}): {self.message}"


def is_uuid(value) -> bool:
    """Whether ``value`` is a string holding a UUID."""
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return isinstance(value, str)


def _time(value):
    if not isinstance(value, str) or not re.fullmatch(r"\d{2}:\d{2}(:\d{2})?", value):
        return None
    try:
        return datetime.time.fromisoformat(value)
    except ValueError:
        return None


def _coordinate(value, limit):
    if value is None:
        return None
    try:
        number = Decimal(str(value)).quantize(Decimal("0.000001"))
    except (InvalidOperation, ValueError):
        return "invalid"
    return number if -limit <= number <= limit else "invalid"


def schema_validator(name: str):
    """A validator for the official HSDS schema ``name`` (e.g. ``service``), formats checked.

    None when the schemas are not configured or not there (``HSDS_SCHEMA_DIR``): the import
    then checks the project's own rules only. The schemas refer to each other by file name
    (``taxonomy.json``), so every file goes into one registry.
    """
    directory = settings.HSDS_SCHEMA_DIR
    if directory is None or not (directory / f"{name}.json").exists():
        return None
    resources = []
    for path in sorted(directory.glob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resource = Resource.from_contents(contents, default_specification=DRAFT202012)
        resources.append((path.name, resource))
    registry = Registry().with_resources(resources)
    schema = json.loads((directory / f"{name}.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    return cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)


def term_codes(record, slug) -> list[tuple[str, str, str]]:
    """(code, name, description) of the record's attributes in taxonomy ``slug``."""
    found = []
    for attribute in record.get("attributes") or []:
        term = attribute.get("taxonomy_term") or {}
        taxonomy = term.get("taxonomy") or (term.get("taxonomy_detail") or {}).get("x_slug")
        if taxonomy == slug or term.get("taxonomy_id") == taxonomy_id(slug):
            found.append(
                (term.get("code") or "", term.get("name") or "", term.get("description") or "")
            )
    return found


def foreign_term_keys(record) -> list[set[str]]:
    """For each attribute of a taxonomy not ours: its term's code, name and id, casefolded
    (what an :class:`~directory.models.ActionFieldMapping` matches)."""
    ours = {taxonomy_id(slug) for slug in TAXONOMIES}
    found = []
    for attribute in record.get("attributes") or []:
        term = (attribute.get("taxonomy_term") if isinstance(attribute, dict) else None) or {}
        if not isinstance(term, dict):
            continue
        taxonomy = term.get("taxonomy") or (term.get("taxonomy_detail") or {}).get("x_slug")
        if taxonomy in TAXONOMIES or str(term.get("taxonomy_id") or "").lower() in ours:
            continue
        keys = {str(term.get(k) or "").strip().casefold() for k in ("code", "name", "id")}
        found.append(keys - {""})
    return found


def action_field_mapping() -> dict[str, str]:
    """Foreign term (casefolded) → action field code, from the coordinators' mappings."""
    return {
        term.casefold(): code
        for term, code in ActionFieldMapping.objects.values_list(
            "foreign_term", "action_field__code"
        )
    }


def action_field_codes(record, mapping=None) -> list[str]:
    """The action field codes of a service: its own attributes, then what the mapping gives
    its foreign terms."""
    codes = [code for code, _n, _d in term_codes(record, "action-fields")]
    for keys in foreign_term_keys(record) if mapping else ():
        for key in sorted(keys):
            code = mapping.get(key)
            if code and code not in codes:
                codes.append(code)
    return codes


def byday_weekdays(value) -> list[int] | None:
    """Weekday numbers of a plain ``byday`` list ("TH,FR"); None when it has ordinals ("1MO")."""
    days = [part.strip().upper() for part in str(value or "").split(",") if part.strip()]
    if not days or any(day not in WEEKDAYS for day in days):
        return None
    return [WEEKDAYS.index(day) for day in days]


def _byday_valid(value) -> bool:
    parts = [part.strip().upper() for part in str(value).split(",")]
    return all(
        re.fullmatch(r"[+-]?([1-9]|[1-4][0-9]|5[0-3])?(MO|TU|WE|TH|FR|SA|SU)", p) for p in parts
    )


def schedule_fits(schedule: dict) -> bool:
    """Whether a schedule is plain weekly hours the weekly table can show as they are."""
    if str(schedule.get("freq") or "WEEKLY").upper() != "WEEKLY":
        return False
    if schedule.get("interval") not in (None, 1, "1"):
        return False
    if any(schedule.get(key) for key in ("bymonthday", "byweekno", "byyearday", "count")):
        return False
    if any(schedule.get(key) for key in ("valid_to", "until")):
        return False  # temporary hours; the table shows ongoing ones
    opens, closes = _time(schedule.get("opens_at")), _time(schedule.get("closes_at"))
    return bool(byday_weekdays(schedule.get("byday"))) and opens and closes and opens < closes


def validate_records(
    records, known_action_fields: set[str], warnings: list | None = None
) -> list[RecordError]:
    """Every problem of every record: HSDS schema first, then the directory's own rules.

    What the site cannot use but the standard allows (coordinates out of range, a location
    without a street address, a language nobody has a name for) goes into ``warnings``: it
    is kept with the record and never stops an import.
    """
    warnings = [] if warnings is None else warnings
    errors = []
    validator = schema_validator("service")
    seen = {}
    for index, record in enumerate(records):
        if not isinstance(record, dict):
            errors.append(RecordError(index, "", "$", "a service must be a JSON object"))
            continue
        rid = str(record.get("id", ""))[:64]

        def err(path, message, index=index, rid=rid):
            errors.append(RecordError(index, rid, path, message))

        def warn(path, message, index=index, rid=rid):
            warnings.append(RecordError(index, rid, path, message))

        if validator is not None:
            for problem in sorted(validator.iter_errors(record), key=lambda e: list(e.path)):
                path = "$" + "".join(
                    f"[{p}]" if isinstance(p, int) else f".{p}" for p in problem.absolute_path
                )
                err(path, problem.message[:300])
        if not is_uuid(record.get("id")):
            err("$.id", "id must be a UUID")
        elif rid in seen:
            err("$.id", f"the same id as record {seen[rid]}")
        else:
            seen[rid] = index
        name = record.get("name")
        if not isinstance(name, str) or not name.strip():
            err("$.name", "name is required")
        elif len(name) > 255:
            err("$.name", "name is longer than 255 characters")
        summary = record.get("description")
        if summary is not None and not isinstance(summary, str):
            err("$.description", "description must be text")
        elif isinstance(summary, str) and len(summary) > MAX_SUMMARY:
            warn("$.description", f"longer than {MAX_SUMMARY} characters: the summary is cut")
        if record.get("status") not in STATUS_FROM_HSDS:
            err("$.status", f"status must be one of {', '.join(STATUS_FROM_HSDS)}")
        org = record.get("organization")
        if org is None:
            if record.get("organization_id") is not None and not is_uuid(
                record.get("organization_id")
            ):
                err("$.organization_id", "organization_id must be a UUID")
        elif not isinstance(org, dict):
            err("$.organization", "organization must be an object with id and name")
        else:
            if not is_uuid(org.get("id")):
                err("$.organization.id", "organization id must be a UUID")
            if not isinstance(org.get("name"), str) or not org.get("name", "").strip():
                err("$.organization.name", "organization name is required")
            if org.get("x_kind") and org["x_kind"] not in OrganisationKind.values:
                err("$.organization.x_kind", "unknown kind of organisation")
        action_fields = term_codes(record, "action-fields")
        for code, _name, _description in action_fields:
            if code not in known_action_fields:
                err("$.attributes", f"unknown action field code '{code[:64]}'")
        for slug in ("target-groups",):
            for code, name, _description in term_codes(record, slug):
                if not re.fullmatch(r"[-a-z0-9_]{1,64}", code) or not name:
                    err("$.attributes", f"a {slug} term needs a slug code and a name")
        for key, low, high in (("minimum_age", 0, 120), ("maximum_age", 0, 120)):
            value = record.get(key)
            if value is not None and (
                not isinstance(value, int | float) or not low <= value <= high
            ):
                err(f"$.{key}", f"{key} must be a number from {low} to {high}")
        if isinstance(record.get("minimum_age"), int | float) and isinstance(
            record.get("maximum_age"), int | float
        ):
            if record["minimum_age"] > record["maximum_age"]:
                err("$.maximum_age", "maximum_age is below minimum_age")
        if record.get("assured_date") and not parse_date(str(record["assured_date"])):
            err("$.assured_date", "assured_date must be a date (YYYY-MM-DD)")
        if record.get("last_modified") and not parse_datetime(str(record["last_modified"])):
            err("$.last_modified", "last_modified must be a date-time")
        if record.get("x_residence_status", "any") not in ResidenceStatus.values:
            err("$.x_residence_status", "unknown residence status")
        for n, schedule in enumerate(record.get("schedules") or []):
            path = f"$.schedules[{n}]"
            if not isinstance(schedule, dict):
                err(path, "a schedule must be an object")
                continue
            if schedule.get("byday") and not _byday_valid(schedule["byday"]):
                err(f"{path}.byday", "byday must list weekdays (MO, TU, ... SU), e.g. TH,FR")
            for key in ("opens_at", "closes_at"):
                if schedule.get(key) is not None and _time(schedule[key]) is None:
                    err(f"{path}.{key}", f"{key} must be a time (HH:MM)")
            if schedule.get("byday") and not schedule_fits(schedule):
                warn(path, "not plain weekly hours: kept, its description is shown")
        for n, language in enumerate(record.get("languages") or []):
            path = f"$.languages[{n}]"
            if not isinstance(language, dict) or not (language.get("code") or language.get("name")):
                err(path, "a language needs a code or a name")
            elif language.get("code") and not is_language_code(language["code"]):
                err(f"{path}.code", "code must be an ISO 639-1, -2 or -3 language code")
            elif spoken_code(language) is None:
                warn(path, "no name known for this language: kept, not shown")
        for n, contact in enumerate(record.get("contacts") or []):
            if not isinstance(contact, dict) or not contact.get("name"):
                err(f"$.contacts[{n}].name", "a contact needs a name")
            elif contact.get("email"):
                try:
                    validate_email(contact["email"])
                except ValidationError:
                    err(f"$.contacts[{n}].email", "invalid e-mail address")
        for n, sal in enumerate(record.get("service_at_locations") or []):
            path = f"$.service_at_locations[{n}].location"
            location = (sal or {}).get("location") if isinstance(sal, dict) else None
            if not isinstance(location, dict):
                err(path, "a service_at_location needs a location")
                continue
            if _street_address(location) is None:
                warn(f"{path}.addresses", "no street address and postcode: kept, not shown")
            for key, limit in (("latitude", 90), ("longitude", 180)):
                if _coordinate(location.get(key), limit) == "invalid":
                    warn(f"{path}.{key}", f"not from -{limit} to {limit}: kept, not shown")
            if (location.get("latitude") is None) != (location.get("longitude") is None):
                warn(path, "only one of latitude and longitude: kept, not shown")
        for key in ("x_start_date", "x_end_date"):
            if record.get(key) and not parse_date(str(record[key])):
                err(f"$.{key}", f"{key} must be a date (YYYY-MM-DD)")
        for n, closure in enumerate(record.get("x_closures") or []):
            if not isinstance(closure, dict) or not parse_date(str(closure.get("start_date"))):
                err(f"$.x_closures[{n}].start_date", "a closure needs a start_date")
    return errors


def slug_from(record) -> str:
    """The page slug: the last segment of ``url`` when it is a slug, else the name slugified."""
    url = record.get("url") or ""
    last = urlparse(url).path.rstrip("/").rsplit("/", 1)[-1] if url else ""
    if last and re.fullmatch(r"[-a-z0-9_]+", last):
        return last
    return slugify(record.get("name", ""))[:255] or "angebot"


def _html(record, plain_key="description") -> str:
    html = record.get("x_description_html")
    if isinstance(html, str):
        return html
    text = record.get(plain_key) or ""
    return "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())


def _street_address(location: dict) -> dict | None:
    """The first address of a location the site can show (street and postcode), or None."""
    for address in location.get("addresses") or []:
        if (
            isinstance(address, dict)
            and address.get("address_1")
            and address.get("postal_code")
            and len(str(address["postal_code"])) <= 10
            and len(str(address["address_1"])) <= 200
        ):
            return address
    return None


def spoken_code(language: dict) -> str | None:
    """The code under which the site shows a spoken language: from its ISO 639 code, or
    from its English or German name when it has none; None when nobody knows it."""
    code = language.get("code")
    if code:
        return cldr_code(code) if is_language_code(code) else None
    name = str(language.get("name") or "").strip().casefold()
    return _codes_by_name().get(name)


@functools.cache
def _codes_by_name() -> dict:
    found = {}
    for where in ("de", "en"):
        for code, name in BabelLocale.parse(where).languages.items():
            if "_" not in code:
                found.setdefault(name.casefold(), code)
    return found


def _coordinates(location: dict):
    lat = _coordinate(location.get("latitude"), 90)
    lon = _coordinate(location.get("longitude"), 180)
    if lat in (None, "invalid") or lon in (None, "invalid"):
        return None, None
    return lat, lon


def _summary(record) -> str:
    text = " ".join(str(record.get("description") or record.get("name") or "").split())
    if len(text) <= MAX_SUMMARY:
        return text
    return text[: MAX_SUMMARY - 1].rsplit(" ", 1)[0] + "…"


def organization_data(org: dict) -> dict:
    """Model values of an HSDS organization (for ``OrganisationPage``)."""
    address = {}
    for location in org.get("locations") or []:
        for item in location.get("addresses") or []:
            address = item
            break
        if address:
            break
    if org.get("x_reference_only"):
        return {"id": org["id"], "reference_only": True}
    phones = org.get("phones") or []
    html = org.get("x_description_html")
    if not isinstance(html, str):
        plain = org.get("description") or ""
        html = "" if plain == org.get("name") else _html({"description": plain})
    return {
        "id": org["id"],
        "slug": org.get("x_slug") or slugify(org["name"])[:255] or "partner",
        "title": org["name"][:255],
        "kind": org.get("x_kind") or OrganisationKind.OTHER,
        "description": html,
        "email": _email(org.get("email")),
        "website": str(org.get("website") or "")[:200],
        "phone": str(phones[0].get("number", "") if phones else "")[:50],
        "street": str(address.get("address_1") or "")[:200],
        "postcode": str(address.get("postal_code") or "")[:10],
        "city": address.get("city") or ("Magdeburg" if not address else ""),
    }


def _email(value) -> str:
    try:
        validate_email(value or "")
    except ValidationError:
        return ""
    return value


def record_to_data(record: dict, mapping: dict | None = None) -> dict:
    """Model values of a valid HSDS service record, normalised for comparison and writing;
    ``mapping`` (:func:`action_field_mapping`) turns foreign terms into action fields."""
    cost_options = record.get("cost_options") or []
    is_free = not cost_options or any(o.get("amount") == 0 for o in cost_options)
    description = record.get("description") or ""
    long_text = len(description) > MAX_SUMMARY and "x_description_html" not in record
    schedules = [s for s in record.get("schedules") or [] if isinstance(s, dict)]
    other_hours = record.get("x_other_hours")
    if other_hours is None:
        other_hours = "\n".join(
            str(s.get("description") or "").strip()
            for s in schedules
            if not schedule_fits(s) and str(s.get("description") or "").strip()
        )
    fields = {
        "title": record["name"][:255],
        "summary": _summary(record),
        "description": _html(record, plain_key="description" if long_text else "_none"),
        "interpreters_on_request": bool(
            record.get("x_interpreters_on_request", bool(record.get("interpretation_services")))
        ),
        "is_free": is_free,
        "cost_details": str(record.get("fees_description") or "")[:255],
        "appointment_required": bool(record.get("x_appointment_required", False)),
        "by_appointment": bool(record.get("x_by_appointment", False)),
        "phone_counselling": bool(record.get("x_phone_counselling", False)),
        "online_counselling": bool(record.get("x_online_counselling", False)),
        "min_age": int(record["minimum_age"]) if record.get("minimum_age") is not None else None,
        "max_age": int(record["maximum_age"]) if record.get("maximum_age") is not None else None,
        "residence_status": record.get("x_residence_status") or ResidenceStatus.ANY,
        "women_only": bool(record.get("x_women_only", False)),
        "eligibility_notes": record.get("eligibility_description") or "",
        "status": STATUS_FROM_HSDS[record["status"]],
        "status_note": str(record.get("alert") or "")[:255],
        "other_hours": other_hours,
    }
    if record.get("assured_date"):
        fields["last_reviewed"] = parse_date(record["assured_date"])
    kind = "project" if record.get("x_kind") == "project" else "service"
    if kind == "project":
        fields["start_date"] = parse_date(record.get("x_start_date") or "")
        fields["end_date"] = parse_date(record.get("x_end_date") or "")
        funding = record.get("funding") or []
        fields["funding_body"] = record.get("x_funding_body") or (
            funding[0].get("source", "") if funding else ""
        )
    phones_by_contact = {
        p.get("contact_id"): p.get("number", "") for p in record.get("phones") or []
    }
    contacts = []
    for contact in record.get("contacts") or []:
        phones = contact.get("phones") or []
        phone = (
            phones[0].get("number", "") if phones else phones_by_contact.get(contact.get("id"), "")
        )
        if not contact.get("name"):
            continue  # HSDS allows a contact without a name; the site lists names
        contacts.append(
            {
                "name": str(contact["name"])[:200],
                "role": str(contact.get("title") or "")[:200],
                "phone": str(phone or "")[:50],
                "email": _email(contact.get("email")),
            }
        )
    locations = []
    for sal in record.get("service_at_locations") or []:
        location = sal.get("location") or {}
        address = _street_address(location)
        if address is None:
            continue
        districts = [
            ((a.get("taxonomy_term") or {}).get("code"), (a.get("taxonomy_term") or {}).get("name"))
            for a in location.get("attributes") or []
            if (a.get("taxonomy_term") or {}).get("taxonomy") == "districts"
        ]
        lat, lon = _coordinates(location)
        locations.append(
            {
                "name": str(location.get("name") or "")[:200],
                "street": str(address["address_1"]),
                "postcode": str(address["postal_code"]),
                "city": str(address.get("city") or "")[:100],
                "district": districts[0] if districts else None,
                "latitude": lat,
                "longitude": lon,
                "wheelchair_accessible": bool(location.get("x_wheelchair_accessible", False)),
                "access_notes": str(location.get("transportation") or "")[:255],
            }
        )
    org = record.get("organization")
    if not isinstance(org, dict) and record.get("organization_id"):
        org = {"id": record["organization_id"], "x_reference_only": True}
    languages = []
    for row in record.get("languages") or []:
        code = spoken_code(row)
        if code and code not in [item["language"] for item in languages]:
            languages.append({"language": code, "note": str(row.get("note") or "")[:200]})
    return {
        "id": str(uuid.UUID(record["id"])),
        "kind": kind,
        "slug": slug_from(record),
        "organization": organization_data(org) if isinstance(org, dict) else None,
        "fields": fields,
        "last_modified": parse_datetime(record["last_modified"])
        if record.get("last_modified")
        else None,
        "keywords": sorted(set(record.get("x_keywords") or [])),
        "action_fields": action_field_codes(record, mapping),
        "target_groups": term_codes(record, "target-groups"),
        "languages": languages,
        "locations": locations,
        "opening_hours": [
            {
                "weekday": weekday,
                "opens": _time(s["opens_at"]),
                "closes": _time(s["closes_at"]),
                "note": str(s.get("description") or "")[:200],
            }
            for s in schedules
            if schedule_fits(s)
            for weekday in byday_weekdays(s["byday"])
        ],
        "closures": [
            {
                "start_date": parse_date(c["start_date"]),
                "end_date": parse_date(c.get("end_date") or ""),
                "reason": c.get("reason") or "",
            }
            for c in record.get("x_closures") or []
        ],
        "contacts": contacts,
    }


def comparable(data: dict) -> dict:
    """``record_to_data`` output without what an import does not compare (modification time)."""
    return {key: value for key, value in data.items() if key != "last_modified"}


def load_listings(ids) -> list:
    """Listings by id in the given order with everything the HSDS mapping reads."""
    listings = directory_queries.load_listings(ids, detail=True)
    prefetch_records(listings, "service")
    prefetch_records([listing.organisation for listing in listings], "organization")
    return listings
