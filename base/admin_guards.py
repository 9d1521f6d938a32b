"""Guards in front of third-party admin views that check less than this project needs."""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.http import Http404

# wagtail-localize's snippet API (used by its translation editor's snippet choosers).
SNIPPET_API_VIEWS = {"snippets_api_listing", "snippets_api_detail"}


class SnippetApiGuardMiddleware:
    """wagtail-localize's snippet API lists any snippet model's objects to any admin user.

    Here only a user with a right to view or change that model gets an answer; visitors'
    correction messages and other internal records stay with those allowed to see them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.url_name not in SNIPPET_API_VIEWS:
            return None
        if "wagtail_localize" not in match.namespaces:
            return None
        try:
            model = apps.get_model(view_kwargs["app_label"], view_kwargs["model_name"])
        except (KeyError, LookupError) as error:
            raise Http404 from error
        meta = model._meta
        rights = (f"{meta.app_label}.{action}_{meta.model_name}" for action in ("view", "change"))
        if not any(request.user.has_perm(right) for right in rights):
            raise PermissionDenied
        return None
