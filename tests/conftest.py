"""Shared fixtures: the site's page tree built the way load_demo builds it, and users.

Also the one demo load of a test run: the read-only demo tests (``tests/demo/``) and the
browser journeys (``tests/browser/``) run one after the other on one worker, over one
committed copy of the demo (:class:`SharedDemo`).
"""

from io import StringIO
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
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


SHARED_DEMO_PACKAGES = ("tests/demo/", "tests/browser/")


def uses_shared_demo(nodeid: str) -> bool:
    """Whether a test belongs to the packages that read the one committed demo."""
    return nodeid.startswith(SHARED_DEMO_PACKAGES)


def restore_migrated_state() -> None:
    """Empty the database and put back what the migrations seeded (taken in ``django_db_setup``).

    A flush also removes the seeded rows (root page, default locale and site, groups,
    workflows, action fields), which every other test expects.
    """
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    connection.creation.deserialize_db_from_string(SHARED_DEMO.migrated)
    # The restored rows keep their ids; PostgreSQL's sequences must move past them.
    statements = connection.ops.sequence_reset_sql(
        no_style(), apps.get_models(include_auto_created=True)
    )
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


class SharedDemo:
    """The demo content (every language), loaded and committed once per test run and worker.

    ``load_demo`` is the most expensive step of the suite, so the demo tests (each in a
    savepoint on top of it) and the read-only browser journeys (whose live server needs
    committed rows) share one load. The scheduler keeps both packages together as one block
    on one worker (:class:`SharedContentScheduling`), ordered reads first and the browser
    journeys that write last (``pytest_collection_modifyitems``); when the block ends, the
    database goes back to its migrated state (``pytest_runtest_teardown``).
    """

    def __init__(self):
        self.migrated = None  # the migrated database, serialised in django_db_setup
        self.blocker = None
        self.output = None  # what load_demo printed, while the demo is in the database

    def load(self) -> SimpleNamespace:
        """The demo, loaded and committed if it is not in the database yet."""
        if self.output is None:
            with self.blocker.unblock():
                if Page.get_first_root_node() is None:  # a transactional test flushed it
                    restore_migrated_state()
                forget_cached_content()
                out = StringIO()
                call_command("load_demo", stdout=out)
            self.output = out.getvalue()
        return SimpleNamespace(output=self.output)

    def leave(self) -> None:
        """Put the database back to its migrated state, with nothing of the demo cached."""
        with self.blocker.unblock():
            if self.output is not None or Page.get_first_root_node() is None:
                restore_migrated_state()
        self.output = None
        forget_cached_content()


SHARED_DEMO = SharedDemo()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, with its migrated state kept to come back to after the demo."""
    with django_db_blocker.unblock():
        SHARED_DEMO.migrated = connection.creation.serialize_db_to_string()
    SHARED_DEMO.blocker = django_db_blocker


@pytest.fixture
def shared_demo(django_db_setup):
    """The committed demo (see :class:`SharedDemo`); ``output`` is what load_demo printed."""
    return SHARED_DEMO.load()


def _shared_demo_phase(item) -> int:
    """Reads in a savepoint first, then reads without a database fixture, writes last."""
    fixtures = getattr(item, "fixturenames", ())
    if {"transactional_db", "live_server", "migrated_state"} & set(fixtures):
        return 2
    if "db" in fixtures or item.get_closest_marker("django_db"):
        return 0
    return 1


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Put the shared-demo block first (it is the longest unit of work), in its own order.

    This runs after pytest-django's ordering (database tests, transactional tests, the
    rest), which would put the writing journeys, whose flush removes the demo, before the
    read-only ones.
    """
    shared = [item for item in items if uses_shared_demo(item.nodeid)]
    if shared:
        shared.sort(key=_shared_demo_phase)
        items[:] = shared + [item for item in items if not uses_shared_demo(item.nodeid)]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After the last test of the shared-demo block, remove the demo for the tests after it."""
    result = yield
    if uses_shared_demo(item.nodeid) and (
        nextitem is None or not uses_shared_demo(nextitem.nodeid)
    ):
        SHARED_DEMO.leave()
    return result


class SharedContentScheduling(LoadScopeScheduling):
    """pytest-xdist's scheduling with the shared-demo packages as one unit of work.

    ``--dist=loadgroup`` should keep an ``xdist_group`` together, but with pytest 9 its
    group names no longer reach the node ids, so the demo would be built on both workers.
    Here every test of ``tests/demo/`` and of ``tests/browser/`` goes to the same worker,
    one after the other (see :class:`SharedDemo`); every other test is scheduled on its own.
    """

    def _split_scope(self, nodeid: str) -> str:
        if uses_shared_demo(nodeid):
            return "shared-demo"
        return nodeid


def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") == "loadgroup":
        return SharedContentScheduling(config, log)
    return None
