"""The skeleton of a site: what a bare install needs before any listing exists.

In every content language: the home page (replacing Wagtail's welcome page as the site's
root), the directory with its partner list, the privacy page, and the network's eleven action
fields. German is the source; the other languages are wagtail-localize translations made
from the interface's gettext catalogues (so the translation status and the editor know them),
or aliases where a catalogue lacks a string. ``manage.py setup_site`` builds it, and
``load_demo`` builds the demo on top of it.

Everything is found again by a stable key before it is created (the home page by type below
the root, the others by type below the home page, action fields by code), and nothing that
exists is changed, translated over or deleted: a second run does nothing.
"""

import uuid
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import TranslationSource
from wagtail_localize.synctree import create_aliases_for_new_page

from base.i18n import ensure_synced_locale, translate_object
from base.languages import SOURCE_LANGUAGE
from directory.models import ActionField, DirectoryIndexPage
from home.models import HomePage, PrivacyPage
from search.bulk import bulk_writes

# The network's eleven action fields: (stable code, icon, name). The codes are what filters,
# imports and the open data use in every language; the German names are the network's own.
ACTION_FIELDS = [
    ("sprache", "speech", pgettext_lazy("action field", "Language")),
    ("arbeit-ausbildung", "work", pgettext_lazy("action field", "Work and vocational training")),
    ("jugend-soziales", "youth", pgettext_lazy("action field", "Youth and social affairs")),
    ("kultur-religion", "culture", pgettext_lazy("action field", "Culture and religion")),
    (
        "frauen-maedchen",
        "equality",
        pgettext_lazy("action field", "Equal rights for women and girls with a migrant background"),
    ),
    (
        "wohnen-nachbarschaft",
        "home",
        pgettext_lazy("action field", "Housing / intercultural conflicts in the neighbourhood"),
    ),
    ("schule-bildung", "school", pgettext_lazy("action field", "School and education")),
    ("interkulturelle-arbeit", "handshake", pgettext_lazy("action field", "Intercultural work")),
    (
        "soziale-integration-partizipation",
        "people",
        pgettext_lazy("action field", "Social integration and participation"),
    ),
    ("politische-partizipation", "vote", pgettext_lazy("action field", "Political participation")),
    (
        "oeffnung-regelangebote",
        "door",
        pgettext_lazy("action field", "Social integration and opening up mainstream services"),
    ),
]

HOME_SLUG = "home"
DIRECTORY_SLUG = "angebote"
PRIVACY_SLUG = "datenschutz"
HOME_INTRO = _("Counselling and support – find services in your language.")
DIRECTORY_TITLE = pgettext_lazy("page title", "Services")
DIRECTORY_INTRO = _(
    "Counselling, courses, meeting places and projects of the network's partners. Choose "
    "topics, languages or districts to narrow down the list."
)
PRIVACY_TITLE = pgettext_lazy("page title", "Privacy")
PRIVACY_INTRO = _("What this site stores, for how long, and who can see it.")
# Every text of the skeleton that a translation needs: its German form is the source string.
TEXTS = [HOME_INTRO, DIRECTORY_TITLE, DIRECTORY_INTRO, PRIVACY_TITLE, PRIVACY_INTRO] + [
    name for _code, _icon, name in ACTION_FIELDS
]


def action_field_translation_key(code: str) -> uuid.UUID:
    """The translation key of an action field (the scheme of migration directory/0002)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"wegweiser:action-field:{code}")


def in_language(text, code: str) -> str:
    """A lazy gettext string in the language ``code``."""
    with translation.override(code):
        return str(text)


@dataclass(frozen=True)
class Network:
    """The network that runs the site: its name and the publisher's contact."""

    name: str
    email: str = ""
    phone: str = ""
    address: str = ""
    website: str = ""

    @classmethod
    def from_settings(cls, **given) -> "Network":
        """The network from the settings (``WEGWEISER_NETWORK_NAME``, ...), ``given`` winning.

        An address's lines are separated by ";" or line breaks; without a name the site's
        name (``WAGTAIL_SITE_NAME``) stands in.
        """
        values = {
            "name": settings.WEGWEISER_NETWORK_NAME,
            "email": settings.WEGWEISER_CONTACT_EMAIL,
            "phone": settings.WEGWEISER_CONTACT_PHONE,
            "address": settings.WEGWEISER_CONTACT_ADDRESS,
            "website": settings.WEGWEISER_CONTACT_WEBSITE,
        }
        values.update({key: value for key, value in given.items() if value is not None})
        values = {key: value.strip() for key, value in values.items()}
        values["name"] = values["name"] or settings.WAGTAIL_SITE_NAME
        lines = values["address"].replace(";", "\n").splitlines()
        values["address"] = "\n".join(line.strip() for line in lines if line.strip())
        return cls(**values)


