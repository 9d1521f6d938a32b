"""Template context every page needs: the home page of the visitor's language and its links."""

from django.utils.translation import get_language, get_language_bidi, get_language_info

from home.content_cache import cached
from home.models import HomePage


def _live_by_language(model) -> dict:
    """{language code: the first live page of ``model`` in tree order}, cached until the
    content changes."""

    def build():
        pages = {}
        for page in model.objects.live().select_related("locale"):
            pages.setdefault(page.locale.language_code, page)
        return pages

    return cached(("live-by-language", model._meta.label), build)


def live_homes() -> dict:
    """{language code: live home page}."""
    return _live_by_language(HomePage)


def live_directories() -> dict:
    """{language code: live directory page}."""
    from directory.models import DirectoryIndexPage

    return _live_by_language(DirectoryIndexPage)


def site_chrome(request):
    """The active language's home page, the directory and the text direction for <html>."""
    code = get_language() or "de"
    home = live_homes().get(code)
    directory = live_directories().get(code)
    try:
        info = get_language_info(code)
    except KeyError:
        info = {"name_local": code}
    return {
        "site_home": home,
        "site_directory": directory,
        "language_code": code,
        "language_dir": "rtl" if get_language_bidi() else "ltr",
        "language_name_local": info.get("name_local", code),
        "language_name_translated": info.get("name_translated", info.get("name", code)),
    }
