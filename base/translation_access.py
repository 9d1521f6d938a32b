"""Who may translate what: translators work only in their assigned language trees.

wagtail-localize's "submit translation" view checks only the global ``submit_translation``
permission, so anyone holding it could create a live translation of any page in any
language. The views here close that hole: a translation into a locale needs edit rights on
that locale's copy of the page (or add rights under its parent when no copy exists yet).
"""

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models.signals import post_save
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)

from base.languages import SOURCE_LANGUAGE
from base.models import TranslationSettings, home_page_model

TRANSLATOR_GROUP_PREFIX = "Translators: "
TAXONOMY_MODELS = ("actionfield", "targetgroup", "workinggroup", "district")


def translator_group_name(locale: Locale) -> str:
    return f"{TRANSLATOR_GROUP_PREFIX}{locale.get_display_name()} ({locale.language_code})"


def locale_home(locale: Locale):
    """The home page (root of the language tree) in ``locale``, if there is one."""
    return home_page_model().objects.filter(locale=locale).first()


def is_assigned_to_locale(user, locale: Locale) -> bool:
    """Whether ``user`` may edit content in the language tree of ``locale``."""
    if user.is_superuser:
        return True
    home = locale_home(locale)
    return bool(home and home.permissions_for_user(user).can_edit())


def can_translate_into(user, obj, locale: Locale) -> bool:
    """Whether ``user`` may create or update the ``locale`` translation of ``obj``."""
    if user.is_superuser:
        return True
    if isinstance(obj, Page):
        target = obj.get_translation_or_none(locale)
        if target is not None:
            return target.permissions_for_user(user).can_edit()
        parent = obj.get_parent().specific.get_translation_or_none(locale)
        return bool(parent and parent.permissions_for_user(user).can_add_subpage())
    meta = obj._meta
    return user.has_perm(f"{meta.app_label}.change_{meta.model_name}") and is_assigned_to_locale(
        user, locale
    )


class GuardedTranslationMixin:
    """Offers only the locales the user may translate into, and refuses any other."""

    def get_form(self):
        form = super().get_form()
        allowed = [
            locale.id
            for locale in form.fields["locales"].queryset
            if can_translate_into(self.request.user, self.object, locale)
        ]
        form.fields["locales"].queryset = form.fields["locales"].queryset.filter(id__in=allowed)
        return form

    def form_valid(self, form):
        for locale in form.cleaned_data["locales"]:
            if not can_translate_into(self.request.user, self.object, locale):
                raise PermissionDenied
        return super().form_valid(form)


class GuardedSubmitPageTranslationView(GuardedTranslationMixin, SubmitPageTranslationView):
    pass


class GuardedSubmitSnippetTranslationView(GuardedTranslationMixin, SubmitSnippetTranslationView):
    pass


def review_translations_enabled() -> bool:
    """Whether the coordinator wants translations reviewed before they are published."""
    return TranslationSettings.load().review_translations


@transaction.atomic
def ensure_translator_group(locale: Locale) -> Group | None:
    """The translators' group of ``locale`` with rights on that language tree only.

    Translators may edit (and, unless review is on, publish) pages in their tree, submit
    translations, and edit the taxonomy labels of their language; nothing in German.
    """
    if locale.language_code == SOURCE_LANGUAGE:
        return None
    group, _created = Group.objects.get_or_create(name=translator_group_name(locale))
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="wagtail_localize", codename="submit_translation"
        ),
        *Permission.objects.filter(
            content_type__app_label="directory",
            codename__in=[f"change_{name}" for name in TAXONOMY_MODELS],
        ),
    )
    home = locale_home(locale)
    if home is not None:
        wanted = (
            {"change", "view"}
            if review_translations_enabled()
            else {
                "change",
                "view",
                "publish",
            }
        )
        current = GroupPagePermission.objects.filter(group=group, page=home)
        current.exclude(permission__codename__in=[f"{p}_page" for p in wanted]).delete()
        for codename in wanted:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=home,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=f"{codename}_page"
                ),
            )
    return group


def sync_translator_groups() -> None:
    """Apply the review setting to every locale's translators' group."""
    for locale in Locale.objects.exclude(language_code=SOURCE_LANGUAGE):
        ensure_translator_group(locale)


def _settings_saved(sender, **kwargs):
    sync_translator_groups()


def connect_signals() -> None:
    """Apply a changed review setting to the translators' groups at once."""
    post_save.connect(_settings_saved, sender=TranslationSettings, dispatch_uid="review-setting")
