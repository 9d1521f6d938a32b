from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The search page and the query layer shared by the site, the API and the benchmarks."""

    name = "search"
    label = "wegweiser_search"
    verbose_name = _("Search")

    def ready(self):
        from search.indexing import connect_signals

        connect_signals()