@dataclass
class Report:
    """How many objects of each kind were created and how many were already there."""

    created: Counter = field(default_factory=Counter)
    existing: Counter = field(default_factory=Counter)
    kinds: dict = field(default_factory=dict)

    def add(self, what: str, created: bool) -> None:
        (self.created if created else self.existing)[what] += 1
        self.kinds.setdefault(what, None)

    def lines(self) -> list[str]:
        """One line per kind, in the order they were first met."""
        return [
            f"{what}: {self.created[what]} created, {self.existing[what]} already there"
            for what in self.kinds
        ]


@dataclass
class Skeleton:
    """The German skeleton pages."""

    home: HomePage
    directory: DirectoryIndexPage
    privacy: PrivacyPage


def publish_child(parent: Page, page: Page) -> Page:
    """Add ``page`` below ``parent``, publish it through a revision, as the admin does, and
    give it its aliases in the locales already synchronised from German."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    create_aliases_for_new_page(page)
    return page


def ensure_action_fields(locale: Locale, report) -> dict[str, ActionField]:
    """The German action fields by code; those missing (normally seeded by a migration) are
    created with their German names."""
    existing = {term.code: term for term in ActionField.objects.filter(locale=locale)}
    for order, (code, icon, name) in enumerate(ACTION_FIELDS, start=1):
        report.add("action fields", code not in existing)
        if code not in existing:
            existing[code] = ActionField.objects.create(
                code=code,
                name=in_language(name, SOURCE_LANGUAGE),
                icon=icon,
                sort_order=order,
                locale=locale,
                translation_key=action_field_translation_key(code),
            )
    return existing


def ensure_home(locale: Locale, network: Network, report, home_fields=None) -> HomePage:
    """The German home page as the default site's root, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    # Wagtail's welcome page is a plain Page below the root; keep any another site uses.
    other_sites_roots = Site.objects.exclude(is_default_site=True).values("root_page_id")
    welcome_pages = list(
        Page.objects.child_of(root)
        .filter(content_type=ContentType.objects.get_for_model(Page))
        .exclude(pk__in=other_sites_roots)
    )
    home = HomePage.objects.child_of(root).filter(locale=locale).first()
    report.add("home page", home is None)
    if home is None:
        # The welcome page holds the slug "home"; move it aside until it is deleted.
        for page in welcome_pages:
            Page.objects.filter(pk=page.pk).update(slug=f"welcome-{page.pk}")
        fields = {
            "title": network.name,
            "slug": HOME_SLUG,
            "intro": in_language(HOME_INTRO, SOURCE_LANGUAGE),
            "coordinator_email": network.email,
            "coordinator_phone": network.phone,
            "coordinator_address": network.address,
            "coordinator_website": network.website,
            **(home_fields or {}),
        }
        home = publish_child(root, HomePage(locale=locale, **fields))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or site.root_page_id != home.pk:
        # Point the site at the new home first: deleting a site's root deletes the site.
        make_site_root(home, site, home.title)
    for page in welcome_pages:
        page.delete()
    return home


def make_site_root(home: HomePage, site: Site | None, site_name: str) -> None:
    """Make ``home`` the root of the default ``site`` (created if there is none)."""
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = home
    site.site_name = site_name
    site.save()


def ensure_directory(home: HomePage, report) -> DirectoryIndexPage:
    """The directory below the German home page (its partner list is one of its routes)."""
    directory = DirectoryIndexPage.objects.child_of(home).first()
    report.add("directory page", directory is None)
    if directory is None:
        directory = DirectoryIndexPage(
            locale=home.locale,
            title=in_language(DIRECTORY_TITLE, SOURCE_LANGUAGE),
            slug=DIRECTORY_SLUG,
            intro=f"<p>{escape(in_language(DIRECTORY_INTRO, SOURCE_LANGUAGE))}</p>",
        )
        publish_child(home, directory)
    return directory


