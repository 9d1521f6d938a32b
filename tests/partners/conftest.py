"""Two partner organisations with listings in German, an English alias tree and an Arabic
translation, their editors, and a coordinator; plus a helper that posts the admin's own forms."""

from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from wagtail.models import Page

from base.i18n import ensure_synced_locale
from directory.factories import OrganisationPageFactory, ServicePageFactory
from partners.roles import COORDINATORS, ensure_partner, ensure_review_workflow

PASSWORD = "a-long-test-password-1"  # noqa: S105


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits and login counters live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


def make_user(django_user_model, name, *groups):
    user = django_user_model.objects.create_user(
        name, email=f"{name}@example.org", password=PASSWORD
    )
    for group in groups:
        user.groups.add(group)
    return user


def build_world(directory_page, django_user_model, client, languages=True):
    """Partners A and B with a listing each, their editors, a coordinator and a superuser;
    with ``languages``, also English (aliases) and Arabic (a real translation)."""
    ensure_review_workflow()
    org_a = OrganisationPageFactory(parent=directory_page, title="Caritas", slug="caritas")
    org_b = OrganisationPageFactory(parent=directory_page, title="AWO", slug="awo")
    listing_a = ServicePageFactory(parent=org_a, title="Migrationsberatung A", slug="beratung-a")
    listing_b = ServicePageFactory(parent=org_b, title="Migrationsberatung B", slug="beratung-b")
    english = ensure_synced_locale("en") if languages else None
    arabic = ensure_synced_locale("ar") if languages else None
    partner_a, partner_b = ensure_partner(org_a), ensure_partner(org_b)
    coordinator = make_user(django_user_model, "coordinator", Group.objects.get(name=COORDINATORS))
    editor_a = make_user(django_user_model, "editor-a", partner_a.group)
    editor_b = make_user(django_user_model, "editor-b", partner_b.group)
    superuser = django_user_model.objects.create_superuser("admin", "admin@example.org", PASSWORD)
    if languages:
        # A real Arabic translation of both listings (not just aliases), made in the admin.
        client.force_login(superuser)
        for listing in (listing_a, listing_b):
            response = client.post(
                f"/admin/localize/submit/page/{listing.id}/", {"locales": [arabic.id]}
            )
            assert response.status_code == 302
        client.logout()
    return SimpleNamespace(
        directory=directory_page,
        org_a=org_a,
        org_b=org_b,
        listing_a=listing_a,
        listing_b=listing_b,
        english=english,
        arabic=arabic,
        partner_a=partner_a,
        partner_b=partner_b,
        coordinator=coordinator,
        editor_a=editor_a,
        editor_b=editor_b,
        superuser=superuser,
    )


@pytest.fixture
def world(directory_page, django_user_model, client):
    """The partners' world in German, English (aliases) and Arabic (translations)."""
    return build_world(directory_page, django_user_model, client)


@pytest.fixture
def german_world(directory_page, django_user_model, client):
    """The same partners and users in German only, for tests where languages do not matter."""
    return build_world(directory_page, django_user_model, client, languages=False)


def copies(page):
    """Every language version of ``page`` (German, aliases, translations)."""
    return list(Page.objects.filter(translation_key=page.translation_key).specific())


class FormParser(HTMLParser):
    """Collects the fields of the admin's page form as a browser would submit them."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.data = []
        self.textarea = None
        self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
            return
        if not self.inside:
            return
        if tag == "option":
            if self.select is not None and "selected" in attrs:
                self.data.append((self.select, attrs.get("value") or ""))
            return
        name = attrs.get("name")
        if not name:
            return
        if tag == "input":
            kind = attrs.get("type") or "text"
            if kind in ("submit", "button", "image", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data.append((name, attrs.get("value") or ("on" if kind == "checkbox" else "")))
        elif tag == "textarea":
            self.textarea = [name, ""]
        elif tag == "select":
            self.select = name

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea is not None:
            self.data.append(tuple(self.textarea))
            self.textarea = None
        elif tag == "select" and self.select is not None:
            self.select = None


def edit_form_data(client, user, page, **changes):
    """The page's edit form as ``user`` would submit it, with ``changes`` applied."""
    client.force_login(user)
    response = client.get(f"/admin/pages/{page.id}/edit/")
    assert response.status_code == 200, response.status_code
    parser = FormParser("page-edit-form")
    parser.feed(response.content.decode())
    data = {}
    for name, value in parser.data:
        data.setdefault(name, []).append(value)
    for name, value in changes.items():
        data[name] = [value]
    client.logout()
    return data
