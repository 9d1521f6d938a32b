"""Admin integration: every wagtail-localize route behind the translation rules,
locale-bound snippet editing, translators kept to translating, and the translation status
report."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import TranslatableMixin

from base import localize_views, views
from base.translation_access import (
    GuardedSubmitPageTranslationView,
    GuardedSubmitSnippetTranslationView,
    can_change_synchronisation,
    can_edit_object,
    can_publish_object,
    is_assigned_to_locale,
)

# Form buttons of wagtail-localize's edit views that change the link with the German original.
SYNCHRONISATION_ACTIONS = ("localize-restart-translation", "localize-convert-to-alias")


@hooks.register("register_admin_urls")
def register_admin_urls():
    # Registered before wagtail-localize's own patterns (this app comes first in
    # INSTALLED_APPS), so these guarded views answer the same URLs.
    translate = "localize/translate/<int:translation_id>"
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            localize_views.GuardedUpdateTranslationsView.as_view(),
            name="guarded_update_translations",
        ),
        path(
            f"{translate}/strings/<int:string_segment_id>/edit/",
            localize_views.edit_string_translation,
            name="guarded_edit_string_translation",
        ),
        path(
            f"{translate}/overrides/<int:overridable_segment_id>/edit/",
            localize_views.edit_override,
            name="guarded_edit_override",
        ),
        path(
            f"{translate}/pofile/download/",
            localize_views.download_pofile,
            name="guarded_download_pofile",
        ),
        path(
            f"{translate}/pofile/upload/",
            localize_views.upload_pofile,
            name="guarded_upload_pofile",
        ),
        path(
            f"{translate}/machine_translate/",
            localize_views.machine_translate,
            name="guarded_machine_translate",
        ),
        path(
            f"{translate}/preview/",
            localize_views.preview_translation,
            name="guarded_preview_translation",
        ),
        path(
            f"{translate}/preview/<str:mode>/",
            localize_views.preview_translation,
            name="guarded_preview_translation",
        ),
        path(
            f"{translate}/disable/",
            localize_views.stop_translation,
            name="guarded_stop_translation",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            localize_views.convert_to_alias,
            name="guarded_convert_to_alias",
        ),
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
    """Translators edit taxonomy labels of their own languages only, save them only where
    they may publish (these snippets have no drafts) and never change their synchronisation."""
    _guard_translatable_snippet(request, instance)
    if request.method == "POST" and isinstance(instance, TranslatableMixin):
        if any(action in request.POST for action in SYNCHRONISATION_ACTIONS):
            if not can_change_synchronisation(request.user, instance):
                raise PermissionDenied
        elif not can_publish_object(request.user, instance):
            raise PermissionDenied


@hooks.register("before_edit_page")
def guard_page_synchronisation(request, page):
    """Restarting a translation or converting it back to an alias needs rights on German.

    Runs before wagtail-localize's own hook, which acts on these buttons without a check.
    """
    if request.method == "POST" and any(a in request.POST for a in SYNCHRONISATION_ACTIONS):
        if not can_change_synchronisation(request.user, page.specific):
            raise PermissionDenied


@hooks.register("before_convert_alias_page")
def guard_convert_alias(request, page):
    """Only someone who may edit the German original detaches an alias from it."""
    if not can_change_synchronisation(request.user, page.specific):
        raise PermissionDenied


@hooks.register("construct_page_action_menu")
def hide_synchronisation_actions(menu_items, request, context):
    page = context.get("page")
    if page is not None and page.pk and not can_change_synchronisation(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name not in SYNCHRONISATION_ACTIONS]


@hooks.register("construct_snippet_action_menu")
def hide_snippet_synchronisation_actions(menu_items, request, context):
    instance = context.get("instance")
    if isinstance(instance, TranslatableMixin) and instance.pk:
        if not can_change_synchronisation(request.user, instance):
            menu_items[:] = [
                item for item in menu_items if item.name not in SYNCHRONISATION_ACTIONS
            ]


def _without_update_translations(buttons, user, obj):
    """Drop wagtail-localize's "Sync translated ..." button for users who may not edit ``obj``."""
    if can_edit_object(user, obj):
        return
    marker = "/localize/update/"
    buttons[:] = [button for button in buttons if marker not in (getattr(button, "url", "") or "")]
    for button in buttons:
        nested = getattr(button, "dropdown_buttons", None)
        if nested:
            nested[:] = [b for b in nested if marker not in (getattr(b, "url", "") or "")]


@hooks.register("construct_page_listing_buttons")
def hide_page_update_translations(buttons, page, user, context=None):
    _without_update_translations(buttons, user, page)


@hooks.register("construct_snippet_listing_buttons")
def hide_snippet_update_translations(buttons, snippet, user, context=None):
    if isinstance(snippet, TranslatableMixin):
        _without_update_translations(buttons, user, snippet)


@hooks.register("before_delete_snippet")
def guard_snippet_delete(request, instances):
    for instance in instances:
        _guard_translatable_snippet(request, instance)
