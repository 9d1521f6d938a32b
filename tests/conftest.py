"""Shared fixtures: the site's page tree built the way load_demo builds it, and users."""

import pytest
from wagtail.models import Locale, Page, Site

from directory.models import DirectoryIndexPage
from home.models import HomePage


@pytest.fixture
def locale_de(db):
    return Locale.objects.get(language_code="de")


@pytest.fixture
def home_page(locale_de):
    """A German home page as the default site's root (Wagtail's welcome page removed)."""
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(title="Wegweiser", slug="wegweiser-home", locale=locale_de)
    )
    site = Site.objects.get(is_default_site=True)
    old_root = site.root_page
    site.root_page = home
    site.save()
    if old_root.id != home.id and not old_root.is_root():
        old_root.delete()
    return home


@pytest.fixture
def directory_page(home_page):
    return home_page.add_child(instance=DirectoryIndexPage(title="Angebote", slug="angebote"))
