"""Listings: ongoing services and time-limited projects of a partner organisation.

``ListingPage`` is a concrete base (multi-table inheritance) rather than an abstract one so
that the directory, search and the open-data API query every listing in one queryset and the
orderables below can point at one model. It cannot be created on its own.
"""

import uuid
from datetime import timedelta
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Length, Substr
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from base.helpers import tel_href
from base.languages import language_autonym, language_name, spoken_language_choices
from base.models import BasePage
from directory import hours
from directory.models.organisations import OrganisationPage


class ListingStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    TEMPORARILY_CLOSED = "temporarily_closed", _("Temporarily closed")
    ENDED = "ended", _("Ended")


class ResidenceStatus(models.TextChoices):
    ANY = "any", _("Open to everyone, whatever the residence status")
    ASYLUM_SEEKERS = "asylum_seekers", _("Asylum seekers")
    TOLERATED = "tolerated", _("People with a Duldung (toleration)")
    RECOGNISED = "recognised", _("Recognised refugees and people with a residence permit")
    TEMPORARY_PROTECTION = "temporary_protection", _("Temporary protection (e.g. from Ukraine)")
    EU_CITIZENS = "eu_citizens", _("EU citizens")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


def listing_schedule(status: str, appointment: bool, ranges, closures) -> hours.Schedule:
    """A listing's :class:`directory.hours.Schedule` from its status, hours and closures."""
    return hours.Schedule(
        ranges=tuple(sorted(ranges)),
        closures=tuple(sorted(closures, key=lambda closure: closure[0])),
        appointment=appointment,
        active=status == ListingStatus.ACTIVE,
        temporarily_closed=status == ListingStatus.TEMPORARILY_CLOSED,
    )


