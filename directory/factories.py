"""Test factories for the directory: taxonomies, organisations, listings and their rows.

Pages are created live in the German (source) locale under ``parent=`` (a fresh home page,
directory and organisation are made when no parent is given). Taxonomy factories get or
create by code and locale, so the action fields seeded by migration ``directory/0002`` are
reused rather than duplicated: ``ActionFieldFactory(code="sprache")`` returns the seeded one.
"""

import datetime
import uuid

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.models import Locale, Page
from wagtail.search import index

from base.languages import SOURCE_LANGUAGE
from base.models import home_page_model
from directory.models import (
    ActionField,
    Closure,
    DirectoryIndexPage,
    District,
    ListingActionField,
    ListingContact,
    ListingLanguage,
    ListingLocation,
    ListingTargetGroup,
    OpeningHours,
    OrganisationKind,
    OrganisationPage,
    OrganisationWorkingGroup,
    ProjectPage,
    ServicePage,
    TargetGroup,
    Weekday,
    WorkingGroup,
)


def german_locale() -> Locale:
    """The source-language locale (created by Wagtail's first migration from LANGUAGE_CODE)."""
    return Locale.objects.get(language_code=SOURCE_LANGUAGE)


def new_german_home() -> Page:
    """A new German home page (the settings' home page model) under the tree's root node."""
    home = home_page_model()(title="Wegweiser", slug=f"wegweiser-{uuid.uuid4().hex[:8]}")
    home.locale = german_locale()
    return Page.get_first_root_node().add_child(instance=home)


class TaxonomyTermFactory(DjangoModelFactory):
    """Shared declarations of the taxonomy factories (German terms, got or created by code)."""

    code = factory.Sequence(lambda n: f"term-{n}")
    name = factory.LazyAttribute(lambda o: o.code.replace("-", " ").capitalize())
    locale = factory.LazyFunction(german_locale)

    class Meta:
        abstract = True
        django_get_or_create = ("code", "locale")


class ActionFieldFactory(TaxonomyTermFactory):
    """An action field; pass a seeded code (``sprache``, ``arbeit-ausbildung``...) to reuse it."""

    code = factory.Sequence(lambda n: f"handlungsfeld-{n}")

    class Meta:
        model = ActionField


class TargetGroupFactory(TaxonomyTermFactory):
    code = factory.Sequence(lambda n: f"zielgruppe-{n}")

    class Meta:
        model = TargetGroup


class WorkingGroupFactory(TaxonomyTermFactory):
    code = factory.Sequence(lambda n: f"ag-{n}")

    class Meta:
        model = WorkingGroup


class DistrictFactory(TaxonomyTermFactory):
    code = factory.Sequence(lambda n: f"stadtteil-{n}")

    class Meta:
        model = District


class DirectoryIndexPageFactory(wagtail_factories.PageFactory):
    """The directory under a home page (a fresh home page when no parent is given)."""

    title = "Angebote"
    slug = "angebote"
    parent = factory.LazyFunction(new_german_home)

    class Meta:
        model = DirectoryIndexPage


class OrganisationPageFactory(wagtail_factories.PageFactory):
    """A partner organisation with a contact address, under a directory page."""

    title = factory.Sequence(lambda n: f"Beratungsstelle {n}")
    kind = OrganisationKind.COUNSELLING_CENTRE
    email = factory.Sequence(lambda n: f"kontakt{n}@example.org")
    phone = "0391 540 0000"
    street = "Breiter Weg 1"
    postcode = "39104"
    parent = factory.SubFactory(DirectoryIndexPageFactory)

    class Meta:
        model = OrganisationPage


class ListingPageFactory(wagtail_factories.PageFactory):
    """Shared declarations of services and projects.

    Related rows given as lists of codes are created after the page: ``action_fields``
    (default ``["sprache"]``, because a listing needs at least one), ``target_groups``,
    ``languages`` and ``keywords``. The page is then re-indexed, as publishing it in the admin
    would do, because the search index is written before child rows exist.
    """

    title = factory.Sequence(lambda n: f"Angebot {n}")
    summary = factory.LazyAttribute(lambda o: f"Kurz gesagt: {o.title}.")
    parent = factory.SubFactory(OrganisationPageFactory)

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def action_fields(self, create, extracted, **kwargs):
        if create:
            for code in ["sprache"] if extracted is None else extracted:
                ListingActionFieldFactory(page=self, action_field=ActionFieldFactory(code=code))

    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        if create:
            for code in extracted or []:
                ListingTargetGroupFactory(page=self, target_group=TargetGroupFactory(code=code))

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        if create:
            for code in extracted or []:
                ListingLanguageFactory(page=self, language=code)

    @factory.post_generation
    def keywords(self, create, extracted, **kwargs):
        if create and extracted:
            self.keywords.add(*extracted)
            self.save()

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create:
            index.insert_or_update_object(instance)


class ServicePageFactory(ListingPageFactory):
    """An ongoing, free counselling service."""

    title = factory.Sequence(lambda n: f"Beratung {n}")

    class Meta:
        model = ServicePage


class ProjectPageFactory(ListingPageFactory):
    """A time-limited project with dates and a funding body."""

    title = factory.Sequence(lambda n: f"Projekt {n}")
    start_date = datetime.date(2025, 1, 1)
    end_date = datetime.date(2026, 12, 31)
    funding_body = "Europäischer Sozialfonds Plus (ESF Plus)"

    class Meta:
        model = ProjectPage


class ListingOrderableFactory(DjangoModelFactory):
    """Shared declarations of a listing's child rows (the locale follows the page)."""

    page = factory.SubFactory(ServicePageFactory)
    sort_order = factory.Sequence(int)

    class Meta:
        abstract = True


class ListingActionFieldFactory(ListingOrderableFactory):
    page = factory.SubFactory(ServicePageFactory, action_fields=[])
    action_field = factory.SubFactory(ActionFieldFactory, code="sprache")

    class Meta:
        model = ListingActionField


class ListingTargetGroupFactory(ListingOrderableFactory):
    target_group = factory.SubFactory(TargetGroupFactory)

    class Meta:
        model = ListingTargetGroup


class ListingLanguageFactory(ListingOrderableFactory):
    language = "ar"
    note = ""

    class Meta:
        model = ListingLanguage


class ListingLocationFactory(ListingOrderableFactory):
    street = factory.Sequence(lambda n: f"Breiter Weg {n + 1}")
    postcode = "39104"
    city = "Magdeburg"
    district = None
    wheelchair_accessible = False

    class Meta:
        model = ListingLocation


class OpeningHoursFactory(ListingOrderableFactory):
    weekday = Weekday.MONDAY
    opens = datetime.time(9, 0)
    closes = datetime.time(12, 0)

    class Meta:
        model = OpeningHours


class ClosureFactory(ListingOrderableFactory):
    start_date = factory.LazyFunction(timezone.localdate)
    end_date = None
    reason = "Urlaub"

    class Meta:
        model = Closure


class ListingContactFactory(ListingOrderableFactory):
    name = factory.Sequence(lambda n: f"Beraterin {n}")
    role = "Beratung"
    phone = "0391 540 1234"
    email = factory.Sequence(lambda n: f"beratung{n}@example.org")

    class Meta:
        model = ListingContact


class OrganisationWorkingGroupFactory(DjangoModelFactory):
    page = factory.SubFactory(OrganisationPageFactory)
    working_group = factory.SubFactory(WorkingGroupFactory)

    class Meta:
        model = OrganisationWorkingGroup
