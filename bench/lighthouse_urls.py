"""Print the pages Lighthouse checks, one URL path per line: home, directory, a listing and a
search, in each language given (default German and Arabic). Run with ``manage.py shell``:

    python manage.py shell -c "from bench.lighthouse_urls import main; main()"

The paths come from the content and the URL configuration, so they stay right when slugs or
translated paths change.
"""

import os

from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from directory.models import DirectoryIndexPage, ListingPage
from home.models import HomePage

SEARCH_WORD = {"de": "deutsch", "ar": "لغة", "fa": "زبان", "en": "german"}


def paths(language: str) -> list[str]:
    locale = Locale.objects.get(language_code=language)
    home = HomePage.objects.live().filter(locale=locale).first()
    directory = DirectoryIndexPage.objects.live().filter(locale=locale).first()
    listing = ListingPage.objects.live().filter(locale=locale).order_by("path").first()
    with translation.override(language):
        search = reverse("search")
    word = SEARCH_WORD.get(language, "a")
    return [
        home.url,
        directory.url,
        listing.url,
        f"{search}?q={word}",
    ]


def main() -> None:
    for language in os.environ.get("LIGHTHOUSE_LANGUAGES", "de,ar").split(","):
        for path in paths(language.strip()):
            print(path)
