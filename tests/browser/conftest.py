"""Fixtures for end-to-end tests in a real Chromium: Playwright driving Debian's build.

Without Chromium, Playwright or axe-core these tests are skipped, unless ``REQUIRE_BROWSER=1``
(set in CI) turns the skip into a failure, so CI can never pass by quietly skipping them.

Two kinds of journeys share the package. The read-only ones (a visitor's) share one live
server over the demo content, loaded and committed once for the run together with the demo
tests (``demo_site_url``); they take no ``db`` fixture, whose flush would empty it.
The journeys that write (a partner's) are transactional tests on small factory content,
starting from the migrated database (``migrated_state``);
they run after every read-only one (``tests/conftest.py``).
"""

import json
import os
from pathlib import Path

import pytest
from pytest_django.live_server_helper import LiveServer
from wagtail.models import Page

from tests.conftest import SHARED_DEMO

ROOT = Path(__file__).resolve().parents[2]
AXE_PATH = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PHONE_VIEWPORT = {"width": 390, "height": 844}
BLOCKING_IMPACTS = ("serious", "critical")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    # No calls home from the browser itself, so every request seen comes from the page.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def skip_or_fail(reason: str):
    """Skip the test, or fail it when the environment demands real browser tests."""
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (REQUIRE_BROWSER=1 forbids skipping)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def allow_orm_next_to_playwright():
    """Let Django's ORM run in the thread where Playwright keeps its event loop.

    Playwright's sync API keeps an asyncio event loop in the test's thread, and Django then
    refuses every ORM call made there (SynchronousOnlyOperation), although the calls are
    ordinary blocking ones: the tests compare pages with the database, and pytest-django
    flushes the database after each test while the browser is still open.
    """
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def browser(allow_orm_next_to_playwright):
    """A headless Chromium for the whole session (the one at $CHROMIUM_PATH)."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        skip_or_fail("Playwright is not installed (pip install -e '.[dev]')")
    executable = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not Path(executable).is_file():
        skip_or_fail(
            f"No Chromium at {executable} (apt-get install chromium, or set CHROMIUM_PATH)"
        )
    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except Error as error:
            skip_or_fail(f"Chromium at {executable} did not start: {error.message}")
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page on a phone-sized screen (390 × 844) that records every request URL.

    The URLs are in ``page.requested_urls``, so a test can check that nothing is loaded
    from outside the site.
    """
    context = browser.new_context(
        viewport=PHONE_VIEWPORT, locale="de-DE", timezone_id="Europe/Berlin"
    )
    new_page = context.new_page()
    new_page.requested_urls = []
    new_page.on("request", lambda request: new_page.requested_urls.append(request.url))
    yield new_page
    context.close()


def format_violations(violations: list[dict]) -> str:
    """axe-core violations as readable text: rule, impact, help, and the offending nodes."""
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']}")
        lines.append(f"    {violation['helpUrl']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    at {', '.join(map(str, node['target']))}")
            lines.append(f"       {node['html'][:200]}")
            summary = node.get("failureSummary", "").replace("\n", " ")
            if summary:
                lines.append(f"       {summary[:300]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    ... and {len(violation['nodes']) - 5} more elements")
    return "\n".join(lines)


@pytest.fixture(scope="session")
def axe_source():
    """Path of axe-core's browser bundle (installed by ``npm ci``)."""
    if not AXE_PATH.is_file():
        skip_or_fail(f"axe-core is missing at {AXE_PATH} (run npm ci)")
    return AXE_PATH


@pytest.fixture
def axe(axe_source):
    """A check that runs axe-core on a page and fails on serious or critical violations.

    Call it as ``axe(page, "home page")``; it returns every violation found (including
    minor and moderate ones, which do not fail the test).
    """

    def check(target_page, label: str) -> list[dict]:
        if not target_page.evaluate("typeof window.axe !== 'undefined'"):
            # Evaluated through the DevTools protocol: a <script> tag with axe's source would
            # be an inline script, which the site's Content-Security-Policy refuses.
            target_page.evaluate(axe_source.read_text(encoding="utf-8") + "\n;true")
        results = target_page.evaluate(
            "async () => JSON.stringify(await axe.run(document, {resultTypes: ['violations']}))"
        )
        violations = json.loads(results)["violations"]
        blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
        assert not blocking, (
            f"axe-core found {len(blocking)} serious or critical accessibility problems on "
            f"the {label} ({target_page.url}):\n{format_violations(blocking)}"
        )
        return violations

    return check


@pytest.fixture
def migrated_state(transactional_db):
    """A journey that writes starts from the database the migrations built.

    Such journeys are transactional (the live server reads committed data) and run last in
    the shared-demo block: the first one removes the committed demo, and each ends with a
    flush that also removes what the migrations seeded (the root page, the default locale
    and site, groups, workflows, action fields), which is put back here whenever the tree's
    root is missing.
    """
    if SHARED_DEMO.output is not None or Page.get_first_root_node() is None:
        SHARED_DEMO.leave()


@pytest.fixture(scope="package")
def demo_site_url(allow_orm_next_to_playwright, django_db_setup, django_db_blocker):
    """The address of a live server over the run's committed demo (every language).

    The demo is loaded once and committed (``tests.conftest.SharedDemo``, shared with the
    demo tests), so that the server's thread reads it; the read-only journeys read it too,
    without a ``db`` fixture (database access stays open while the server runs). The
    database goes back to its migrated state when the block of shared-demo tests ends.
    """
    SHARED_DEMO.load()
    with django_db_blocker.unblock():
        server = LiveServer("localhost")
        try:
            yield server.url
        finally:
            server.stop()
