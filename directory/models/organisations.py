"""Network partners. A partner's listings are its child pages, so rights can cover its subtree."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from base.models import BasePage


class OrganisationKind(models.TextChoices):
    CITY_OFFICE = "city_office", _("City office")
    WELFARE_ASSOCIATION = "welfare_association", _("Welfare association")
    JOBCENTER = "jobcenter", _("Jobcenter")
    EDUCATION_PROVIDER = "education_provider", _("Education provider")
    COUNSELLING_CENTRE = "counselling_centre", _("Counselling centre")
    ASSOCIATION = "association", _("Association")
    INITIATIVE = "initiative", _("Initiative")
    MIGRANT_ORGANISATION = "migrant_organisation", _("Migrant organisation")
    OTHER = "other", _("Other")


class OrganisationPage(BasePage):
    """A partner organisation of the network, with its services and projects as children."""

    kind = models.CharField(
        _("kind of organisation"),
        max_length=32,
        choices=OrganisationKind.choices,
        default=OrganisationKind.OTHER,
    )
    description = RichTextField(
        _("description"), blank=True, features=["h2", "h3", "bold", "italic", "ol", "ul", "link"]
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("logo"),
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True, default="Magdeburg")

    override_translatable_fields = [
        SynchronizedField("kind", overridable=False),
        SynchronizedField("logo", overridable=False),
        SynchronizedField("website", overridable=False),
        SynchronizedField("email", overridable=False),
        SynchronizedField("phone", overridable=False),
        SynchronizedField("street", overridable=False),
        SynchronizedField("postcode", overridable=False),
    ]

    content_panels = [
        FieldPanel("title", heading=_("Name")),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                FieldRowPanel([FieldPanel("street"), FieldPanel("postcode"), FieldPanel("city")]),
            ],
            heading=_("Contact"),
        ),
        InlinePanel("working_group_links", label=_("Working groups")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.FilterField("kind"),
    ]

    template = "directory/organisation_page.html"
    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types = ["directory.ServicePage", "directory.ProjectPage"]

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def address_line(self):
        """The address on one line, or '' when none is given."""
        if not self.street:
            return ""
        return f"{self.street}, {self.postcode} {self.city}".strip()

    def listings(self, request=None):
        """Cards of the live listings of this organisation."""
        # The query layer imports these models: imported at call time (app-loading cycle).
        from directory.cards import listing_cards_html

        ids = self.get_children().live().public().values_list("id", flat=True)
        return listing_cards_html(request, ids, hide_organisation=True)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listings"] = self.listings(request)
        return context


class OrganisationWorkingGroup(TranslatableMixin, Orderable):
    """Membership of an organisation in one of the network's working groups."""

    page = ParentalKey(
        OrganisationPage, on_delete=models.CASCADE, related_name="working_group_links"
    )
    working_group = models.ForeignKey(
        "directory.WorkingGroup",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("working group"),
    )
    panels = [FieldPanel("working_group")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("working group membership")
