from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo content of every app (the top layer: nothing imports it but tests)."""

    name = "demo"
    verbose_name = _("Demo content")
