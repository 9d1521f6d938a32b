from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The home page, the shared base page and the network's content pages."""

    name = "home"
    verbose_name = _("Home and network pages")

    def ready(self):
        from home import content_cache

        content_cache.connect_signals()
