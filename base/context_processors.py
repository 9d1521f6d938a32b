"""Template context every page needs: the home page of the visitor's language and its links."""

from django.utils.translation import get_language, get_language_bidi, get_language_info

from base.content_cache import cached
from base.languages import SOURCE_LANGUAGE
from base.models import home_page_model


def live_by_language(model) -> dict:
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
    return live_by_language(home_page_model())


def site_chrome(request):
    """The active language's home page and the text direction for <html>."""
    code = get_language() or SOURCE_LANGUAGE
    try:
        info = get_language_info(code)
    except KeyError:
        info = {"name_local": code}
    return {
        "site_home": live_homes().get(code),
        "language_code": code,
        "language_dir": "rtl" if get_language_bidi() else "ltr",
        "language_name_local": info.get("name_local", code),
        "language_name_translated": info.get("name_translated", info.get("name", code)),
    }
