"""Build the demo directory from the data modules; running it again changes nothing.

It builds on the site's skeleton (``home.skeleton``, what ``manage.py setup_site`` makes:
home page, directory, privacy page, action fields). Everything is found again by a stable key
before it is created: locales by language code, taxonomy terms by ``code``, the skeleton's
pages by type, other pages by slug below their parent. Existing objects
are left as they are, so a second run creates nothing and editors' later changes survive a
re-run.
"""

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from decimal import Decimal

from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale

from directory.models import (
    ActionField,
    Closure,
    District,
    ListingActionField,
    ListingContact,
    ListingLanguage,
    ListingLocation,
    ListingTargetGroup,
    OpeningHours,
    OrganisationPage,
    OrganisationWorkingGroup,
    ProjectPage,
    ServicePage,
    TargetGroup,
    WorkingGroup,
)
from home import skeleton
from home.models import ContentPage
from search.bulk import bulk_writes

from . import data
from .listings_ag1 import LISTINGS as LISTINGS_AG1
from .listings_ag2 import LISTINGS as LISTINGS_AG2
from .listings_ag3 import LISTINGS as LISTINGS_AG3
from .organisations import ORGANISATIONS
from .places import PLACES

LISTINGS = [*LISTINGS_AG1, *LISTINGS_AG2, *LISTINGS_AG3]

# The order in which the summary reports what was loaded.
REPORT_ORDER = [
    "locales",
    "action fields",
    "working groups",
    "target groups",
    "districts",
    "home page",
    "directory page",
    "privacy page",
    "content pages",
    "organisations",
    "services",
    "projects",
]


def listing_external_id(slug: str) -> uuid.UUID:
    """The stable open-data id of a demo listing, derived from its slug."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"wegweiser:listing:{slug}")


def term_translation_key(kind: str, code: str) -> uuid.UUID:
    """A stable translation key for a taxonomy term (same scheme as the action-field seed)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"wegweiser:{kind}:{code}")


def month_start(today: date, months: int) -> date:
    """The first day of the month ``months`` away from today's month."""
    index = today.year * 12 + today.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def month_end(today: date, months: int) -> date:
    """The last day of the month ``months`` away from today's month."""
    return month_start(today, months + 1) - timedelta(days=1)


@dataclass
class Report:
    """How many objects of each kind the run created and how many were already there."""

    created: Counter = field(default_factory=Counter)
    existing: Counter = field(default_factory=Counter)

    def add(self, what: str, created: bool) -> None:
        (self.created if created else self.existing)[what] += 1

    def lines(self) -> list[str]:
        """One line per kind: '<kind>: <n> created, <m> already there'."""
        return [
            f"{what}: {self.created[what]} created, {self.existing[what]} already there"
            for what in REPORT_ORDER
            if self.created[what] or self.existing[what]
        ]


