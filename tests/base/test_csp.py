"""Content-Security-Policy: public pages in every language allow no inline script or style
(and contain none), the admin and the sign-in pages built on it carry their own policy."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation

from base.i18n import ensure_synced_locale
from directory.factories import ServicePageFactory

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, list[str]]:
    """The Content-Security-Policy header as ``{directive: [sources]}``."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


class InlineCode(HTMLParser):
    """Collects what a strict policy blocks: inline scripts, style blocks and attributes,
    event handler attributes and ``javascript:`` links."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and not attributes.get("src"):
            self.found.append("<script> without src")
        if tag == "style":
            self.found.append("<style>")
        for name, value in attrs:
            if name == "style" or name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            link = (value or "").strip().lower()
            if name in ("href", "src", "action") and link.startswith("javascript:"):
                self.found.append(f"<{tag} {name}=javascript:…>")


@pytest.fixture
def site(organisation):
    """A listing under a partner, in German and (synchronised) Arabic and English."""
    listing = ServicePageFactory(parent=organisation, title="Sprachcafé", summary="Deutsch üben.")
    for code in ("ar", "en"):
        ensure_synced_locale(code)
    return listing


def public_urls(site):
    listing_path = site.url.removeprefix("/de/")
    organisation_path = site.get_parent().url.removeprefix("/de/")
    for language in ("de", "ar", "en"):
        yield f"/{language}/"
        yield f"/{language}/angebote/"
        with translation.override(language):
            yield f"{reverse('search')}?q=Sprachcaf%C3%A9"
        yield f"/{language}/{listing_path}"
        yield f"/{language}/{organisation_path}"


def test_public_pages_in_every_language_carry_a_strict_policy(client, site):
    for url in public_urls(site):
        response = client.get(url)
        assert response.status_code == 200, url
        directives = policy(response)
        header = response["Content-Security-Policy"]
        assert "unsafe-inline" not in header and "unsafe-eval" not in header, url
        assert directives["default-src"] == ["'self'"]
        assert directives["script-src"] == ["'self'"]
        assert directives["style-src"] == ["'self'"]
        assert directives["object-src"] == ["'none'"]
        assert directives["base-uri"] == ["'self'"]
        assert directives["frame-ancestors"] == ["'none'"]
        assert directives["form-action"] == ["'self'"]


def test_public_pages_contain_nothing_the_strict_policy_would_block(client, site):
    """A stray inline script or style attribute would break silently in the browser."""
    for url in public_urls(site):
        parser = InlineCode()
        parser.feed(client.get(url).content.decode())
        assert parser.found == [], url


def test_error_pages_and_the_rate_limit_page_carry_the_strict_policy(client, site, settings):
    assert "unsafe-inline" not in client.get("/ar/gibt-es-nicht/")["Content-Security-Policy"]
    settings.WEGWEISER_RATE_LIMITS = {**settings.WEGWEISER_RATE_LIMITS, "search": (1, 60)}
    client.get("/ar/bahth/?q=x")
    refused = client.get("/ar/bahth/?q=x")
    assert refused.status_code == 429
    assert policy(refused)["script-src"] == ["'self'"]


def test_the_admin_carries_its_own_policy(admin_client, site):
    for url in ("/admin/", f"/admin/pages/{site.id}/edit/", "/admin/login/"):
        response = admin_client.get(url)
        assert response.status_code in (200, 302), url
        directives = policy(response)
        # Wagtail writes inline styles and scripts; everything else stays on the site.
        assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
        assert "'unsafe-eval'" not in directives["script-src"]
        assert directives["default-src"] == ["'self'"]
        assert directives["object-src"] == ["'none'"]
        # The page editor's preview is a frame of the admin itself.
        assert directives["frame-ancestors"] == ["'self'"]


def test_the_invitation_pages_built_on_the_admin_carry_the_admin_policy(client, db):
    response = client.get("/partner-invitation/MQ/not-a-token/")
    assert response.status_code == 400
    assert policy(response)["frame-ancestors"] == ["'self'"]


def test_other_security_headers_are_set(client, site):
    response = client.get("/de/suche/")
    assert response["Permissions-Policy"].startswith("geolocation=(self)")
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
