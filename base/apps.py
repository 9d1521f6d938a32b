from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BaseConfig(AppConfig):
    """What every app builds on: the base page, languages, caches and translation access."""

    name = "base"
    verbose_name = _("Site foundation")

    def ready(self):
        # Signal receivers import models, which cannot be imported before the apps are ready.
        from base import content_cache, sanitize, translation_access

        content_cache.connect_signals()
        translation_access.connect_signals()
        sanitize.connect_signals()
