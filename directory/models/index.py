"""The directory: every listing with combinable filters, and the list of partners."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Locale

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
        # The query layer imports these models: imported at call time (app-loading cycle).
        from directory.cards import listing_cards_html
        from directory.queries import facet_counts, filter_listings, parse_filters

        number = request.GET.get("page", "1")
        if not number.isdigit() or not 1 <= int(number) <= MAX_PAGE_NUMBER:
            return HttpResponseBadRequest(
                _("The page number must be a whole number between 1 and %(max)s.")
                % {"max": MAX_PAGE_NUMBER},
                content_type="text/plain; charset=utf-8",
            )
        filters = parse_filters(request.GET)
        locale = Locale.get_active()
        paginator = Paginator(filter_listings(locale, filters), PAGE_SIZE)
        try:
            page = paginator.page(int(number))
        except (EmptyPage, PageNotAnInteger):
            page = paginator.page(paginator.num_pages)
        context = self.get_context(request)
        context.update(
            {
                "filters": filters,
                "facets": facet_counts(locale, filters),
                "page_obj": page,
                "listings": listing_cards_html(request, page.object_list),
                "result_count": paginator.count,
                "filter_query": "&".join(f"{k}={v}" for k, v in filters.as_query_items()),
            }
        )
        return TemplateResponse(request, self.template, context)

    @path("partner/", name="organisations")
    def organisations(self, request):
        """Every partner organisation, by name."""
        context = self.get_context(request)
        context["organisations"] = (
            OrganisationPage.objects.child_of(self).live().public().order_by("title")
        )
        return TemplateResponse(request, "directory/organisation_index.html", context)