def ensure_privacy(home: HomePage, report) -> PrivacyPage:
    """The privacy page below the German home page."""
    privacy = PrivacyPage.objects.child_of(home).first()
    report.add("privacy page", privacy is None)
    if privacy is None:
        privacy = PrivacyPage(
            locale=home.locale,
            title=in_language(PRIVACY_TITLE, SOURCE_LANGUAGE),
            slug=PRIVACY_SLUG,
            intro=in_language(PRIVACY_INTRO, SOURCE_LANGUAGE),
        )
        publish_child(home, privacy)
    return privacy


def build_german(network: Network, report, home_fields=None) -> Skeleton:
    """The German skeleton: action fields, home page (the site's root), directory, privacy."""
    locale, created = Locale.objects.get_or_create(language_code=SOURCE_LANGUAGE)
    report.add("locales", created)
    ensure_action_fields(locale, report)
    home = ensure_home(locale, network, report, home_fields)
    return Skeleton(
        home=home,
        directory=ensure_directory(home, report),
        privacy=ensure_privacy(home, report),
    )


def find_german() -> Skeleton | None:
    """The German skeleton pages, or None while any of them is missing."""
    home = HomePage.objects.filter(locale__language_code=SOURCE_LANGUAGE, depth=2).first()
    if home is None:
        return None
    directory = DirectoryIndexPage.objects.child_of(home).first()
    privacy = PrivacyPage.objects.child_of(home).first()
    if directory is None or privacy is None:
        return None
    return Skeleton(home=home, directory=directory, privacy=privacy)


def catalogue(language_code: str, fixed=()) -> dict[str, str]:
    """{German source string: its translation into ``language_code``} for the skeleton's texts;
    ``fixed`` strings (names, slugs) stay as they are in every language."""
    found = {value: value for value in fixed}
    for text in TEXTS:
        found[in_language(text, SOURCE_LANGUAGE)] = in_language(text, language_code)
    return found


def source_strings(source: TranslationSource) -> set[str]:
    """The text strings of a translation source, as its PO file lists them."""
    return set(source.stringsegment_set.values_list("string__data", flat=True))


def translate(skeleton: Skeleton, report, languages=None) -> None:
    """Synchronise every content language from German and translate the skeleton into it.

    An object is translated only while it is missing or an alias in that language, and only
    when the catalogue has every one of its strings: a translator's work is never overwritten
    and no page shows half German. ``languages`` limits the languages (default: all).
    """
    german = skeleton.home.locale
    objects = [
        *ActionField.objects.filter(locale=german, code__in=[c for c, _i, _n in ACTION_FIELDS]),
        skeleton.home,
        skeleton.directory,
        skeleton.privacy,
    ]
    # The network's name is the same in every language. A slug given unchanged is made from
    # the translated title (translate_object); only the home page keeps it (it is in no URL).
    fixed = [HOME_SLUG, DIRECTORY_SLUG, PRIVACY_SLUG, skeleton.home.title]
    sources = None
    for code in settings.WAGTAIL_CONTENT_LANGUAGE_CODES:
        locale = ensure_synced_locale(code)
        if code == SOURCE_LANGUAGE or (languages and code not in languages):
            continue
        if sources is None:
            sources = [
                (instance, TranslationSource.update_or_create_from_instance(instance)[0])
                for instance in objects
            ]
        strings = catalogue(code, fixed)
        # Siblings of the German home page below the tree's root: one slug per language.
        strings[HOME_SLUG] = f"{HOME_SLUG}-{code}"
        for instance, source in sources:
            target = instance.get_translation_or_none(locale)
            if target is not None and getattr(target, "alias_of_id", None) is None:
                report.add(f"translations into {code}", False)
                continue
            if not source_strings(source) <= strings.keys():
                continue
            translate_object(instance, locale, strings, source)
            report.add(f"translations into {code}", True)


def setup_site(network: Network, languages=None) -> Report:
    """Build the skeleton in every content language (idempotent, in one transaction)."""
    report = Report()
    with bulk_writes():
        skeleton = build_german(network, report)
        translate(skeleton, report, languages)
    return report
