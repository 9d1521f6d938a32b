"""Where each page type may be created, and that every concrete page type routes and renders."""

from django.http import Http404
from django.urls import resolve
from django.utils import translation
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase

from directory.factories import (
    DirectoryIndexPageFactory,
    OrganisationPageFactory,
    ProjectPageFactory,
    ServicePageFactory,
)
from directory.models import (
    DirectoryIndexPage,
    ListingPage,
    OrganisationPage,
    ProjectPage,
    ServicePage,
)
from home.factories import ContentPageFactory, HomePageFactory
from home.models import ContentPage, HomePage, PrivacyPage

ALL_PAGE_TYPES = [
    HomePage,
    ContentPage,
    DirectoryIndexPage,
    OrganisationPage,
    ServicePage,
    ProjectPage,
]


class PageTreeRulesTests(WagtailPageTestCase):
    """The page tree is fixed: home > directory > organisation > service/project."""

    def test_home_page_is_created_under_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        for parent in ALL_PAGE_TYPES:
            self.assertCanNotCreateAt(parent, HomePage)

    def test_home_page_holds_the_directory_and_content_pages(self):
        self.assertAllowedSubpageTypes(HomePage, {DirectoryIndexPage, ContentPage, PrivacyPage})

    def test_directory_is_created_under_a_home_page_only(self):
        self.assertAllowedParentPageTypes(DirectoryIndexPage, {HomePage})
        self.assertCanCreateAt(HomePage, DirectoryIndexPage)
        self.assertCanNotCreateAt(ContentPage, DirectoryIndexPage)
        self.assertCanNotCreateAt(Page, DirectoryIndexPage)

    def test_a_home_page_has_at_most_one_directory(self):
        home = HomePageFactory()
        self.assertTrue(DirectoryIndexPage.can_create_at(home))
        DirectoryIndexPageFactory(parent=home)
        self.assertFalse(DirectoryIndexPage.can_create_at(home))

    def test_organisations_are_created_under_the_directory_only(self):
        self.assertAllowedParentPageTypes(OrganisationPage, {DirectoryIndexPage})
        self.assertAllowedSubpageTypes(DirectoryIndexPage, {OrganisationPage})

    def test_services_and_projects_are_created_under_an_organisation_only(self):
        self.assertAllowedSubpageTypes(OrganisationPage, {ServicePage, ProjectPage})
        for listing_type in (ServicePage, ProjectPage):
            self.assertAllowedParentPageTypes(listing_type, {OrganisationPage})
            for parent in (HomePage, ContentPage, DirectoryIndexPage, ServicePage, ProjectPage):
                self.assertCanNotCreateAt(parent, listing_type)

    def test_listings_have_no_children(self):
        self.assertAllowedSubpageTypes(ServicePage, set())
        self.assertAllowedSubpageTypes(ProjectPage, set())

    def test_the_listing_base_type_cannot_be_created_anywhere(self):
        self.assertFalse(ListingPage.is_creatable)
        for parent in ALL_PAGE_TYPES:
            self.assertCanNotCreateAt(parent, ListingPage)

    def test_content_pages_are_created_under_home_or_other_content_pages(self):
        self.assertAllowedParentPageTypes(ContentPage, {HomePage, ContentPage})
        self.assertAllowedSubpageTypes(ContentPage, {ContentPage})
        self.assertCanNotCreateAt(DirectoryIndexPage, ContentPage)
        self.assertCanNotCreateAt(OrganisationPage, ContentPage)


class PagesRouteAndRenderTests(WagtailPageTestCase):
    """One live page of every concrete type, in the default site's German tree."""

    def assertPageIsRoutable(self, page, route_path="/", msg=None):  # noqa: N802
        """Route like Wagtail's helper, but without the /<lang>/ prefix of i18n_patterns.

        Wagtail's helper hands every component of ``page.url`` to the page router, so with
        i18n_patterns it looks for a page with the slug ``de`` and fails for every page.
        """
        path = page.get_url(self.dummy_request)
        if route_path != "/":
            path = path.rstrip("/") + "/" + route_path.lstrip("/")
        with translation.override(page.locale.language_code):
            served_path = resolve(path).args[0]
            try:
                routed = page.get_site().root_page.localized.specific.route(
                    self.dummy_request, [part for part in served_path.split("/") if part]
                )[0]
            except Http404:
                routed = None
        if routed is None or routed.pk != page.pk:
            self.fail(self._formatMessage(msg, f"{path} does not route to {page!r}"))

    @classmethod
    def setUpTestData(cls):
        cls.home = HomePageFactory()
        site = Site.objects.get(is_default_site=True)
        site.root_page = cls.home
        site.save()
        cls.content = ContentPageFactory(parent=cls.home, title="Grundsätze")
        cls.directory = DirectoryIndexPageFactory(parent=cls.home)
        cls.organisation = OrganisationPageFactory(parent=cls.directory)
        cls.service = ServicePageFactory(parent=cls.organisation)
        cls.project = ProjectPageFactory(parent=cls.organisation)

    def pages(self):
        return [
            self.home,
            self.content,
            self.directory,
            self.organisation,
            self.service,
            self.project,
        ]

    def test_every_page_type_is_routable(self):
        for page in self.pages():
            with self.subTest(page_type=type(page).__name__):
                self.assertPageIsRoutable(page)

    def test_every_page_type_is_renderable(self):
        for page in self.pages():
            with self.subTest(page_type=type(page).__name__):
                self.assertPageIsRenderable(page)

    def test_the_directory_list_of_partners_is_routable_and_renderable(self):
        self.assertPageIsRoutable(self.directory, "partner/")
        self.assertPageIsRenderable(self.directory, "partner/")
