"""Admin integration: the editors' synonyms and the report of searches without results."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import FailedSearch, Synonym


class SynonymViewSet(SnippetViewSet):
    """Synonym groups per language, editable by editors; applied to queries at once."""

    model = Synonym
    icon = "search"
    menu_label = _("Search synonyms")
    add_to_admin_menu = False
    list_display = ["terms", "language"]
    list_filter = ["language"]


register_snippet(SynonymViewSet)


class FailedSearchReportView(ReportView):
    """Searches that found nothing, counted per day and language (anonymous)."""

    model = FailedSearch
    page_title = _("Searches without results")
    header_icon = "search"
    index_url_name = "failed_searches"
    index_results_url_name = "failed_searches_results"
    permission_policy = ModelPermissionPolicy(FailedSearch)
    permission_required = "view"
    list_export = ["query", "language", "day", "count"]
    columns = [
        Column("query", label=_("search")),
        Column("language", label=_("language")),
        Column("day", label=_("day")),
        Column("count", label=_("count")),
    ]

    def get_queryset(self):
        return FailedSearch.objects.order_by("-day", "-count", "query")


class FailedSearchMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wegweiser_search.view_failedsearch")


@hooks.register("register_admin_urls")
def register_admin_urls():
    view = FailedSearchReportView.as_view()
    results = FailedSearchReportView.as_view(results_only=True)
    return [
        path("reports/failed-searches/", view, name="failed_searches"),
        path("reports/failed-searches/results/", results, name="failed_searches_results"),
    ]


@hooks.register("register_reports_menu_item")
def register_failed_searches_menu_item():
    return FailedSearchMenuItem(
        _("Searches without results"), reverse("failed_searches"), icon_name="search", order=710
    )
