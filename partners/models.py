"""Partners' accounts and their organisations' settings, correction suggestions, reminders."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class Partner(models.Model):
    """A partner organisation's editors' group and what the coordinators allow it.

    One row per organisation, tied to its German (source) page; the group's page rights
    cover that organisation's page in every language tree (see ``partners.roles``).
    """

    organisation = models.OneToOneField(
        "directory.OrganisationPage",
        on_delete=models.CASCADE,
        related_name="partner",
        verbose_name=_("organisation"),
    )
    group = models.OneToOneField(
        Group, on_delete=models.PROTECT, related_name="partner", verbose_name=_("editors' group")
    )
    may_publish_directly = models.BooleanField(
        _("may publish directly"),
        default=False,
        help_text=_(
            "Trusted organisations publish their changes without a coordinator's approval."
        ),
    )

    panels = [FieldPanel("may_publish_directly")]

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.organisation.title

    def editors(self):
        """The active members of this partner's group."""
        return self.group.user_set.filter(is_active=True)


class CorrectionSuggestion(models.Model):
    """A visitor's hint that a listing is wrong. No IP address or other identifier is kept."""

    listing = models.ForeignKey(
        "directory.ListingPage",
        on_delete=models.CASCADE,
        related_name="correction_suggestions",
        verbose_name=_("listing"),
    )
    message = models.TextField(_("what is wrong"), max_length=2000)
    contact = models.CharField(_("contact for questions"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=12, blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    done = models.BooleanField(_("done"), default=False)

    panels = [FieldPanel("listing", read_only=True), FieldPanel("message"), FieldPanel("done")]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("correction suggestion")
        verbose_name_plural = _("correction suggestions")

    def __str__(self):
        # No message text: a title may show where the message itself must not.
        return _("Correction suggestion for %(listing)s of %(date)s") % {
            "listing": self.listing.title,
            "date": f"{self.created_at:%Y-%m-%d}" if self.created_at else "",
        }


class ReviewReminder(models.Model):
    """When the editors were last reminded to review a listing (all its languages at once)."""

    translation_key = models.UUIDField(_("listing"), unique=True)
    sent_at = models.DateTimeField(_("sent"))

    class Meta:
        verbose_name = _("review reminder")
        verbose_name_plural = _("review reminders")

    def __str__(self):
        return f"{self.translation_key} @ {self.sent_at:%Y-%m-%d}"
