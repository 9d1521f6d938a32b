"""The Content-Security-Policy in a real browser: German and Arabic public pages and the
admin (dashboard, page editor, wagtail-localize's translation editor) load under their
policies without a single violation, so nothing the site needs is blocked.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from demo.translate import TRANSLATED_LISTINGS
from directory.models import ListingPage

# No database fixture: this journey reads the committed demo (``demo_site_url``).
pytestmark = pytest.mark.browser

PASSWORD = "a-long-browser-password-2"  # noqa: S105
# Recorded in the page before any of its own scripts run; Playwright's init script is
# injected through the DevTools protocol, so the policy does not apply to it.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
    `(${event.sourceFile}:${event.lineNumber})`
  );
});
"""


@pytest.fixture
def watched(browser):
    """A page that records CSP violations, from its console and from the DOM events."""
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.console_violations = []
    page.on(
        "console",
        lambda message: (
            page.console_violations.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    yield page
    context.close()


def load_without_violations(page, url: str, *, strict: bool = True):
    """Open ``url``; its policy is there (strict: without unsafe-inline/-eval) and silent."""
    response = page.goto(url)
    assert response.status == 200, url
    page.wait_for_load_state("networkidle")
    header = response.headers["content-security-policy"]
    assert "default-src 'self'" in header
    if strict:
        assert "unsafe-inline" not in header and "unsafe-eval" not in header, url
    violations = page.console_violations + page.evaluate("window.__cspViolations")
    assert violations == [], f"{url}:\n" + "\n".join(violations)


@pytest.mark.parametrize("language", ["de", "ar"])
def test_public_pages_load_without_a_csp_violation(demo_site_url, watched, language):
    from playwright.sync_api import expect

    locale = Locale.objects.get(language_code=language)
    with translation.override(language):
        search = reverse("search")
    german = ListingPage.objects.get(locale__language_code="de", slug=TRANSLATED_LISTINGS[0])
    listing = german.get_translation(locale)
    pages = [
        f"/{language}/",
        listing.get_parent().get_parent().url,  # the directory
        f"{search}?q=Deutsch",
        listing.url,
        listing.get_parent().url,  # the organisation
    ]
    for path in pages:
        load_without_violations(watched, f"{demo_site_url}{path}")
    # The search page has results and its script works under the policy: suggestions
    # are fetched (connect-src) and shown (styles from the stylesheet only).
    load_without_violations(watched, f"{demo_site_url}{search}?q=Deutsch")
    expect(watched.locator(".card-list > li").first).to_be_visible()
    watched.locator("#search-q").fill("Deu")
    expect(watched.locator(".suggest-list [role=option]").first).to_be_visible()
    assert watched.evaluate("window.__cspViolations") == []
    assert watched.console_violations == []


@pytest.fixture
def admin_user(demo_site_url):
    """A superuser in the committed demo, removed again afterwards."""
    user = get_user_model().objects.create_superuser("csp-admin", "csp@example.org", PASSWORD)
    yield user
    user.delete()


def test_the_admin_and_the_translation_editor_load_without_a_csp_violation(
    demo_site_url, watched, admin_user
):
    german = ListingPage.objects.get(locale__language_code="de", slug=TRANSLATED_LISTINGS[0])
    arabic = german.get_translation(Locale.objects.get(language_code="ar"))
    watched.goto(f"{demo_site_url}/admin/login/")
    watched.fill("input[name=username]", admin_user.username)
    watched.fill("input[name=password]", PASSWORD)
    watched.click("button[type=submit]")
    watched.wait_for_url(f"{demo_site_url}/admin/")
    for path in (
        "/admin/",
        f"/admin/pages/{german.id}/edit/",
        # A translated page opens in wagtail-localize's translation editor.
        f"/admin/pages/{arabic.id}/edit/",
    ):
        load_without_violations(watched, f"{demo_site_url}{path}", strict=False)


def test_the_api_documentation_renders_under_the_strict_policy(demo_site_url, watched):
    from playwright.sync_api import expect

    requested = []
    watched.on("request", lambda request: requested.append(request.url))
    load_without_violations(watched, f"{demo_site_url}/api/hsds/docs/")
    # Swagger UI drew the project's document: its title and the official operations.
    expect(watched.locator(".swagger-ui .info .title")).to_contain_text("Wegweiser HSDS API")
    expect(watched.locator(".opblock-summary-path", has_text="/services/{id}")).to_be_visible()
    expect(
        watched.locator(".opblock-summary-path", has_text="/taxonomy_terms").first
    ).to_be_visible()
    watched.locator(".opblock-summary-path", has_text="/taxonomy_terms").first.click()
    expect(watched.locator("tr[data-param-name=top_only]")).to_be_visible()
    assert watched.evaluate("window.__cspViolations") == []
    assert watched.console_violations == []
    assert requested and all(url.startswith(demo_site_url) for url in requested), requested
