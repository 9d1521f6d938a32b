from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The home page of each language tree and the network's content pages."""

    name = "home"
    verbose_name = _("Home and network pages")
