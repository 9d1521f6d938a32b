"""Template context every page needs: the home page of the visitor's language and its links."""

from django.utils.translation import get_language, get_language_bidi, get_language_info

from home.models import HomePage


def site_chrome(request):
    """The active language's home page, the directory and the text direction for <html>."""
    from directory.models import DirectoryIndexPage

    code = get_language() or "de"
    home = HomePage.objects.filter(locale__language_code=code).live().first()
    directory = DirectoryIndexPage.objects.filter(locale__language_code=code).live().first()
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