class ListingTag(TaggedItemBase):
    """Free keywords of a listing (django-taggit; copied unchanged to translations)."""

    content_object = ParentalKey(
        "directory.ListingPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ListingPage(BasePage):
    """What services and projects share. Not creatable on its own: pick a service or project."""

    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_("Plain language, at most 300 characters: what it is and who it is for."),
    )
    description = RichTextField(
        _("description"), blank=True, features=["h2", "h3", "bold", "italic", "ol", "ul", "link"]
    )
    keywords = ClusterTaggableManager(_("keywords"), through=ListingTag, blank=True)

    interpreters_on_request = models.BooleanField(_("interpreters on request"), default=False)
    is_free = models.BooleanField(_("free of charge"), default=True)
    cost_details = models.CharField(
        _("cost details"),
        max_length=255,
        blank=True,
        help_text=_("For example the fee, or what is free and what is not."),
    )
    appointment_required = models.BooleanField(_("appointment needed"), default=False)
    by_appointment = models.BooleanField(
        _("also by appointment outside the opening hours"), default=False
    )
    phone_counselling = models.BooleanField(_("counselling by phone"), default=False)
    online_counselling = models.BooleanField(_("counselling online"), default=False)

    min_age = models.PositiveSmallIntegerField(
        _("minimum age"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    max_age = models.PositiveSmallIntegerField(
        _("maximum age"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    residence_status = models.CharField(
        _("residence status"),
        max_length=32,
        choices=ResidenceStatus.choices,
        default=ResidenceStatus.ANY,
    )
    women_only = models.BooleanField(_("women and girls only"), default=False)
    eligibility_notes = models.TextField(_("who can come (details)"), blank=True)

    status = models.CharField(
        _("status"), max_length=32, choices=ListingStatus.choices, default=ListingStatus.ACTIVE
    )
    status_note = models.CharField(
        _("reason or note on the status"),
        max_length=255,
        blank=True,
        help_text=_("Shown publicly, e.g. why and until when it is closed."),
    )
    other_hours = models.TextField(
        _("other opening times"),
        blank=True,
        help_text=_("Times that do not fit the weekly table, e.g. every second Thursday."),
    )
    external_id = models.UUIDField(
        _("external id"),
        default=uuid.uuid4,
        editable=False,
        db_index=True,
        help_text=_("Stable id shared by all translations; used by the open-data API."),
    )
    last_reviewed = models.DateField(
        _("information checked on"),
        default=timezone.localdate,
        help_text=_(
            'Set by the site when a partner confirms "still correct" or a reviewed version '
            "is published; never later than today."
        ),
    )

    override_translatable_fields = [
        SynchronizedField("external_id", overridable=False),
        SynchronizedField("last_reviewed", overridable=False),
        SynchronizedField("status", overridable=False),
        SynchronizedField("keywords", overridable=False),
    ]

    listing_panels = [
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("description"),
        InlinePanel("action_field_links", label=_("Action fields"), min_num=1),
        InlinePanel("target_group_links", label=_("Target groups")),
        FieldPanel("keywords"),
        MultiFieldPanel(
            [
                InlinePanel("spoken_languages", label=_("Languages spoken")),
                FieldPanel("interpreters_on_request"),
            ],
            heading=_("Languages"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("is_free"),
                FieldPanel("cost_details"),
                FieldPanel("appointment_required"),
                FieldRowPanel([FieldPanel("phone_counselling"), FieldPanel("online_counselling")]),
            ],
            heading=_("Access and cost"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("min_age"), FieldPanel("max_age")]),
                FieldPanel("residence_status"),
                FieldPanel("women_only"),
                FieldPanel("eligibility_notes"),
            ],
            heading=_("Who can come"),
        ),
        InlinePanel("locations", label=_("Locations"), min_num=0),
        MultiFieldPanel(
            [
                InlinePanel("opening_hours", label=_("Opening hours")),
                FieldPanel("other_hours"),
                FieldPanel("by_appointment"),
                InlinePanel("closures", label=_("Closures")),
            ],
            heading=_("Opening hours"),
        ),
        InlinePanel("contacts", label=_("Contacts")),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("status_note"),
                FieldPanel("last_reviewed", read_only=True),
            ],
            heading=_("Status"),
        ),
    ]
    content_panels = listing_panels

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=4),
        index.SearchField("description"),
        index.SearchField("organisation_name", boost=0.5),
        index.AutocompleteField("summary"),
        index.RelatedFields("keywords", [index.SearchField("name", boost=3)]),
        index.RelatedFields(
            "action_field_links",
            [
                index.RelatedFields("action_field", [index.SearchField("name", boost=3)]),
            ],
        ),
        index.FilterField("status"),
        index.FilterField("is_free"),
        index.FilterField("women_only"),
        index.FilterField("external_id"),
    ]

    parent_page_types = ["directory.OrganisationPage"]
    subpage_types = []
    is_creatable = False

    class Meta:
        verbose_name = _("listing")
        verbose_name_plural = _("listings")

    def save(self, *args, **kwargs):
        # A page copied in the admin keeps its source's external id; translations share it,
        # but two listings in one language must not.
        if (
            self._state.adding
            and self.locale_id
            and ListingPage.objects.filter(
                external_id=self.external_id, locale_id=self.locale_id
            ).exists()
        ):
            self.external_id = uuid.uuid4()
        self.limit_review_date()
        return super().save(*args, **kwargs)

    def limit_review_date(self) -> None:
        """A date in the future (typed, imported) would silence the freshness reminders."""
        today = timezone.localdate()
        if self.last_reviewed and self.last_reviewed > today:
            self.last_reviewed = today

    def clean(self):
        super().clean()
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            raise ValidationError(
                {"max_age": _("The maximum age must not be below the minimum age.")}
            )

    @cached_property
    def organisation(self):
        """The organisation page this listing belongs to (its parent)."""
        return OrganisationPage.objects.filter(path=self.path[: -self.steplen]).first()

    def organisation_name(self) -> str:
        """The organisation's name, searchable with every listing (lowest weight)."""
        if hasattr(self, "parent_organisation_title"):  # see get_indexed_objects
            return self.parent_organisation_title or ""
        organisation = self.organisation
        return organisation.title if organisation else ""

    @classmethod
    def get_indexed_objects(cls):
        """Listings with what the search index reads, in a fixed number of queries.

        The action fields' names (two levels down) and the organisation's name (the parent
        page, found by its path) would otherwise be one query per listing.
        """
        parent_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - cls.steplen)
        return (
            super()
            .get_indexed_objects()
            .prefetch_related("action_field_links__action_field")
            .annotate(
                parent_organisation_title=Subquery(
                    OrganisationPage.objects.filter(path=parent_path).values("title")[:1]
                )
            )
        )

    @property
    def kind_label(self):
        """'Service' or 'Project', for badges."""
        return self.specific_class._meta.verbose_name if self.specific_class else ""

    @property
    def stale_date(self):
        """The date from which this listing counts as possibly outdated."""
        return self.last_reviewed + timedelta(days=settings.WEGWEISER_STALE_AFTER_DAYS)

    def is_stale(self, today=None) -> bool:
        """Whether the information was last checked a year (365 days) ago or longer."""
        return (today or timezone.localdate()) >= self.stale_date

    def is_closed_on(self, day) -> bool:
        """Whether a closure covers the given local date."""
        return any(hours.closure_covers(c.start_date, c.end_date, day) for c in self.closures.all())

    def current_closure(self, moment=None):
        """The closure in force at a local moment, if any."""
        day = (moment or hours.local_now()).date()
        for closure in self.closures.all():
            if hours.closure_covers(closure.start_date, closure.end_date, day):
                return closure
        return None

    def is_open_now(self, moment=None) -> bool:
        """Whether the listing is open at a local moment (now by default), closures and
        public holidays included."""
        moment = moment or hours.local_now()
        if self.status != ListingStatus.ACTIVE or self.current_closure(moment):
            return False
        for entry in self.opening_hours.all():
            opened = hours.range_opened_on(entry.weekday, entry.opens, entry.closes, moment)
            if opened is not None and not hours.is_public_holiday(opened):
                return True
        return False

    def schedule(self) -> hours.Schedule:
        """What the opening status depends on (from the rows loaded with the listing)."""
        return listing_schedule(
            self.status,
            self.by_appointment or self.appointment_required,
            [(h.weekday, h.opens, h.closes) for h in self.opening_hours.all()],
            [(c.start_date, c.end_date) for c in self.closures.all()],
        )

    def opening_status(self, moment=None) -> hours.OpeningStatus:
        """ "Open · closes 16:00", "Closed · opens Tue 09:00", ... at a local moment."""
        return hours.opening_status(self.schedule(), moment or hours.local_now())

    def map_point(self):
        """(latitude, longitude) of the first location with coordinates, for maps, or None."""
        for location in self.locations.all():
            if location.latitude is not None and location.longitude is not None:
                return (location.latitude, location.longitude)
        return None

    def hours_by_day(self):
        """Opening hours grouped by weekday, Monday first, for the hours table."""
        days = {day: [] for day in Weekday}
        for entry in sorted(self.opening_hours.all(), key=lambda h: (h.weekday, h.opens)):
            days[Weekday(entry.weekday)].append(entry)
        return [(day, entries) for day, entries in days.items() if entries]

    def upcoming_closures(self, today=None):
        """Closures that have not ended yet, soonest first."""
        today = today or timezone.localdate()
        return sorted(
            (c for c in self.closures.all() if c.end_date is None or c.end_date >= today),
            key=lambda c: c.start_date,
        )

    def age_range_label(self):
        """A short text for the age range, or '' when there is no limit."""
        if self.min_age is not None and self.max_age is not None:
            return _("%(min)s to %(max)s years") % {"min": self.min_age, "max": self.max_age}
        if self.min_age is not None:
            return _("from %(min)s years") % {"min": self.min_age}
        if self.max_age is not None:
            return _("up to %(max)s years") % {"max": self.max_age}
        return ""


