"""Every page in every language: its hreflang alternates.

Search engines and assistive tools need each page's siblings in the other languages, plus
an ``x-default`` (the German source); the sitemap (base/sitemap.py) lists the same.
"""

from django.http import Http404
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from base.languages import SOURCE_LANGUAGE


def routed_suffix(page, request, language_code: str | None = None) -> str:
    """The part of the path a routable page handled itself, e.g. ``partner/``; with
    ``language_code``, that route's path in that language (``partners/`` in English)."""
    if request is None or not isinstance(page, RoutablePageMixin):
        return ""
    base = page.get_url(request) or ""
    if not base or not request.path.startswith(base):
        return ""
    suffix = request.path[len(base) :]
    if not suffix or language_code is None:
        return suffix
    try:
        match = page.resolve_subpage("/" + suffix)
    except Http404:
        return suffix
    if match.url_name is None:
        return suffix
    with translation.override(language_code):
        return page.reverse_subpage(match.url_name, args=match.args, kwargs=match.kwargs)


def page_alternates(page, request=None) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) for every live translation of ``page``, x-default last.

    On a sub-route of a routable page (the partner list) every alternate keeps that route,
    under its path in the alternate's language.
    """
    translations = (
        Page.objects.filter(translation_key=page.translation_key).live().select_related("locale")
    )
    alternates = []
    default_url = None
    for translated in translations:
        url = translated.get_full_url(request)
        if not url:
            continue
        url += routed_suffix(page, request, translated.locale.language_code)
        alternates.append((translated.locale.language_code, url))
        if translated.locale.language_code == SOURCE_LANGUAGE:
            default_url = url
    alternates.sort()
    if default_url:
        alternates.append(("x-default", default_url))
    return alternates
