"""Template tags for sharing a page: its description, Open Graph locale and absolute URLs."""

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

register = template.Library()

# Open Graph wants language_TERRITORY; these are the forms Facebook and others read.
OG_LOCALES = {
    "de": "de_DE",
    "en": "en_GB",
    "ar": "ar_AR",
    "fa": "fa_IR",
    "uk": "uk_UA",
    "ru": "ru_RU",
    "tr": "tr_TR",
}
DESCRIPTION_LENGTH = 160


@register.simple_tag
def og_locale(code: str) -> str:
    """The Open Graph locale of a site language (``ar`` → ``ar_AR``; else ``xx``)."""
    return OG_LOCALES.get(code, code.replace("-", "_"))


@register.simple_tag(takes_context=True)
def meta_description(context) -> str:
    """The page's description for search engines and link previews, never empty.

    The editors' search description, else a listing's summary, else the page's intro,
    else what the site is for.
    """
    page = context.get("page")
    for text in (
        getattr(page, "search_description", ""),
        getattr(page, "summary", ""),
        strip_tags(str(getattr(page, "intro", "") or "")),
    ):
        text = " ".join(str(text or "").split())
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    return _(
        "Counselling services and projects for migrants in your language: where to go, "
        "when it is open and who speaks your language."
    )


@register.simple_tag(takes_context=True)
def share_title(context) -> str:
    """The title a link preview shows: the page's SEO title or title, else the site's name."""
    page = context.get("page")
    return (
        getattr(page, "seo_title", "") or getattr(page, "title", "") or (settings.WAGTAIL_SITE_NAME)
    )


@register.simple_tag(takes_context=True)
def absolute_static(context, path: str) -> str:
    """The absolute URL of a static file (link previews need the host)."""
    return context["request"].build_absolute_uri(static(path))
