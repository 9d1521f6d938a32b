"""German slugs in another language's tree answer with a permanent redirect to the translation.

Translated pages have slugs in their own language (``/en/services/``), but links and
bookmarks made before a page was translated, or written by hand from the German site, use the
German slugs (``/en/angebote/``). Such a path answers 301 with the translated page's URL,
segment by segment, so that a mix of both (``/en/services/caritas/``) and the German routes
of a routable page (``/en/services/partner/``) find their page too.
"""

from django.http import Http404, HttpResponsePermanentRedirect
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Locale, Page, Site

from base.languages import SOURCE_LANGUAGE


class GermanSlugRedirectMiddleware:
    """Turns a 404 under ``/<language>/`` whose path is German into a 301 to the translation."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        target = translated_path(request)
        if target is None:
            return response
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)


def translated_path(request) -> str | None:
    """The URL of the page that a path with German slugs means in the path's language, or
    None (German itself, no such page, or nothing German in the path)."""
    prefix, _slash, rest = request.path_info.lstrip("/").partition("/")
    language = translation.get_language_from_path(request.path_info)
    if language is None or language == SOURCE_LANGUAGE or prefix != language:
        return None
    locale = Locale.objects.filter(language_code=language).first()
    german = Locale.objects.filter(language_code=SOURCE_LANGUAGE).first()
    site = Site.find_for_request(request)
    if locale is None or german is None or site is None:
        return None
    page = site.root_page.get_translation_or_none(locale)
    if page is None:
        return None
    components = [part for part in rest.split("/") if part]
    changed = False
    for index, slug in enumerate(components):
        child = page.get_children().live().filter(slug=slug).first()
        if child is None:
            child = german_child_translation(page, slug, german, locale)
            if child is None:
                return subpage_path(request, page, components[index:], changed)
            changed = True
        page = child
    return page.get_url(request) if changed else None


def german_child_translation(page: Page, slug: str, german: Locale, locale: Locale):
    """The live translation into ``locale`` of the German child ``slug`` of ``page``'s
    German original, or None."""
    original = page.get_translation_or_none(german)
    if original is None:
        return None
    child = original.get_children().live().filter(slug=slug).first()
    translated = child.get_translation_or_none(locale) if child is not None else None
    return translated if translated is not None and translated.live else None


def subpage_path(request, page: Page, components: list[str], changed: bool) -> str | None:
    """The URL of a routable ``page``'s route given by ``components``: named in the
    language of the request, or in German (then found again under its name)."""
    page = page.specific
    if not isinstance(page, RoutablePageMixin):
        return None
    path = "/" + "/".join(components) + "/"
    try:
        page.resolve_subpage(path)
    except Http404:
        pass
    else:
        return page.get_url(request) + path.removeprefix("/") if changed else None
    with translation.override(SOURCE_LANGUAGE):
        try:
            match = page.resolve_subpage(path)
        except Http404:
            return None
    if match.url_name is None:
        return None
    return page.get_url(request) + page.reverse_subpage(match.url_name, match.args, match.kwargs)
