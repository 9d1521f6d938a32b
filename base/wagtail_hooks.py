"""Admin integration: guarded translation submission, locale-bound snippet editing and the
translation status report."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import TranslatableMixin

from base import views
from base.translation_access import (
    GuardedSubmitPageTranslationView,
    GuardedSubmitSnippetTranslationView,
    is_assigned_to_locale,
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    # Registered before wagtail-localize's own patterns (this app comes first in
    # INSTALLED_APPS), so these guarded views answer the same URLs.
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            GuardedSubmitPageTranslationView.as_view(),
            name="guarded_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            GuardedSubmitSnippetTranslationView.as_view(),
            name="guarded_submit_snippet_translation",
        ),
        path("translation-status/", views.translation_status, name="translation_status"),
    ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        from wagtail.models import Locale

        return any(
            is_assigned_to_locale(request.user, locale)
            for locale in Locale.objects.exclude(language_code="de")
        )


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"), reverse("translation_status"), icon_name="globe", order=700
    )


def _guard_translatable_snippet(request, instance):
    if isinstance(instance, TranslatableMixin) and not request.user.is_superuser:
        if not is_assigned_to_locale(request.user, instance.locale):
            raise PermissionDenied


@hooks.register("before_edit_snippet")
def guard_snippet_edit(request, instance):
    """Translators edit taxonomy labels of their own languages only."""
    _guard_translatable_snippet(request, instance)


@hooks.register("before_delete_snippet")
def guard_snippet_delete(request, instances):
    for instance in instances:
        _guard_translatable_snippet(request, instance)
