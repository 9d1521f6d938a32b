"""Views of the directory outside the page tree: the printable flyer of an action field."""

from django.http import Http404, HttpResponse
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_safe

from base import ratelimit
from base.languages import SOURCE_LANGUAGE
from directory import flyer
from directory.context_processors import live_directories


@require_safe
def action_field_flyer(request, code: str):
    """The flyer of the action field ``code`` in the visitor's language, as a PDF.

    Drawn once per content version and then served from the cache; only drawing counts
    against the client's rate limit. 503 when this server cannot draw PDFs.
    """
    if not flyer.AVAILABLE:
        return HttpResponse(
            gettext("The printable flyer is not available on this server at the moment."),
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    directory = live_directories().get(get_language() or SOURCE_LANGUAGE)
    if directory is None:
        raise Http404(gettext("There is no directory in this language."))
    field = flyer.action_field_in(code, directory.locale)
    if field is None:
        raise Http404(gettext("There is no action field with this code."))
    pdf = flyer.cached_flyer(request, directory, code)
    if pdf is None:
        retry_after = ratelimit.exceeded(request, "flyer")
        if retry_after is not None:
            return ratelimit.too_many_requests_page(request, retry_after)
        ratelimit.record(request, "flyer")
        pdf = flyer.render_flyer(request, directory, field)
        flyer.store_flyer(request, directory, code, pdf)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"flyer-{code}-{directory.locale.language_code}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
