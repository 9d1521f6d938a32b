"""Translatable taxonomies: action fields, target groups, working groups and districts.

Each term has a stable ``code`` that is the same in every language (a synchronised field),
so filters and the open-data API use the code and never a translated label.
"""

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from base.languages import SOURCE_LANGUAGE


class TaxonomyTerm(TranslatableMixin, index.Indexed, models.Model):
    """Shared shape of a taxonomy term: a stable code, a translated name and description."""

    code = models.SlugField(
        _("code"),
        max_length=64,
        help_text=_("Stable identifier used in links, filters and open data. Never translated."),
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    override_translatable_fields = [
        SynchronizedField("code", overridable=False),
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("sort_order", overridable=False),
    ]
    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("code"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class ActionField(TaxonomyTerm):
    """One of the network's action fields (Handlungsfelder), e.g. language or housing."""

    # The pictogram of a field without its own icon (a symbol id in static/img/icons.svg).
    DEFAULT_ICON = "people"

    icon = models.CharField(
        _("icon"),
        max_length=32,
        blank=True,
        help_text=_(
            "Name of the pictogram shown on the home page tile, on listing cards and in the "
            "filters (a symbol of static/img/icons.svg)."
        ),
    )

    override_translatable_fields = [
        *TaxonomyTerm.override_translatable_fields,
        SynchronizedField("icon", overridable=False),
    ]
    panels = [*TaxonomyTerm.panels, FieldPanel("icon")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("action field")
        verbose_name_plural = _("action fields")
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="unique_action_field_code"),
        ]

    @property
    def pictogram(self) -> str:
        """The id of the field's symbol in ``img/icons.svg`` (the default one when unset)."""
        return self.icon or self.DEFAULT_ICON


class TargetGroup(TaxonomyTerm):
    """A group of people a listing is meant for, e.g. women, young people, refugees."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="unique_target_group_code"),
        ]


class WorkingGroup(TaxonomyTerm):
    """One of the network's working groups (Arbeitsgruppen), each covering action fields."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="unique_working_group_code"),
        ]


class District(TaxonomyTerm):
    """A city district (Stadtteil) where a listing's location lies."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="unique_district_code"),
        ]


class ActionFieldMapping(models.Model):
    """A term of another publisher's taxonomy that means one of our action fields.

    Coordinators keep these; an HSDS import gives a listing the action field of every
    foreign term it carries (matched by the term's code, name or id, ignoring case), and a
    changed mapping is applied again to every listing an import brought with that term.
    """

    foreign_term = models.CharField(
        _("foreign term"),
        max_length=200,
        help_text=_(
            "The code, name or id of a term of another taxonomy, as an imported file names it "
            "(upper and lower case are the same)."
        ),
    )
    action_field = models.ForeignKey(
        ActionField,
        verbose_name=_("action field"),
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to={"locale__language_code": SOURCE_LANGUAGE},
    )

    panels = [FieldPanel("foreign_term"), FieldPanel("action_field")]

    class Meta:
        verbose_name = _("action field mapping")
        verbose_name_plural = _("action field mappings")
        ordering = ["foreign_term"]
        constraints = [
            models.UniqueConstraint(
                Lower("foreign_term"),
                name="unique_action_field_mapping_term",
                violation_error_message=_("This foreign term is already mapped."),
            ),
        ]

    def __str__(self):
        return f"{self.foreign_term} → {self.action_field.code}"

    def save(self, *args, **kwargs):
        self.foreign_term = self.foreign_term.strip()
        super().save(*args, **kwargs)