class ServicePage(ListingPage):
    """An ongoing counselling or support service."""

    template = "directory/service_page.html"
    parent_page_types = ["directory.OrganisationPage"]
    subpage_types = []
    is_creatable = True

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")


class ProjectPage(ListingPage):
    """A time-limited project, with start and end dates and a funding body."""

    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    funding_body = models.CharField(_("funded by"), max_length=255, blank=True)

    content_panels = [
        *ListingPage.listing_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("funding_body"),
            ],
            heading=_("Project"),
        ),
    ]
    override_translatable_fields = [
        *ListingPage.override_translatable_fields,
        SynchronizedField("start_date", overridable=False),
        SynchronizedField("end_date", overridable=False),
    ]

    template = "directory/project_page.html"
    parent_page_types = ["directory.OrganisationPage"]
    subpage_types = []
    is_creatable = True

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The project cannot end before it starts.")})


class ListingOrderable(TranslatableMixin, Orderable):
    """Base of a listing's child rows; translatable so wagtail-localize carries them along."""

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True


class ListingActionField(ListingOrderable):
    """Links a listing to an action field (translatable, unlike an M2M field)."""

    page = ParentalKey(ListingPage, on_delete=models.CASCADE, related_name="action_field_links")
    action_field = models.ForeignKey(
        "directory.ActionField",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("action field"),
    )
    panels = [FieldPanel("action_field")]

    class Meta(ListingOrderable.Meta):
        verbose_name = _("action field")


