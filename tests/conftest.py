"""Shared fixtures: the site's page tree built the way load_demo builds it, and users."""

from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.db import transaction
from wagtail.models import Locale, Page, Site
from xdist.scheduler import LoadScopeScheduling

from base.content_cache import content_changed
from directory import labels
from directory.factories import DirectoryIndexPageFactory, OrganisationPageFactory
from directory.models import DirectoryIndexPage
from home.factories import HomePageFactory
from home.models import HomePage
from search.query import forget_synonyms, forget_vocabulary


def forget_cached_content():
    """Drop everything cached about the content, after shared test content is rolled back.

    A rollback sends no signal, so the caches would still hold the vanished pages: Django's
    cache (Wagtail's site root paths, rendered cards, the content version), this process's
    content cache (menus, directory snapshots), taxonomy labels, search vocabularies and
    synonyms.
    """
    cache.clear()
    content_changed()
    labels._cache.clear()
    forget_vocabulary()
    forget_synonyms()


@pytest.fixture(autouse=True)
def fresh_directory_snapshots():
    """Rolled-back test data sends no signal: start every test with outdated snapshots."""
    content_changed()
    yield
    content_changed()


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


@pytest.fixture
def locale_en(db):
    """The English locale, for content that must stay out of the German tree."""
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def organisation(directory_page):
    """A live partner organisation in the German directory."""
    return OrganisationPageFactory(parent=directory_page, title="Caritas Magdeburg")


@pytest.fixture(scope="module")
def module_site(django_db_setup, django_db_blocker):
    """A German site (home page as the default site's root, directory, one partner) for a module.

    It is built once, inside a transaction that is rolled back when the module ends; every
    test runs in its own savepoint on top of it. Module-scoped fixtures that add shared
    content depend on this one, so that their rows are rolled back with it. A module opts
    in by overriding ``directory_page`` and ``organisation`` with its pages; it must not
    also hold ``transactional_db`` tests, whose flush would empty the shared tree.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        home = HomePageFactory()
        site = Site.objects.get(is_default_site=True)
        site.root_page = home
        site.save()
        directory = DirectoryIndexPageFactory(parent=home)
        organisation = OrganisationPageFactory(parent=directory, title="Caritas Magdeburg")
        yield SimpleNamespace(home=home, directory=directory, organisation=organisation)
        transaction.set_rollback(True)
    # Wagtail caches the site's root paths, which pointed into the rolled-back tree.
    forget_cached_content()


class SharedContentScheduling(LoadScopeScheduling):
    """pytest-xdist's scheduling with each shared-content package as one unit of work.

    ``--dist=loadgroup`` should keep an ``xdist_group`` together, but with pytest 9 its
    group names no longer reach the node ids, so the demo would be built on both workers.
    Here every test of ``tests/demo/`` and of ``tests/browser/`` goes to the same worker as
    the rest of its package; every other test is scheduled on its own.
    """

    def _split_scope(self, nodeid: str) -> str:
        for package in SHARED_CONTENT_PACKAGES:
            if nodeid.startswith(package):
                return package
        return nodeid


SHARED_CONTENT_PACKAGES = ("tests/demo/", "tests/browser/")


def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") == "loadgroup":
        return SharedContentScheduling(config, log)
    return None
