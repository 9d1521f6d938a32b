"""The partner's dashboard panel: their listings, publication and translation status."""

from django.middleware.csrf import get_token
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from base.translation_status import STATUS_LABELS, status_table
from directory.models import ListingPage
from partners.charts import coordinator_charts
from partners.roles import partners_of


def publication_state(page) -> tuple[str, str]:
    """(key, label): in moderation, draft, live with unpublished changes, or live."""
    if page.workflow_in_progress:
        return "moderation", _("in moderation")
    if not page.live:
        return "draft", _("draft")
    if page.has_unpublished_changes:
        return "live_draft", _("live, with unpublished changes")
    return "live", _("live")


def partner_rows(user):
    """Per organisation of ``user``: (organisation, rows, locales) with one row per listing."""
    result = []
    locales, table = None, None
    for partner in partners_of(user):
        organisation = partner.organisation
        listings = list(
            ListingPage.objects.child_of(organisation).prefetch_workflow_states().order_by("title")
        )
        if table is None:
            locales, table = status_table()
            table = {page.id: statuses for page, statuses in table}
        rows = []
        for listing in listings:
            statuses = table.get(listing.id, {})
            translations = [
                (locale, *statuses.get(locale.language_code, (None, None))) for locale in locales
            ]
            rows.append(
                {
                    "page": listing,
                    "state": publication_state(listing),
                    "translations": translations,
                    "stale": listing.is_stale(),
                }
            )
        result.append((organisation, rows))
    return result, locales or []


class PartnerListingsPanel(Component):
    """Shown on the admin dashboard of anyone who edits for a partner organisation."""

    name = "partner_listings"
    order = 50
    template_name = "partners/admin/dashboard_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        organisations, locales = partner_rows(self.request.user)
        return {
            "organisations": organisations,
            "locales": locales,
            "labels": STATUS_LABELS,
            "request": self.request,
            "csrf_token": get_token(self.request),
        }


class CoordinatorChartsPanel(Component):
    """Shown on the coordinator's dashboard: the network's state as SVG charts."""

    name = "coordinator_charts"
    order = 60
    template_name = "partners/admin/charts_panel.html"

    def get_context_data(self, parent_context):
        return {"charts": coordinator_charts()}
