from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    """Organisations, their services and projects, and the taxonomies that classify them."""

    name = "directory"
    verbose_name = _("Directory")

    def ready(self):
        from directory import facets, hours, labels, language_cascade  # noqa: F401  (labels: signals)

        checks.register(hours.check_holiday_settings)
        facets.connect_signals()
        language_cascade.connect_signals()
