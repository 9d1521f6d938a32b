"""Template tags for the site chrome: site name, language switcher, main menu and breadcrumbs."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, get_page_models

from base.alternates import routed_suffix
from base.content_cache import cached
from base.context_processors import live_homes
from base.languages import SOURCE_LANGUAGE, language_autonym

register = template.Library()


@register.simple_tag
def site_name():
    """The name of the site as configured in settings (``WAGTAIL_SITE_NAME``)."""
    return settings.WAGTAIL_SITE_NAME


@register.filter
def language_name_local(code):
    """The name of a site language in its own script, e.g. ``ar`` → ``العربية``."""
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        # Languages Django does not know (see base.languages) still get their autonym.
        return language_autonym(code)


def _is_django_view(request):
    """Whether the request was answered by a URL pattern of its own, not Wagtail's page serving.

    Only such paths exist under every language prefix; a 404 from Wagtail does not.
    """
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name != "wagtail_serve"


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per site language that has a live home page, for the language switcher.

    Each entry is a dict with ``code``, ``name`` (in the language's own script), ``url`` and
    ``current``. A language without a live translation of the page links to its home page.
    """
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    homes = live_homes()
    targets = {}
    if isinstance(page, Page) and hasattr(page, "translations_for_switcher"):
        targets[page.locale.language_code] = page
        for translation in page.translations_for_switcher():
            targets[translation.locale.language_code] = translation

    query = ""
    if request is not None and isinstance(page, RoutablePageMixin):
        # Directory filters are language-independent codes, so they survive the switch;
        # the page number does not (result counts differ between languages).
        params = request.GET.copy()
        params.pop("page", None)
        query = params.urlencode()

    links = []
    for code, _name in settings.LANGUAGES:
        url = None
        if code == current and request is not None and code in targets:
            url = request.get_full_path()
        elif code in targets and targets[code].get_url(request):
            url = targets[code].get_url(request) + routed_suffix(page, request, code)
            if query:
                url = f"{url}?{query}"
        elif page is None and _is_django_view(request) and code in homes:
            # A view outside the page tree (search): the same URL under another prefix.
            full_path = request.get_full_path()
            candidate = translate_url(full_path, code)
            if candidate != full_path or code == current:
                url = candidate
        if url is None and code in homes:
            url = homes[code].get_url(request)
        if url is None:
            continue
        links.append(
            {
                "code": code,
                "name": language_name_local(code),
                "url": url,
                "current": code == current,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's children shown in menus, except pages linked on their own (the directory)."""
    home = context.get("site_home")
    if home is None:
        return []
    return cached(
        ("main-menu", home.id),
        lambda: list(
            home.get_children().live().public().in_menu().not_type(*separately_linked_models())
        ),
    )


def separately_linked_models() -> tuple[type[Page], ...]:
    """Page types that say ``show_in_main_menu = False`` (linked on their own)."""
    return tuple(
        model for model in get_page_models() if not getattr(model, "show_in_main_menu", True)
    )


@register.simple_tag(takes_context=True)
def nav_state(context, url, *excluded):
    """``aria-current`` value for a menu link: "page" on it, "true" below it, else "".

    ``excluded`` names URLs below ``url`` that have their own menu link (the partner list
    lies below the directory) so that only one link is marked.
    """
    request = context.get("request")
    if request is None or not url:
        return ""
    if request.path == url:
        return "page"
    if any(other and request.path.startswith(other) for other in excluded):
        return ""
    if url.count("/") > 2 and request.path.startswith(url):
        # Deeper than the language root ("/de/"), so the link names a section.
        return "true"
    return ""


@register.simple_tag
def breadcrumb_pages(page):
    """The live ancestors of a page from its language's home page down, for breadcrumbs."""
    if not isinstance(page, Page):
        return []
    return list(page.get_ancestors().filter(depth__gt=1).live())


@register.filter
def content_lang(page):
    """The language a page's own text is written in, for a ``lang`` attribute.

    An alias (an untranslated copy kept in sync with the German page) shows German text in
    another language's tree, so screen readers must read it as German.
    """
    if getattr(page, "alias_of_id", None):
        return SOURCE_LANGUAGE
    return get_language()
