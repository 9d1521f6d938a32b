"""Every page in every language: its hreflang alternates.

Search engines and assistive tools need each page's siblings in the other languages, plus
an ``x-default`` (the German source); the sitemap (base/sitemap.py) lists the same.
"""

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from base.languages import SOURCE_LANGUAGE


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