class DemoLoader:
    """Loads the demo content into the German tree, all or nothing."""

    def __init__(self, today: date | None = None):
        self.today = today or timezone.localdate()
        self.report = Report()

    def run(self) -> Report:
        # One transaction; every page and its rows are indexed once at the end, not per save.
        with bulk_writes():
            self.ensure_locales()
            self.locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
            # The site's skeleton (home page, directory, privacy page, action fields), as
            # `manage.py setup_site` builds it, with the demo network's home page.
            site = skeleton.build_german(
                skeleton.Network(name=data.SITE_NAME),
                self.report,
                home_fields=data.HOME,
            )
            self.load_taxonomies()
            self.ensure_content_pages(site.home)
            organisations = self.ensure_organisations(site.directory)
            self.ensure_listings(organisations)
        return self.report

    # Locales and taxonomies

    def ensure_locales(self):
        for code in settings.WAGTAIL_CONTENT_LANGUAGE_CODES:
            _locale, created = Locale.objects.get_or_create(language_code=code)
            self.report.add("locales", created)

    def load_taxonomies(self):
        self.action_fields = {
            term.code: term for term in ActionField.objects.filter(locale=self.locale)
        }
        for af_codes in (wg[2] for wg in data.WORKING_GROUPS):
            self.require_action_fields(af_codes)
        self.report.existing["action fields"] += len(self.action_fields)
        self.working_groups = self.ensure_terms(
            WorkingGroup,
            "working-group",
            "working groups",
            [(code, name, description) for code, name, _fields, description in data.WORKING_GROUPS],
        )
        self.target_groups = self.ensure_terms(
            TargetGroup, "target-group", "target groups", data.TARGET_GROUPS
        )
        self.districts = self.ensure_terms(
            District,
            "district",
            "districts",
            [(code, name, "") for code, name in data.DISTRICTS],
        )

    def require_action_fields(self, codes):
        missing = set(codes) - set(self.action_fields)
        if missing:
            raise LookupError(
                f"Action fields {sorted(missing)} are missing: run the migrations first."
            )

    def ensure_terms(self, model, kind, what, rows):
        """Get or create terms by code in the German locale; returns {code: term}."""
        terms = {}
        for order, (code, name, description) in enumerate(rows, start=1):
            term, created = model.objects.get_or_create(
                code=code,
                locale=self.locale,
                defaults={
                    "name": name,
                    "description": description,
                    "sort_order": order,
                    "translation_key": term_translation_key(kind, code),
                },
            )
            terms[code] = term
            self.report.add(what, created)
        return terms

    # The network's pages

    def ensure_content_pages(self, home):
        names = {code: term.name for code, term in self.action_fields.items()}
        pages = (data.PRINCIPLES, data.working_groups_page(names), data.NEWS, data.ABOUT)
        for spec in pages:
            self.ensure_content_page(home, spec)

    def ensure_content_page(self, parent, spec):
        page = ContentPage.objects.child_of(parent).filter(slug=spec.slug).first()
        self.report.add("content pages", page is None)
        if page is None:
            page = ContentPage(
                title=spec.title,
                slug=spec.slug,
                intro=spec.intro,
                locale=self.locale,
                show_in_menus=spec.show_in_menus,
                body=[{"type": block.kind, "value": block.value} for block in spec.body],
            )
            self.publish_child(parent, page)
        for child in spec.children:
            self.ensure_content_page(page, child)

    # Organisations and their listings

    def ensure_organisations(self, directory):
        existing = {page.slug: page for page in OrganisationPage.objects.child_of(directory)}
        organisations = {}
        for spec in ORGANISATIONS:
            page = existing.get(spec.slug)
            self.report.add("organisations", page is None)
            if page is None:
                page = self.build_organisation(spec)
                self.publish_child(directory, page)
            organisations[spec.slug] = page
        return organisations

    def build_organisation(self, spec):
        page = OrganisationPage(
            title=spec.title,
            slug=spec.slug,
            kind=spec.kind,
            description=spec.description,
            website=spec.website,
            email=spec.email,
            phone=spec.phone,
            street=spec.street,
            postcode=spec.postcode,
            city="Magdeburg",
            locale=self.locale,
        )
        page.working_group_links = [
            OrganisationWorkingGroup(working_group=self.working_groups[code], locale=self.locale)
            for code in spec.working_groups
        ]
        return page

    def ensure_listings(self, organisations):
        slugs = [spec.slug for spec in LISTINGS]
        if len(slugs) != len(set(slugs)):
            raise ValueError("Demo listing slugs must be unique: they derive the external ids.")
        for spec in LISTINGS:
            parent = organisations[spec.org]
            what = "projects" if spec.project else "services"
            exists = parent.get_children().filter(slug=spec.slug).exists()
            self.report.add(what, not exists)
            if not exists:
                self.publish_child(parent, self.build_listing(spec))

    def build_listing(self, spec):
        """An unsaved service or project page with all its child rows from a listing spec."""
        fields = {
            "title": spec.title,
            "slug": spec.slug,
            "summary": spec.summary,
            "description": spec.description,
            "locale": self.locale,
            "external_id": listing_external_id(spec.slug),
            "is_free": spec.is_free,
            "cost_details": spec.cost_details,
            "appointment_required": spec.appointment_required,
            "by_appointment": spec.by_appointment,
            "phone_counselling": spec.phone_counselling,
            "online_counselling": spec.online_counselling,
            "interpreters_on_request": spec.interpreters_on_request,
            "min_age": spec.min_age,
            "max_age": spec.max_age,
            "residence_status": spec.residence_status,
            "women_only": spec.women_only,
            "eligibility_notes": spec.eligibility_notes,
            "status": spec.status,
            "status_note": spec.status_note,
            "last_reviewed": self.today - timedelta(days=spec.reviewed_days_ago),
        }
        if spec.project:
            page = ProjectPage(
                **fields,
                start_date=month_start(self.today, spec.project.starts_months),
                end_date=month_end(self.today, spec.project.ends_months),
                funding_body=spec.project.funding_body,
            )
        else:
            page = ServicePage(**fields)
        self.require_action_fields(spec.action_fields)
        rows = {"locale": self.locale}
        page.action_field_links = [
            ListingActionField(action_field=self.action_fields[code], **rows)
            for code in spec.action_fields
        ]
        page.target_group_links = [
            ListingTargetGroup(target_group=self.target_groups[code], **rows)
            for code in spec.target_groups
        ]
        page.spoken_languages = [
            ListingLanguage(language=code, note=note, **rows) for code, note in spec.languages
        ]
        page.locations = [self.build_location(PLACES[key]) for key in spec.places]
        page.opening_hours = [
            OpeningHours(
                weekday=entry[0],
                opens=time.fromisoformat(entry[1]),
                closes=time.fromisoformat(entry[2]),
                note=entry[3] if len(entry) > 3 else "",
                **rows,
            )
            for entry in spec.hours
        ]
        page.closures = [
            Closure(
                start_date=self.today + timedelta(days=closure.starts_in),
                end_date=self.today + timedelta(days=closure.ends_in),
                reason=closure.reason,
                **rows,
            )
            for closure in spec.closures
        ]
        page.contacts = [
            ListingContact(name=name, role=role, phone=phone, email=email, **rows)
            for name, role, phone, email in spec.contacts
        ]
        page.keywords.add(*spec.keywords)
        return page

    def build_location(self, place):
        return ListingLocation(
            name=place.name,
            street=place.street,
            postcode=place.postcode,
            city="Magdeburg",
            district=self.districts[place.district],
            latitude=Decimal(place.latitude),
            longitude=Decimal(place.longitude),
            wheelchair_accessible=place.wheelchair_accessible,
            access_notes=place.access_notes,
            locale=self.locale,
        )

    # Pages

    def publish_child(self, parent, page):
        """Add and publish ``page`` as the admin does (with aliases in synchronised locales)."""
        return skeleton.publish_child(parent, page)


def load_demo(today: date | None = None) -> Report:
    """Load the demo content (idempotent, in one transaction)."""
    return DemoLoader(today).run()
