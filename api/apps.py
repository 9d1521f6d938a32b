from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """Open data: the HSDS 3.0 API, import and export of the directory."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "api"
    verbose_name = _("Open data (HSDS)")

    def ready(self):
        # Signal receivers need the models loaded: imported once the app registry is ready.
        from api import signals  # noqa: F401
