"""One demo load (every language) shared by the read-only demo tests of this package.

``manage.py load_demo`` takes about a minute; it runs once, inside a transaction that is
rolled back when the package ends. Every test runs in its own savepoint on top of it (the
``db`` fixture), so what one test changes never reaches the next.
"""

from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import transaction

from tests.conftest import forget_cached_content


@pytest.fixture(scope="package")
def demo(django_db_setup, django_db_blocker):
    """The demo content, loaded once for the package; ``output`` is what load_demo printed.

    Tests that read it request ``db`` too (through ``demo_db``), for their own savepoint.
    """
    forget_cached_content()  # nothing an earlier test cached may stand in for the demo
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        call_command("load_demo", stdout=out)
        yield SimpleNamespace(output=out.getvalue())
        transaction.set_rollback(True)
    forget_cached_content()


@pytest.fixture
def demo_db(demo, db):
    """The shared demo, with this test's changes in a savepoint that is rolled back."""
    return demo
