"""The multilingual sitemap: an index of sections, each every live public page of one language.

Search engines read at most 50,000 URLs (and 50 MB) per sitemap file. ``/sitemap.xml`` is
therefore a sitemap index naming one or more sections per language,
``/sitemap-<language>-<number>.xml``, each with at most ``WEGWEISER_SITEMAP_SECTION_SIZE``
pages and every page's translations as hreflang alternates (plus ``x-default``, the German
source). Each document is rendered once per content version and kept in the shared cache,
so a publish renews it everywhere; ``robots.txt`` points crawlers at the index.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from base.content_cache import cached, content_version
from base.languages import SOURCE_LANGUAGE
from base.ratelimit import rate_limited

CACHE_SECONDS = 24 * 3600  # a newer content version makes a new key long before that


@dataclass(frozen=True)
class Entry:
    """One page of a section, with the live public translations of its page."""

    url: str
    lastmod: object
    alternates: tuple[tuple[str, str], ...]  # (language, URL), sorted
    x_default: str | None


def _sections_for(site_id: int | None, request) -> dict[str, list[Entry]]:
    """Every live public page by language, in tree order (so sections stay stable)."""
    pages = (
        Page.objects.live()
        .public()
        .filter(depth__gt=1)
        .select_related("locale")
        .only("id", "path", "url_path", "translation_key", "last_published_at", "locale")
        .order_by("path")
    )
    groups = defaultdict(list)
    for page in pages:
        url = page.get_full_url(request)
        if url:
            groups[page.translation_key].append(
                (page.locale.language_code, url, page.last_published_at)
            )
    by_language = defaultdict(list)
    for group in groups.values():
        alternates = tuple(sorted((lang, url) for lang, url, _lastmod in group))
        default = next((url for lang, url in alternates if lang == SOURCE_LANGUAGE), None)
        for lang, url, lastmod in group:
            by_language[lang].append(Entry(url, lastmod, alternates, default))
    return dict(by_language)


def _entries(request) -> dict[str, list[Entry]]:
    site = Site.find_for_request(request)
    site_id = site.pk if site else None
    return cached(("sitemap", site_id), lambda: _sections_for(site_id, request))


def _section_size() -> int:
    return max(1, min(settings.WEGWEISER_SITEMAP_SECTION_SIZE, 50_000))


def _cached_response(request, name: str, render) -> HttpResponse:
    """``render()``, kept in the shared cache for the current content version and host."""
    key = f"wegweiser:sitemap:{content_version()}:{request.get_host()}:{name}"
    xml = cache.get(key)
    if xml is None:
        xml = render()
        cache.set(key, xml, CACHE_SECONDS)
    return HttpResponse(xml, content_type="application/xml; charset=utf-8")


@rate_limited("sitemap")
@require_safe
def sitemap_index(request):
    """``/sitemap.xml``: the sitemap index, one or more sections per language."""

    def render():
        size = _section_size()
        sections = []
        for language, entries in sorted(_entries(request).items()):
            for number in range(1, (len(entries) - 1) // size + 2):
                path = reverse("sitemap_section", args=[language, number])
                sections.append(request.build_absolute_uri(path))
        return render_to_string("sitemap_index.xml", {"sections": sections})

    return _cached_response(request, "index", render)


@rate_limited("sitemap")
@require_safe
def sitemap_section(request, language: str, number: int):
    """``/sitemap-<language>-<number>.xml``: at most a section's size of that language's pages."""
    entries = _entries(request).get(language, [])
    size = _section_size()
    start = (number - 1) * size
    if number < 1 or start >= len(entries):
        raise Http404("There is no such sitemap section.")

    def render():
        return render_to_string("sitemap.xml", {"entries": entries[start : start + size]})

    return _cached_response(request, f"{language}-{number}", render)


@require_safe
def robots_txt(request):
    """``/robots.txt``: crawl the public pages, not the admin, the forms or search results."""
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /partner-invitation/"]
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            lines.append(f"Disallow: {reverse('search')}")
            correction = reverse("suggest_correction", args=[0])
            lines.append(f"Disallow: {correction.removesuffix('0/')}")
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
