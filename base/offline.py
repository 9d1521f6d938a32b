"""The site on a phone without network: the web app manifest, the service worker, the
offline page and the "Saved" page (listings kept on the device, never on the server).

The service worker (``templates/base/sw.js``) is served from the site root so that its
scope is the whole site; it keeps the shell (stylesheet, scripts, icons), the offline and
"Saved" pages of every language, and every page visited (network first, then the copy
kept, then the offline page).
"""

import hashlib
import json

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from base.languages import SOURCE_LANGUAGE

THEME_COLOUR = "#0b4f6c"
SHELL_FILES = (
    "css/site.css",
    "js/phone.js",
    "js/suggest.js",
    "img/icons.svg",
    "img/favicon.svg",
    "img/icon-192.png",
    "img/icon-512.png",
)
# Paths the service worker never keeps: the admin and sign-in pages hold personal data.
UNCACHED_PREFIXES = ("/admin/", "/partner-invitation/", "/api/", "/healthz", "/documents/")


def site_language(code: str | None) -> str:
    """``code`` if it is a site language, else the source language."""
    codes = [language for language, _name in settings.LANGUAGES]
    return code if code in codes else SOURCE_LANGUAGE


@require_GET
def manifest(request):
    """The web app manifest in the language asked for (``?lang=ar``): name, direction, start."""
    code = site_language(request.GET.get("lang"))
    with translation.override(code):
        name = settings.WAGTAIL_SITE_NAME
        data = {
            "id": f"/{code}/",
            "name": f"{name}: {_('Counselling and projects for migrants')}",
            "short_name": name,
            "description": _(
                "Counselling services and projects for migrants in your language: where to "
                "go, when it is open and who speaks your language."
            ),
            "lang": code,
            "dir": "rtl" if get_language_bidi() else "ltr",
            "start_url": f"/{code}/",
            "scope": "/",
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": THEME_COLOUR,
            "icons": [
                {"src": static("img/icon-192.png"), "sizes": "192x192", "type": "image/png"},
                {"src": static("img/icon-512.png"), "sizes": "512x512", "type": "image/png"},
                {"src": static("img/favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
            ],
        }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response


def offline_pages() -> dict[str, dict[str, str]]:
    """{language: {"offline": url, "saved": url}} for every site language."""
    pages = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            pages[code] = {"offline": reverse("offline"), "saved": reverse("saved_listings")}
    return pages


@require_GET
def service_worker(request):
    """``/sw.js``: the service worker, for the whole site (``Service-Worker-Allowed: /``)."""
    config = {
        "shell": [static(path) for path in SHELL_FILES],
        "pages": offline_pages(),
        "uncached": list(UNCACHED_PREFIXES),
        "static": settings.STATIC_URL,
    }
    # A new version whenever a file name (hashed in production) or a language changes, so
    # browsers install the new worker and drop the old caches.
    config["version"] = hashlib.sha256(json.dumps(config, sort_keys=True).encode()).hexdigest()[:12]
    response = render(
        request,
        "base/sw.js",
        {"config": json.dumps(config)},
        content_type="text/javascript; charset=utf-8",
    )
    response["Service-Worker-Allowed"] = "/"
    response["Cache-Control"] = "no-cache"
    return response


def offline(request):
    """The page shown for a page not kept on the device when there is no network."""
    response = render(request, "base/offline.html")
    response["X-Robots-Tag"] = "noindex"
    return response


def saved_listings(request):
    """Listings the visitor saved on this device (listed by static/js/phone.js)."""
    response = render(request, "base/saved_listings.html")
    response["X-Robots-Tag"] = "noindex"
    return response
