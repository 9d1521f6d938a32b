"""Write HSDS services into the page tree: validate all, then upsert all in one transaction.

Used by ``import_hsds``, ``import_csv`` and the admin's CSV upload. Records are mapped by
:mod:`api.hsds` only; this module decides what to create, update or leave alone.
"""

import copy
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db.models.signals import post_save
from django.utils import timezone, translation
from django.utils.translation import gettext
from taggit.models import Tag
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import create_aliases_for_new_page

from api import hsds
from api.models import HsdsRecord
from api.reader import Bundle, ReadError, read_source
from base.bulk_pages import (
    add_aliases,
    append_children,
    index_references,
    insert_rows,
    publish_new,
    set_published,
)
from base.content_cache import content_changed
from directory.models import (
    ActionField,
    DirectoryIndexPage,
    District,
    ListingActionField,
    ListingContact,
    ListingLanguage,
    ListingLocation,
    ListingPage,
    ListingTag,
    ListingTargetGroup,
    OpeningHours,
    OrganisationPage,
    ProjectPage,
    ServicePage,
    TargetGroup,
)
from directory.models.listings import Closure
from search.bulk import bulk_writes

# Text fields a translation may change; every other value is synchronised from German.
TRANSLATED_FIELDS = (
    "title",
    "summary",
    "description",
    "cost_details",
    "eligibility_notes",
    "status_note",
)
TRANSLATED_ROWS = {
    "locations": ("name", "city", "access_notes"),
    "opening_hours": ("note",),
    "closures": ("reason",),
    "contacts": ("name", "role"),
    "spoken_languages": ("note",),
}
# New listings inserted together (each group a few statements per table).
NEW_PAGES_AT_ONCE = 500
ROW_MODELS = {
    "locations": ListingLocation,
    "opening_hours": OpeningHours,
    "closures": Closure,
    "contacts": ListingContact,
    "spoken_languages": ListingLanguage,
}


class ImportFileError(Exception):
    """The file cannot be read as HSDS services at all (not JSON, wrong shape)."""


@dataclass
class ImportReport:
    """What an import did (or, for a dry run or invalid file, would do)."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    organisations_created: int = 0
    organisations_updated: int = 0
    records_created: int = 0
    records_updated: int = 0
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        """One line for the command's output."""
        return (
            f"services: {self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged; organisations: {self.organisations_created} created, "
            f"{self.organisations_updated} updated; other records: {self.records_created} "
            f"created, {self.records_updated} updated; {len(self.warnings)} warning(s)"
        )


def read_records(path) -> list:
    """The service records of a file: a JSON array or an HSDS page wrapper with ``contents``."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ImportFileError(f"cannot read {path}: {error}") from error
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        data = data["contents"]
    if not isinstance(data, list):
        raise ImportFileError("the file must hold a JSON array of services or a page wrapper")
    return data


def read_bundle(path) -> Bundle:
    """Every HSDS record of a file, folder or zip, in any form (see :mod:`api.reader`)."""
    try:
        return read_source(path)
    except ReadError as error:
        raise ImportFileError(str(error)) from error


def _german() -> Locale:
    return Locale.objects.get(language_code=hsds.SOURCE_LANGUAGE)


def current_data(listing_ids, catalog, mapping=None, produced=None) -> dict:
    """What each listing would export, normalised like an incoming record, by external id.

    Loaded in chunks with everything prefetched, so comparing a whole file costs a few
    queries per chunk rather than per listing. ``produced``, a dict, receives by page id
    what the site itself makes of each listing (``service_to_hsds(raw=True)``).
    """
    ids, result = list(listing_ids), {}
    for start in range(0, len(ids), 200):
        for listing in hsds.load_listings(ids[start : start + 200]):
            data = hsds.record_to_data(hsds.service_to_hsds(listing, catalog), mapping)
            result[data["id"]] = hsds.comparable(data)
            if produced is not None:
                produced[listing.pk] = hsds.service_to_hsds(listing, catalog, raw=True)
    return result


def _unique_slug(parent, slug, exclude_id=None) -> str:
    siblings = set(parent.get_children().exclude(id=exclude_id).values_list("slug", flat=True))
    return _first_free(slug, siblings)


def _first_free(slug, taken) -> str:
    """``slug``, or ``slug-2``, ``slug-3``, ... whichever is not in ``taken``."""
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    return candidate


def _publish(page, last_modified=None):
    page.save_revision().publish()
    if last_modified:
        # Keep the source's modification time, so an export → import → export is identical.
        Page.objects.filter(id=page.id).update(last_published_at=last_modified)


def _set_rows(page, relation, model, rows):
    """Update a page's child rows in place by position (keeps translation keys stable)."""
    existing = sorted(getattr(page, relation).all(), key=lambda r: (r.sort_order or 0, r.pk or 0))
    objects = []
    for position, values in enumerate(rows):
        obj = existing[position] if position < len(existing) else model(locale_id=page.locale_id)
        for name, value in values.items():
            setattr(obj, name, value)
        obj.sort_order = position
        objects.append(obj)
    setattr(page, relation, objects)


