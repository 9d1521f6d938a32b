"""Template context for every page: the directory of the visitor's language (header link)."""

from django.utils.translation import get_language

from base.context_processors import live_by_language
from base.languages import SOURCE_LANGUAGE
from directory.models import DirectoryIndexPage


def live_directories() -> dict:
    """{language code: live directory page}."""
    return live_by_language(DirectoryIndexPage)


def directory_link(request):
    """The active language's directory page as ``site_directory``."""
    return {"site_directory": live_directories().get(get_language() or SOURCE_LANGUAGE)}
