"""The demo tests read the run's one committed demo (``tests.conftest.SharedDemo``).

``manage.py load_demo`` takes about a minute; it runs once, shared with the browser
journeys. Every test runs in its own savepoint on top of it (the ``db`` fixture), so what
one test changes never reaches the next.
"""

import pytest

from tests.conftest import SHARED_DEMO


@pytest.fixture(scope="session")
def demo(django_db_setup):
    """The demo content; ``output`` is what load_demo printed.

    Tests that read it request ``db`` too (through ``demo_db``), for their own savepoint.
    """
    return SHARED_DEMO.load()


@pytest.fixture
def demo_db(demo, db):
    """The shared demo, with this test's changes in a savepoint that is rolled back."""
    return demo
