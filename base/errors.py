"""Error pages that need no database: a server error, and the database being unreachable.

While the database restarts or the network to it is down, every request fails with an
``OperationalError`` (or ``InterfaceError`` on a connection that broke mid-request). The
visitor then gets a 503 page in their language with ``Retry-After``, rendered without a
query, and the site recovers by itself: Django opens a new connection for the next request.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.views.defaults import server_error as django_server_error

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30


def server_error(request):
    """``handler500``: 503 while the database is unreachable, Django's 500 page otherwise."""
    error = sys.exc_info()[1]  # called while Django handles the exception
    if not isinstance(error, OperationalError | InterfaceError):
        return django_server_error(request)
    logger.error("The database is unreachable: %s", error)
    language = translation.get_language_from_path(request.path_info) or translation.get_language()
    with translation.override(language):
        html = render_to_string("503.html", {"retry_after": RETRY_AFTER_SECONDS})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
