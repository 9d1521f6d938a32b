"""The abstract page every page type builds on, and the site-wide translation settings."""

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Page

from base.page_permissions import TranslationAwarePagePermissionTester
from base.translation_status import translation_info


class BasePage(Page):
    """What every page of the site shares. Abstract: pick a concrete page type."""

    search_fields = [*Page.search_fields]
    promote_panels = Page.promote_panels

    # Pages linked on their own in the header (the directory) stay out of the main menu.
    show_in_main_menu = True

    class Meta:
        abstract = True

    def _check_slug_is_unique(self):
        # base.bulk_pages checks the slugs of a group of new siblings with one query for all.
        if not getattr(self, "slug_checked_in_bulk", False):
            super()._check_slug_is_unique()

    def permissions_for_user(self, user):
        """Wagtail's page rights, with translators limited to translating (``page_permissions``)."""
        return TranslationAwarePagePermissionTester(user, self)

    def translations_for_switcher(self):
        """This page in every other language (live translations and aliases)."""
        return list(self.get_translations(inclusive=False).live().select_related("locale"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["translation_info"] = translation_info(self)
        return context


def home_page_model() -> type[Page]:
    """The page type at the root of each language tree (``WEGWEISER_HOME_PAGE_MODEL``).

    Named in settings so that this bottom layer never imports the app that defines it.
    """
    return apps.get_model(settings.WEGWEISER_HOME_PAGE_MODEL)


@register_setting(icon="globe")
class TranslationSettings(BaseGenericSetting):
    """How translations are handled, set by the coordinator in the admin."""

    review_translations = models.BooleanField(
        _("review translations before publishing"),
        default=False,
        help_text=_(
            "When on, translators can only save drafts; a coordinator reviews and publishes them."
        ),
    )

    panels = [FieldPanel("review_translations")]

    class Meta:
        verbose_name = _("translation settings")
