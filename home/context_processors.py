"""Template context for every page: the privacy page of the visitor's language (footer link)."""

from django.utils.translation import get_language

from base.context_processors import live_by_language
from base.languages import SOURCE_LANGUAGE
from home.models import PrivacyPage


def privacy_link(request):
    """The active language's privacy page as ``site_privacy``."""
    return {"site_privacy": live_by_language(PrivacyPage).get(get_language() or SOURCE_LANGUAGE)}
