"""The directory: every listing with combinable filters, and the list of partners."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from base.models import BasePage
from directory.models.organisations import OrganisationPage

PAGE_SIZE = 20
MAX_PAGE_NUMBER = 10_000


class DirectoryIndexPage(RoutablePageMixin, BasePage):
    """All listings with filters and counts; organisations are its children."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = BasePage.search_fields
    # Linked on its own in the header, so not repeated in the main menu.
    show_in_main_menu = False

    template = "directory/directory_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["directory.OrganisationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("directory")
        verbose_name_plural = _("directories")

    @path("")
    def directory(self, request):
        """The filterable list of listings; filter state lives in the query string."""
        # The result list imports these models: imported at call time (app-loading cycle).
        from directory.results import bad_page_number, listing_results, requested_page

        number = requested_page(request)
        if number is None:
            return bad_page_number()
        context = self.get_context(request)
        context.update(listing_results(request, number).context())
        return TemplateResponse(request, self.template, context)

    # In the visitor's language (/de/angebote/partner/, /en/services/partners/).
    @path(pgettext_lazy("URL path", "partners/"), name="organisations")
    def organisations(self, request):
        """Every partner organisation, by name."""
        context = self.get_context(request)
        context["organisations"] = (
            OrganisationPage.objects.child_of(self).live().public().order_by("title")
        )
        return TemplateResponse(request, "directory/organisation_index.html", context)
