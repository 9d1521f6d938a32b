"""The home page of each language tree and the network's content pages."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from base.helpers import tel_href
from base.models import BasePage
from directory.models import ActionField, DirectoryIndexPage


class ContentBlock(blocks.StreamBlock):
    """The blocks of a content page: text, headings, images, documents and a call to action."""

    heading = blocks.CharBlock(
        label=_("Heading"), form_classname="title", template="blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(
        label=_("Text"), features=["bold", "italic", "link", "ol", "ul", "document-link"]
    )
    image = ImageBlock(label=_("Image"), template="blocks/image.html")
    document = blocks.StructBlock(
        [
            ("document", DocumentChooserBlock(label=_("Document"))),
            ("title", blocks.CharBlock(label=_("Link text"), required=False)),
        ],
        label=_("Document download"),
        template="blocks/document.html",
    )
    quote = blocks.BlockQuoteBlock(label=_("Quote"))


class HomePage(BasePage):
    """The root of each language tree: the network, a search box, action fields, the contact.

    Its flyers are the printable ones drawn per action field (``directory.flyer``).
    """

    intro = models.CharField(_("headline"), max_length=255, blank=True)
    about = RichTextField(
        _("what the network is and does"), blank=True, features=["bold", "italic", "link", "ul"]
    )
    coordinator_name = models.CharField(_("coordinator's name"), max_length=200, blank=True)
    coordinator_role = models.CharField(_("coordinator's role"), max_length=200, blank=True)
    coordinator_unit = models.CharField(_("unit"), max_length=200, blank=True)
    coordinator_address = models.TextField(_("address"), blank=True)
    coordinator_phone = models.CharField(_("phone"), max_length=50, blank=True)
    coordinator_email = models.EmailField(_("e-mail"), blank=True)
    coordinator_website = models.URLField(_("website"), blank=True)

    override_translatable_fields = [
        SynchronizedField("coordinator_name", overridable=False),
        SynchronizedField("coordinator_phone", overridable=False),
        SynchronizedField("coordinator_email", overridable=False),
        SynchronizedField("coordinator_address", overridable=False),
        SynchronizedField("coordinator_website", overridable=False),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("about"),
        MultiFieldPanel(
            [
                FieldPanel("coordinator_name"),
                FieldPanel("coordinator_role"),
                FieldPanel("coordinator_unit"),
                FieldPanel("coordinator_address"),
                FieldPanel("coordinator_phone"),
                FieldPanel("coordinator_email"),
                FieldPanel("coordinator_website"),
            ],
            heading=_("Coordinator's contact"),
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("about")]

    template = "home/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["directory.DirectoryIndexPage", "home.ContentPage", "home.PrivacyPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["action_fields"] = ActionField.objects.filter(locale_id=self.locale_id)
        context["directory"] = DirectoryIndexPage.objects.child_of(self).live().first()
        context["network_pages"] = ContentPage.objects.child_of(self).live().in_menu()
        return context

    def coordinator_phone_href(self):
        return tel_href(self.coordinator_phone)


class ContentPage(BasePage):
    """A standard page for the network's principles, working groups and news."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(ContentBlock(), verbose_name=_("content"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    template = "home/content_page.html"
    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")

    def subpages(self):
        """Live public child pages (e.g. the news items below "News"), newest first."""
        return self.get_children().live().public().order_by("-first_published_at")


class PrivacyPage(BasePage):
    """What the site stores about visitors, partners and translators, one per language tree.

    The statement itself is in the template (through gettext, so it is in every language and
    names the real retention period); editors add the controller and contact below it.
    """

    intro = models.TextField(_("introduction"), blank=True)
    controller = RichTextField(
        _("controller and data protection contact"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_(
            "Who is responsible for this site under data protection law and how to reach them "
            "(and the data protection officer, if there is one)."
        ),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("controller")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    # Linked from every page's footer, so not repeated in the main menu.
    show_in_main_menu = False

    template = "home/privacy_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("privacy page")
        verbose_name_plural = _("privacy pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["retention_days"] = settings.WEGWEISER_RETENTION_DAYS
        context["home"] = self.get_parent().specific
        return context
