"""Every page in every language: hreflang alternates and the multilingual sitemap.

Wagtail's own sitemap lists one language tree without alternates; search engines and
assistive tools need each page's siblings in the other languages, plus an ``x-default``
(the German source).
"""

from collections import defaultdict

from django.http import HttpResponse
from django.template.loader import render_to_string
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from base.languages import SOURCE_LANGUAGE
from base.ratelimit import rate_limited


def routed_suffix(page, request) -> str:
    """The part of the path a routable page handled itself, e.g. ``partner/``."""
    if request is None or not isinstance(page, RoutablePageMixin):
        return ""
    base = page.get_url(request) or ""
    if base and request.path.startswith(base):
        return request.path[len(base) :]
    return ""


def page_alternates(page, request=None) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) for every live translation of ``page``, x-default last.

    On a sub-route of a routable page (the partner list) every alternate keeps that route.
    """
    suffix = routed_suffix(page, request)
    translations = (
        Page.objects.filter(translation_key=page.translation_key).live().select_related("locale")
    )
    alternates = []
    default_url = None
    for translation in translations:
        url = translation.get_full_url(request)
        if not url:
            continue
        url += suffix
        alternates.append((translation.locale.language_code, url))
        if translation.locale.language_code == SOURCE_LANGUAGE:
            default_url = url
    alternates.sort()
    if default_url:
        alternates.append(("x-default", default_url))
    return alternates


@rate_limited("sitemap")
def sitemap(request):
    """``/sitemap.xml``: every live public page in every language with its alternates."""
    pages = (
        Page.objects.live()
        .public()
        .filter(depth__gt=1)
        .select_related("locale")
        .order_by("translation_key", "locale__language_code")
    )
    groups = defaultdict(list)
    for page in pages:
        url = page.get_full_url(request)
        if url:
            groups[page.translation_key].append(
                {"url": url, "lang": page.locale.language_code, "lastmod": page.last_published_at}
            )
    entries = []
    for group in groups.values():
        default = next((item["url"] for item in group if item["lang"] == SOURCE_LANGUAGE), None)
        for item in group:
            entries.append({**item, "alternates": group, "x_default": default})
    xml = render_to_string("sitemap.xml", {"entries": entries})
    return HttpResponse(xml, content_type="application/xml; charset=utf-8")
