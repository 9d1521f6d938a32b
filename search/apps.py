from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The search page and the query layer shared by the site, the API and the benchmarks."""

    name = "search"
    label = "wegweiser_search"
    verbose_name = _("Search")

    def ready(self):
        # Models cannot be imported before the apps are ready.
        from search.indexing import connect_signals, install_stems_field

        install_stems_field()
        connect_signals()