class Importer:
    """Upserts validated records into one locale's tree (German creates, others translate)."""

    def __init__(self, locale_code: str = hsds.SOURCE_LANGUAGE):
        self.german = _german()
        self.locale = Locale.objects.get(language_code=locale_code)
        self.catalog = hsds.Catalog.load(self.german)
        self.mapping = hsds.action_field_mapping()
        self.dry_run = False
        self._terms = {}
        self._seen_orgs = set()
        self._current = {}
        self._produced = {}  # page id → service_to_hsds(raw=True) of listings read before
        self._slugs = {}  # parent page id → its children's slugs, while new pages wait
        self._synced = None
        self._batch = None
        self._organisations = {}  # what _organisation returned, by its arguments
        self._tags = {}
        self._parents = {}  # organisation pages of new listings by path

    @property
    def translating(self) -> bool:
        return self.locale.id != self.german.id

    def validate(self, records, warnings=None) -> list:
        """Schema and rules, then what depends on the database (existing pages)."""
        known = set(ActionField.objects.filter(locale=self.german).values_list("code", flat=True))
        errors = hsds.validate_records(records, known, warnings)
        if errors:
            return errors
        if not DirectoryIndexPage.objects.filter(locale=self.german).exists():
            return [
                hsds.RecordError(0, "", "$", "there is no German directory page to import into")
            ]
        ids = [r["id"] for r in records]
        existing = dict(
            ListingPage.objects.filter(locale=self.german, external_id__in=ids).values_list(
                "external_id", "content_type__model"
            )
        )
        existing = {str(k): v for k, v in existing.items()}
        for index_, record in enumerate(records):
            kind = "projectpage" if record.get("x_kind") == "project" else "servicepage"
            rid = str(record["id"])
            if self.translating and rid not in existing:
                errors.append(
                    hsds.RecordError(
                        index_,
                        rid,
                        "$.id",
                        "no German listing with this id: import the German version first",
                    )
                )
            elif rid in existing and existing[rid] != kind:
                errors.append(
                    hsds.RecordError(
                        index_,
                        rid,
                        "$.x_kind",
                        "a listing cannot change between service and project",
                    )
                )
        return errors

    def validate_extras(self, organizations, terms) -> list:
        """Organizations and taxonomy terms of an export directory (German imports only)."""
        errors = []
        if (organizations or terms) and self.translating:
            return [
                hsds.RecordError(
                    0, "", "$", "organizations and taxonomies are imported in German only"
                )
            ]
        for n, org in enumerate(organizations):
            if not isinstance(org, dict) or not hsds.is_uuid(org.get("id")):
                errors.append(hsds.RecordError(n, "", "organizations.json $.id", "not a UUID"))
            elif not isinstance(org.get("name"), str) or not org["name"].strip():
                errors.append(
                    hsds.RecordError(n, org["id"], "organizations.json $.name", "name is required")
                )
        for n, term in enumerate(terms):
            if isinstance(term, dict) and term.get("taxonomy") not in hsds.TAXONOMIES:
                if not term.get("id") or not term.get("name"):
                    errors.append(
                        hsds.RecordError(
                            n, str(term.get("id", "")), "taxonomy term", "needs an id and a name"
                        )
                    )
                continue
            ok = isinstance(term, dict)
            if not ok or not term.get("code") or not term.get("name"):
                errors.append(
                    hsds.RecordError(
                        n,
                        str((term or {}).get("id", "")),
                        "taxonomies.json $.taxonomy_terms",
                        "a term needs a known taxonomy, a code and a name",
                    )
                )
        return errors

    def run(
        self,
        records,
        dry_run=False,
        organizations=(),
        terms=(),
        progress=None,
        *,
        taxonomies=(),
        locations=(),
        replace=False,
    ) -> ImportReport:
        """Validate every record; write all of them in one transaction, or none.

        A record merges into what an earlier import kept under its id (a sparser record
        deletes nothing) unless ``replace``. ``progress(done, total)`` is called after each
        record is written (or compared).
        """
        report = ImportReport(dry_run=dry_run)
        self.dry_run = dry_run
        self.replace = replace
        if not self.translating:
            records = self._merged_all("service", records)
            organizations = self._merged_all("organization", organizations)
        report.errors = self.validate_extras(organizations, terms) or self.validate(
            records, report.warnings
        )
        if report.errors:
            return report
        datas = [hsds.record_to_data(r, self.mapping) for r in records]
        if not self.translating:
            self._current = current_data(
                ListingPage.objects.filter(
                    locale=self.german, external_id__in=[d["id"] for d in datas]
                ).values_list("id", flat=True),
                self.catalog,
                self.mapping,
                produced=self._produced,
            )
        # One transaction. A page is saved three times on creation (insert, revision,
        # publication) and its copies in every language once more: the search indexes, the
        # reference index and the content version are updated once per page at the end.
        # A dry run only compares (nothing is written, so nothing is indexed).
        new_ids = set()
        if not self.translating and not dry_run:
            existing = ListingPage.objects.filter(
                locale=self.german, external_id__in=[d["id"] for d in datas]
            ).values_list("external_id", flat=True)
            new_ids = {d["id"] for d in datas} - {str(e) for e in existing}
        new = []
        with bulk_writes() as self._batch:
            own = {hsds.taxonomy_id(slug) for slug in hsds.TAXONOMIES}
            for kind, items in (
                ("taxonomy", [t for t in taxonomies if str(t.get("id", "")).lower() not in own]),
                ("location", locations),
                ("taxonomy_term", [t for t in terms if t.get("taxonomy") not in hsds.TAXONOMIES]),
            ):
                for item in items:
                    self._keep(kind, item, report)
            if not dry_run:
                for term in terms:
                    if term.get("taxonomy") not in hsds.TAXONOMIES:
                        continue
                    model = hsds.TAXONOMIES[term["taxonomy"]][0]
                    self._term(
                        model,
                        term["code"],
                        term["name"],
                        term.get("description", ""),
                        term.get("x_sort_order", 0),
                    )
            for org in organizations:
                self._organisation(hsds.organization_data(org), report, record=org)
            for done, (record, data) in enumerate(zip(records, datas, strict=True), start=1):
                if self.translating:
                    self._translate(data, report)
                else:
                    nested = record.get("organization")
                    nested = nested if isinstance(nested, dict) else None
                    # Services of one organisation repeat it: it is written once per run.
                    key = json.dumps([data["organization"], nested], sort_keys=True, default=str)
                    if key not in self._organisations:
                        self._organisations[key] = self._organisation(
                            data["organization"], report, nested
                        )
                    org = self._organisations[key]
                    if data["id"] in new_ids:
                        report.created += 1
                        new.append((data, org, record))
                    else:
                        # Pages waiting to be inserted must not lose their slugs to this one.
                        self._add_new(new)
                        self._slugs.clear()
                        self._listing(data, org, report, record)
                if len(new) >= NEW_PAGES_AT_ONCE:
                    self._add_new(new)
                if progress is not None:
                    progress(done, len(datas))
            self._add_new(new)
        return report

    # --- kept records -----------------------------------------------------------------

    def _merged_all(self, kind, records) -> list:
        """:meth:`_merged` of each record, with the kept records read a chunk at a time."""
        if self.replace:
            return list(records)
        ids = [str(r["id"]) for r in records if isinstance(r, dict) and r.get("id")]
        stored = {}
        for start in range(0, len(ids), 500):
            stored.update(
                HsdsRecord.objects.filter(
                    kind=kind, hsds_id__in=ids[start : start + 500]
                ).values_list("hsds_id", "record")
            )
        return [
            hsds.merge_records(stored[str(r["id"])], r)
            if isinstance(r, dict) and str(r.get("id")) in stored
            else r
            for r in records
        ]

    def _merged(self, kind, record):
        """The incoming record on top of the one kept under its id (unless replacing)."""
        return self._merged_all(kind, [record])[0]

    def _keep(
        self, kind, record, report, page=None, mapped=None, count=True, baseline=None
    ) -> bool:
        """Store a record as sent (merged); True when it is new or changed.

        ``baseline`` is what the site served for the entity before, when no record was kept
        for it yet (a listing an editor made): a record equal to it changes nothing.
        """
        stored = HsdsRecord.objects.filter(kind=kind, hsds_id=str(record["id"])).first()
        before = stored.record if stored is not None else baseline
        merged = record
        if before is not None and not self.replace:
            merged = hsds.merge_records(before, record)
        changed = before is None or before != merged
        if count and changed:
            if stored is None:
                report.records_created += 1
            else:
                report.records_updated += 1
        if self.dry_run:
            return changed
        if stored is None:
            stored = HsdsRecord(kind=kind, hsds_id=str(record["id"]))
        stored.record = merged
        if page is not None:
            stored.page = page
        if mapped is not None:
            stored.mapped = mapped
        if changed or page is not None or mapped is not None:
            stored.save()
        return changed

    # --- German ---------------------------------------------------------------------

    def _organisation(self, data, report, record=None) -> OrganisationPage:
        """The organisation page for ``data``, created or updated; its record kept."""
        if data is None or data.get("reference_only"):
            return self._referenced_organisation(data, report)
        if record is not None:
            record = self._merged("organization", record)
            data = hsds.organization_data(record)
        before = (report.organisations_created, report.organisations_updated)
        baseline = None
        if record is not None:
            baseline = self._baseline_organisation(data["id"])
        org = self._write_organisation(data, report)
        if record is None or (org is None and not self.dry_run):
            return org
        mapped = None
        if org is not None and not self.dry_run:
            mapped = hsds.organization_to_hsds(org, raw=True)
        changed = self._keep(
            "organization", record, report, page=org, mapped=mapped, count=False, baseline=baseline
        )
        counted = (report.organisations_created, report.organisations_updated) != before
        if changed and not counted and data["id"] not in self._seen_orgs:
            report.organisations_updated += 1
        self._seen_orgs.add(data["id"])
        return org

    def _baseline_organisation(self, org_id):
        """What the API served for an organisation no import kept a record of, or None."""
        if HsdsRecord.objects.filter(kind="organization", hsds_id=str(org_id)).exists():
            return None
        org = OrganisationPage.objects.filter(locale=self.german, translation_key=org_id).first()
        return hsds.organization_to_hsds(org, raw=True) if org is not None else None

    def _baseline_listing(self, service_id):
        """What the API served for a listing no import kept a record of, or None."""
        if HsdsRecord.objects.filter(kind="service", hsds_id=str(service_id)).exists():
            return None
        existing = ListingPage.objects.filter(locale=self.german, external_id=service_id).first()
        if existing is None:
            return None
        (listing,) = hsds.load_listings([existing.id])
        return hsds.service_to_hsds(listing, self.catalog, raw=True)

    def _referenced_organisation(self, data, report) -> OrganisationPage:
        """The page of an organisation a service names only by id (or not at all).

        Until the organisation's own record arrives, its page holds a placeholder name.
        """
        org_id = data["id"] if data else hsds.stable_id("organization", "none")
        org = OrganisationPage.objects.filter(locale=self.german, translation_key=org_id).first()
        if org is not None:
            return org
        with translation.override(hsds.SOURCE_LANGUAGE):
            name = gettext("Organisation not given")
        return self._write_organisation(
            hsds.organization_data({"id": org_id, "name": name, "x_slug": f"partner-{org_id[:8]}"}),
            report,
        )

    def _write_organisation(self, data, report) -> OrganisationPage:
        org = OrganisationPage.objects.filter(
            locale=self.german, translation_key=data["id"]
        ).first()
        values = {k: v for k, v in data.items() if k not in ("id", "slug")}
        if org is None and self.dry_run:
            if data["id"] not in self._seen_orgs:
                self._seen_orgs.add(data["id"])
                report.organisations_created += 1
            return None
        if org is None:
            directory = DirectoryIndexPage.objects.filter(locale=self.german).first()
            org = OrganisationPage(
                translation_key=data["id"],
                locale=self.german,
                slug=_unique_slug(directory, data["slug"]),
                **values,
            )
            set_published([org])
            # Inserted as new listings are, with its copy in every language (programmatic
            # pages get none from wagtail-localize, and the other languages would answer 404);
            # then announced as saved, for the partner's rights and the indexes to follow.
            pages, aliases = self._insert_published([(directory, [org])])
            for page in pages + aliases:
                post_save.send(
                    sender=type(page),
                    instance=page,
                    created=True,
                    raw=False,
                    using=page._state.db,
                    update_fields=None,
                )
            report.organisations_created += 1
            return org
        current = hsds.organization_data(hsds.organization_to_hsds(org))
        if {k: v for k, v in current.items() if k != "slug"} != {
            k: v for k, v in data.items() if k != "slug"
        }:
            if data["id"] not in self._seen_orgs:
                report.organisations_updated += 1
            self._seen_orgs.add(data["id"])
            if self.dry_run:
                return org
            for name, value in values.items():
                setattr(org, name, value)
            _publish(org)
        return org

    def _term(self, model, code, name="", description="", sort_order=None):
        """The German term with ``code``, created when missing (updated from a taxonomy file)."""
        key = (model, code)
        if key not in self._terms:
            term = model.objects.filter(locale=self.german, code=code).first()
            if term is None:
                term = model.objects.create(
                    locale=self.german,
                    code=code,
                    name=name or code,
                    description="" if description == name else description,
                    sort_order=sort_order or 0,
                )
            elif sort_order is not None:
                values = {
                    "name": name or term.name,
                    "sort_order": sort_order,
                    "description": "" if description == name else description,
                }
                if any(getattr(term, k) != v for k, v in values.items()):
                    model.objects.filter(pk=term.pk).update(**values)
                    content_changed()  # an update sends no signal: labels on cached cards
            self._terms[key] = term
        return self._terms[key]

    def _listing(self, data, org, report, record):
        """Create or update the listing of ``data``; keep its record as sent."""
        before = (report.created, report.updated)
        baseline = self._baseline_listing(data["id"])
        page = self._write_listing(data, org, report)
        mapped = None
        if page is not None and not self.dry_run:
            if (report.created, report.updated) == before and page.pk in self._produced:
                # Not written: what the site makes of it was read with the comparison.
                mapped = self._produced[page.pk]
            else:
                (listing,) = hsds.load_listings([page.id])
                mapped = hsds.service_to_hsds(listing, self.catalog, raw=True)
        changed = self._keep(
            "service", record, report, page=page, mapped=mapped, count=False, baseline=baseline
        )
        if changed and (report.created, report.updated) == before:
            report.unchanged -= 1
            report.updated += 1
        if self.dry_run:
            return
        for sal in record.get("service_at_locations") or []:
            if isinstance(sal, dict) and sal.get("id"):
                HsdsRecord.objects.update_or_create(
                    kind="service_at_location",
                    hsds_id=str(sal["id"]),
                    defaults={"parent_id": str(record["id"]), "page": page},
                )

    def _write_listing(self, data, org, report):
        existing = ListingPage.objects.filter(locale=self.german, external_id=data["id"]).first()
        if existing is not None:
            existing = existing.specific
            same_parent = org is not None and existing.path[: -Page.steplen] == org.path
            current = copy.deepcopy(self._current.get(data["id"])) or next(
                iter(current_data([existing.id], self.catalog, self.mapping).values())
            )
            if "last_reviewed" not in data["fields"]:
                # A file without assured_date leaves the review date alone.
                current["fields"].pop("last_reviewed", None)
            if same_parent and current == hsds.comparable(data):
                report.unchanged += 1
                return existing
            report.updated += 1
            if self.dry_run:
                return existing
            if not same_parent:
                existing.move(org, pos="last-child")
                existing = ListingPage.objects.get(id=existing.id).specific
            page = existing
        else:
            # A dry run counts a new listing; a real run writes new ones together (_add_new).
            report.created += 1
            return None
        page.slug = _unique_slug(org, data["slug"], exclude_id=page.id)
        self._fill_listing(page, data)
        _publish(page, data["last_modified"])
        return page

    def _fill_listing(self, page, data):
        """Set a listing's fields and rows (in memory) from mapped ``data``."""
        for name, value in data["fields"].items():
            setattr(page, name, value)
        _set_rows(
            page,
            "action_field_links",
            ListingActionField,
            [{"action_field": self._term(ActionField, c)} for c in data["action_fields"]],
        )
        _set_rows(
            page,
            "target_group_links",
            ListingTargetGroup,
            [{"target_group": self._term(TargetGroup, *t)} for t in data["target_groups"]],
        )
        _set_rows(page, "spoken_languages", ListingLanguage, data["languages"])
        locations = []
        for row in data["locations"]:
            row = dict(row)
            district = row.pop("district")
            row["district"] = self._term(District, *district) if district else None
            locations.append(row)
        _set_rows(page, "locations", ListingLocation, locations)
        _set_rows(page, "opening_hours", OpeningHours, data["opening_hours"])
        _set_rows(page, "closures", Closure, data["closures"])
        _set_rows(page, "contacts", ListingContact, data["contacts"])
        # The keyword rows themselves (``keywords.set`` would look the tags up again).
        page.tagged_items = [ListingTag(tag=self._tag(name)) for name in data["keywords"]]

    def _tag(self, name: str) -> Tag:
        """The keyword ``name``, looked up (or created) once per import."""
        if name not in self._tags:
            tag = Tag.objects.filter(name=name).first()
            self._tags[name] = tag or Tag.objects.create(name=name)
        return self._tags[name]

    def _add_new(self, new: list) -> None:
        """Insert new German listings together and publish them; empties ``new``.

        What ``add_child`` and ``save_revision().publish()`` would do for each, with a few
        statements per table for all of them (:mod:`base.bulk_pages`): tree paths, rows,
        first revisions and history. The batch indexes them when the import ends, and their
        records are kept as for any other listing.
        """
        if not new:
            return
        by_org: dict = {}
        for data, org, _record in new:
            cls = ProjectPage if data["kind"] == "project" else ServicePage
            page = cls(locale=self.german, external_id=data["id"])
            page.slug = self._free_slug(org, data["slug"])
            self._fill_listing(page, data)
            page.limit_review_date()
            set_published([page], [data["last_modified"]])
            by_org.setdefault(org.pk, (org, []))[1].append(page)
        pages, aliases = self._insert_published(list(by_org.values()))
        self._parents.update({org.path: org for org, _children in by_org.values()})
        index_references(pages + aliases)
        for model in {type(page) for page in pages + aliases}:
            ids = [page.pk for page in pages + aliases if type(page) is model]
            self._batch.written(model, ids, references=False)
        content_changed()  # inserted without signals
        by_id = {str(page.external_id): page for page in pages}
        self._keep_new([(by_id[data["id"]], record) for data, _org, record in new])
        new.clear()

    def _insert_published(self, groups: list) -> tuple[list, list]:
        """Insert new pages, published, with their copies in every synchronised language.

        ``groups`` holds ``(parent, pages)`` pairs of German pages made in memory (rows
        included, marked published). Returns the pages and their copies, inserted with
        :mod:`base.bulk_pages` (no save, no signal: the caller indexes them).
        """
        pages = [page for _parent, children in groups for page in children]
        for parent, children in groups:
            append_children(parent, children, clean=True)
        insert_rows(pages)
        publish_new(pages)
        aliases = []
        for locale in self._synced_locales():
            parents = {}
            for parent, _children in groups:
                translated = parent.get_translation_or_none(locale)
                if translated is None:
                    translated = parent.copy_for_translation(locale, copy_parents=True, alias=True)
                parents[parent.path] = (parent, translated)
            copies = add_aliases(pages, locale, parents)
            if LocaleSynchronization.objects.filter(sync_from=locale).exists():
                for copy_ in copies:  # a tree kept in step with this one (rare): one by one
                    create_aliases_for_new_page(copy_)
            aliases.extend(copies)
        return pages, aliases

    def _free_slug(self, parent, slug) -> str:
        """``slug``, or ``slug-2``, ... free among ``parent``'s children and those pending."""
        taken = self._slugs.get(parent.pk)
        if taken is None:
            taken = set(parent.get_children().values_list("slug", flat=True))
            self._slugs[parent.pk] = taken
        candidate = _first_free(slug, taken)
        taken.add(candidate)
        return candidate

    def _synced_locales(self) -> list[Locale]:
        """The locales whose trees wagtail-localize keeps in step with the German one."""
        if self._synced is None:
            self._synced = [
                sync.locale
                for sync in LocaleSynchronization.objects.filter(
                    sync_from=self.german
                ).select_related("locale")
            ]
        return self._synced

    def _produced_by_new(self, pages: list) -> dict:
        """What the site makes of just inserted listings, by page id, from the pages in memory.

        As :func:`api.hsds.load_listings` would load them: rows held by the pages (saved,
        in order), the organisation and, for a project, its dates; the records kept for
        the organisations read once.
        """
        organisations = self._parents
        for page in pages:
            path = page.path[: -Page.steplen]
            if path not in organisations:
                organisations[path] = OrganisationPage.objects.get(path=path)
        hsds.prefetch_records(list(organisations.values()), "organization")
        produced, organisation_data = {}, {}
        for page in pages:
            page.__dict__["organisation"] = organisations[page.path[: -Page.steplen]]
            page._project = page if isinstance(page, ProjectPage) else None
            produced[page.pk] = hsds.service_to_hsds(
                page, self.catalog, raw=True, organisations=organisation_data
            )
        return produced

    def _keep_new(self, pairs: list) -> None:
        """Keep the records of just inserted listings (see :meth:`_keep`), a chunk at a time."""
        now = timezone.now()
        for start in range(0, len(pairs), 200):
            chunk = pairs[start : start + 200]
            mapped = self._produced_by_new([page for page, _record in chunk])
            ids = [str(record["id"]) for _page, record in chunk]
            stored = {
                r.hsds_id: r for r in HsdsRecord.objects.filter(kind="service", hsds_id__in=ids)
            }
            sal_ids = [
                str(sal["id"])
                for _page, record in chunk
                for sal in record.get("service_at_locations") or []
                if isinstance(sal, dict) and sal.get("id")
            ]
            stored_sals = {
                r.hsds_id: r
                for r in HsdsRecord.objects.filter(kind="service_at_location", hsds_id__in=sal_ids)
            }
            created, updated = [], []
            for page, record in chunk:
                kept = stored.get(str(record["id"]))
                if kept is None:
                    kept = HsdsRecord(kind="service", hsds_id=str(record["id"]), record=record)
                    created.append(kept)
                else:
                    # A record kept from before its page was deleted: merged as in _keep.
                    if not self.replace:
                        kept.record = hsds.merge_records(kept.record, record)
                    else:
                        kept.record = record
                    updated.append(kept)
                kept.page, kept.mapped, kept.updated_at = page, mapped[page.pk], now
                for sal in record.get("service_at_locations") or []:
                    if not (isinstance(sal, dict) and sal.get("id")):
                        continue
                    sal_kept = stored_sals.get(str(sal["id"]))
                    if sal_kept is None:
                        sal_kept = HsdsRecord(kind="service_at_location", hsds_id=str(sal["id"]))
                        stored_sals[sal_kept.hsds_id] = sal_kept
                        created.append(sal_kept)
                    elif sal_kept not in updated:
                        updated.append(sal_kept)
                    sal_kept.parent_id, sal_kept.page, sal_kept.updated_at = (
                        str(record["id"]),
                        page,
                        now,
                    )
            HsdsRecord.objects.bulk_create(created, batch_size=500)
            HsdsRecord.objects.bulk_update(
                updated, ["record", "mapped", "page", "parent_id", "updated_at"], batch_size=500
            )

    # --- translations -------------------------------------------------------------

    def _translate(self, data, report):
        """Create or update the translation of a German listing from a record in its language."""
        from wagtail_localize.models import Translation, TranslationSource

        german = ListingPage.objects.get(locale=self.german, external_id=data["id"]).specific
        target = german.get_translation_or_none(self.locale)
        wanted = self._translated_values(german, data)
        if target is not None and target.alias_of_id is None:
            if self._translated_values_of(target.specific) == wanted:
                report.unchanged += 1
                return
            report.updated += 1
        else:
            report.created += 1
        if self.dry_run:
            return
        source, _created = TranslationSource.update_or_create_from_instance(german)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=self.locale
        )
        po = translation.export_po()
        for entry in po:
            value = wanted.get(entry.msgctxt)
            entry.msgstr = value if value else (entry.msgstr or entry.msgid)
        translation.import_po(po, tool_name="import_hsds")
        # Saved as a draft first: wagtail-localize would publish only on commit, after our
        # own change below. Rich text is split into sentences for translators; an import
        # replaces it whole, then publishes at once.
        source.create_or_update_translation(
            self.locale, publish=False, fallback=True, copy_parent_pages=True
        )
        target = german.get_translation(self.locale).specific
        target.description = data["fields"]["description"]
        _publish(target)

    def _translated_values(self, german, data) -> dict:
        """Translated text by wagtail-localize segment context (``field`` or ``rel.key.field``)."""
        values = {name: data["fields"][name] for name in TRANSLATED_FIELDS}
        incoming = {
            "locations": data["locations"],
            "opening_hours": data["opening_hours"],
            "closures": data["closures"],
            "contacts": data["contacts"],
            "spoken_languages": data["languages"],
        }
        for relation, names in TRANSLATED_ROWS.items():
            rows = sorted(getattr(german, relation).all(), key=lambda r: (r.sort_order, r.pk))
            for row, new in zip(rows, incoming[relation], strict=False):
                for name in names:
                    values[f"{relation}.{row.translation_key}.{name}"] = new.get(name, "")
        return values

    def _translated_values_of(self, page) -> dict:
        values = {name: getattr(page, name) for name in TRANSLATED_FIELDS}
        for relation, names in TRANSLATED_ROWS.items():
            for row in getattr(page, relation).all():
                for name in names:
                    values[f"{relation}.{row.translation_key}.{name}"] = getattr(row, name)
        return values