class ListingTargetGroup(ListingOrderable):
    """Links a listing to a target group."""

    page = ParentalKey(ListingPage, on_delete=models.CASCADE, related_name="target_group_links")
    target_group = models.ForeignKey(
        "directory.TargetGroup",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("target group"),
    )
    panels = [FieldPanel("target_group")]

    class Meta(ListingOrderable.Meta):
        verbose_name = _("target group")


class ListingLanguage(ListingOrderable):
    """A language the staff speak, with an optional note such as 'Arabic on Thursdays'."""

    page = ParentalKey(ListingPage, on_delete=models.CASCADE, related_name="spoken_languages")
    language = models.CharField(_("language"), max_length=12, choices=spoken_language_choices)
    note = models.CharField(_("note"), max_length=200, blank=True)

    override_translatable_fields = [SynchronizedField("language", overridable=False)]
    panels = [FieldRowPanel([FieldPanel("language"), FieldPanel("note")])]

    class Meta(ListingOrderable.Meta):
        verbose_name = _("language spoken")

    def __str__(self):
        return language_name(self.language)

    @property
    def name(self):
        return language_name(self.language)

    @property
    def autonym(self):
        return language_autonym(self.language)


class ListingLocation(ListingOrderable):
    """Where a listing takes place: address, district, coordinates and accessibility."""

    page = ParentalKey(ListingPage, on_delete=models.CASCADE, related_name="locations")
    name = models.CharField(_("name of the place"), max_length=200, blank=True)
    street = models.CharField(_("street and number"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=10)
    city = models.CharField(_("city"), max_length=100, default="Magdeburg")
    district = models.ForeignKey(
        "directory.District",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("district"),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    wheelchair_accessible = models.BooleanField(_("wheelchair accessible"), default=False)
    access_notes = models.CharField(_("how to get there"), max_length=255, blank=True)

    override_translatable_fields = [
        SynchronizedField("street", overridable=False),
        SynchronizedField("postcode", overridable=False),
        SynchronizedField("latitude", overridable=False),
        SynchronizedField("longitude", overridable=False),
        SynchronizedField("wheelchair_accessible", overridable=False),
    ]
    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("street"), FieldPanel("postcode"), FieldPanel("city")]),
        FieldPanel("district"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("wheelchair_accessible"),
        FieldPanel("access_notes"),
    ]

    class Meta(ListingOrderable.Meta):
        verbose_name = _("location")

    def __str__(self):
        return self.one_line()

    def one_line(self):
        """The address on one line."""
        return f"{self.street}, {self.postcode} {self.city}"

    def route_url(self):
        """A link that opens a route to this place in OpenStreetMap (only when followed)."""
        if self.latitude is not None and self.longitude is not None:
            return (
                "https://www.openstreetmap.org/directions?route=%3B"
                f"{self.latitude}%2C{self.longitude}"
            )
        return f"https://www.openstreetmap.org/search?query={quote(self.one_line())}"


class OpeningHours(ListingOrderable):
    """A weekly time range. Closing at or before the opening time means across midnight."""

    page = ParentalKey(ListingPage, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    override_translatable_fields = [
        SynchronizedField("weekday", overridable=False),
        SynchronizedField("opens", overridable=False),
        SynchronizedField("closes", overridable=False),
    ]
    panels = [
        FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("note"),
    ]

    class Meta(ListingOrderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self):
        super().clean()
        if self.opens is not None and self.opens == self.closes:
            raise ValidationError({"closes": _("Opening and closing time must differ.")})


class Closure(ListingOrderable):
    """A period in which the listing is closed (holidays, renovation, ...)."""

    page = ParentalKey(ListingPage, on_delete=models.CASCADE, related_name="closures")
    start_date = models.DateField(_("closed from"))
    end_date = models.DateField(_("closed until (inclusive)"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=255, blank=True)

    override_translatable_fields = [
        SynchronizedField("start_date", overridable=False),
        SynchronizedField("end_date", overridable=False),
    ]
    panels = [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("reason"),
    ]

    class Meta(ListingOrderable.Meta):
        verbose_name = _("closure")

    def clean(self):
        super().clean()
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("A closure cannot end before it starts.")})


class ListingContact(ListingOrderable):
    """A person or desk to contact about the listing."""

    page = ParentalKey(ListingPage, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    override_translatable_fields = [
        SynchronizedField("phone", overridable=False),
        SynchronizedField("email", overridable=False),
    ]
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
    ]

    class Meta(ListingOrderable.Meta):
        verbose_name = _("contact")

    def __str__(self):
        return self.name

    @property
    def phone_href(self):
        """The phone number as a tel: link target (digits and a leading +)."""
        return tel_href(self.phone)
