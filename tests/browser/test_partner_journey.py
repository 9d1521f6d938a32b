"""A partner's journey in a real browser: log in, edit a listing, submit it for review; the
coordinator approves it; the public page shows the change.

Small factory content instead of the demo keeps this fast; the admin runs in German (the
users' admin language defaults to the site's), so the steps use form names, not labels.
"""

import pytest
from django.contrib.auth.models import Group

from directory.factories import OrganisationPageFactory, ServicePageFactory
from partners.roles import COORDINATORS, ensure_partner, ensure_review_workflow

pytestmark = [
    pytest.mark.browser,
    # It writes: a transactional test (the live server reads committed data) that starts
    # from the migrated database and is flushed at the end, before the demo is loaded.
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_state"),
]

PASSWORD = "a-long-browser-password-1"  # noqa: S105


@pytest.fixture
def journey(directory_page, django_user_model, live_server):
    ensure_review_workflow()
    organisation = OrganisationPageFactory(parent=directory_page, title="Caritas", slug="caritas")
    listing = ServicePageFactory(
        parent=organisation, title="Migrationsberatung", slug="migrationsberatung"
    )
    partner = ensure_partner(organisation)
    editor = django_user_model.objects.create_user("partnerin", "p@example.org", PASSWORD)
    editor.groups.add(partner.group)
    coordinator = django_user_model.objects.create_user("koordinator", "k@example.org", PASSWORD)
    coordinator.groups.add(Group.objects.get(name=COORDINATORS))
    return live_server.url, listing


def log_in(page, base, username):
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


def open_footer_menu(page):
    page.locator("footer .w-dropdown__toggle, [data-w-dropdown-target=toggle]").last.click()


def test_partner_edit_is_public_after_coordinator_approval(browser, journey):
    base, listing = journey
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    page = context.new_page()

    log_in(page, base, "partnerin")
    assert page.locator(f'[data-partner-listing="{listing.id}"]').count() == 1
    page.goto(f"{base}/admin/pages/{listing.id}/edit/")
    page.fill("#id_title", "Migrationsberatung mit Abendsprechstunde")
    open_footer_menu(page)
    page.click("button[name=action-submit]")
    page.wait_for_url(f"{base}/admin/pages/**")
    public = page.goto(f"{base}/de/angebote/caritas/migrationsberatung/")
    assert public.status == 200
    assert "Abendsprechstunde" not in page.content()
    context.clear_cookies()  # log out (Django's logout view needs a POST from a form)

    log_in(page, base, "koordinator")
    page.goto(f"{base}/admin/pages/{listing.id}/edit/")
    open_footer_menu(page)
    page.click('[data-workflow-action-name="approve"]')
    # "Approve with comment" opens a modal; plain "Approve" submits at once.
    dialog = page.locator("form[action*='/workflow/']")
    if dialog.count():
        dialog.locator("textarea").first.fill("Danke, passt.")
        dialog.locator("button[type=submit]").first.click()
    page.wait_for_load_state("networkidle")

    page.goto(f"{base}/de/angebote/caritas/migrationsberatung/")
    assert "Migrationsberatung mit Abendsprechstunde" in page.locator("h1").inner_text()
    context.close()