def import_records(
    records, locale_code=hsds.SOURCE_LANGUAGE, dry_run=False, replace=False
) -> ImportReport:
    """Validate and import HSDS service records (see :class:`Importer`)."""
    return Importer(locale_code).run(records, dry_run=dry_run, replace=replace)


def import_bundle(
    bundle: Bundle, locale_code=hsds.SOURCE_LANGUAGE, dry_run=False, replace=False, progress=None
):
    """Validate and import every record of a read source (see :func:`api.reader.read_source`)."""
    return Importer(locale_code).run(
        bundle.services,
        dry_run,
        bundle.organizations,
        bundle.terms,
        progress,
        taxonomies=bundle.taxonomies,
        locations=bundle.locations,
        replace=replace,
    )


def reapply_action_field_mapping(old: dict, new: dict) -> int:
    """Give every listing an import brought the action fields a changed mapping now means.

    ``old`` and ``new`` are :func:`api.hsds.action_field_mapping` before and after the
    change. Only what the change concerns is touched (an action field an editor set stays);
    each changed listing is published as a new revision. Returns how many changed.
    """
    german = _german()
    fields = {f.code: f for f in ActionField.objects.filter(locale=german)}
    catalog = hsds.Catalog.load(german)
    changed = 0
    kept_records = HsdsRecord.objects.filter(kind="service", page__isnull=False).order_by("id")
    with bulk_writes():
        for kept in kept_records.select_related("page"):
            if not hsds.foreign_term_keys(kept.record):
                continue
            before = set(hsds.action_field_codes(kept.record, old))
            after = set(hsds.action_field_codes(kept.record, new))
            if before == after:
                continue
            page = kept.page.specific.get_latest_revision_as_object()
            links = [
                link
                for link in page.action_field_links.all()
                if link.action_field.code not in before - after
            ]
            have = {link.action_field.code for link in links}
            for code in sorted(after - before - have):
                if code in fields:
                    links.append(
                        ListingActionField(locale_id=page.locale_id, action_field=fields[code])
                    )
            for position, link in enumerate(links):
                link.sort_order = position
            page.action_field_links = links
            _publish(page)
            if kept.mapped is not None:
                # What the site now produces from the record: the kept record stays what
                # the API serves for the attributes, as right after an import.
                (listing,) = hsds.load_listings([page.id])
                raw = hsds.service_to_hsds(listing, catalog, raw=True)
                kept.mapped["attributes"] = raw.get("attributes", [])
                kept.save(update_fields=["mapped", "updated_at"])
            changed += 1
    return changed
