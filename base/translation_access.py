"""Who may translate what: translators work only in their assigned language trees.

wagtail-localize's views check little more than the global ``submit_translation``
permission (and, for snippets, the model's change permission), so anyone holding it could
create, edit, re-publish or stop any translation in any language. The rules here close
those holes; ``base/wagtail_hooks.py`` puts them in front of every wagtail-localize view:

- translating into a locale (submitting, editing strings, PO files, machine translation)
  needs edit rights on that locale's copy (or add rights under its parent when no copy
  exists yet); for snippets the change permission and rights on that language tree;
- publishing a translation needs the publish right there (translators lose it while
  the coordinator reviews translations, ``page_permissions``);
- anything that changes the link with the German source (updating all translations from
  it, stopping, restarting, converting to or from an alias) also needs edit rights on the
  German original, which translators never have.
"""

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import models, transaction
from django.db.models.signals import post_save
from modelcluster.fields import ParentalKey
from wagtail.models import DraftStateMixin, GroupPagePermission, Locale, Page
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)

from base.languages import SOURCE_LANGUAGE
from base.models import TranslationSettings, home_page_model
from base.page_permissions import TRANSLATOR_GROUP_PREFIX, review_translations_enabled

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


def can_edit_object(user, obj) -> bool:
    """Whether ``user`` may edit ``obj``: a page, or a translatable snippet in its language tree."""
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_edit()
    meta = obj._meta
    return user.has_perm(f"{meta.app_label}.change_{meta.model_name}") and is_assigned_to_locale(
        user, obj.locale
    )


def can_publish_in_locale(user, locale: Locale) -> bool:
    """Whether ``user`` may publish in the language tree of ``locale`` (snippets follow pages)."""
    if user.is_superuser:
        return True
    home = locale_home(locale)
    return bool(home and home.permissions_for_user(user).can_publish())


def can_publish_object(user, obj) -> bool:
    """Whether ``user`` may make ``obj`` (a page or a translatable snippet) live."""
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_publish()
    if isinstance(obj, DraftStateMixin):
        meta = obj._meta
        if not user.has_perm(f"{meta.app_label}.publish_{meta.model_name}"):
            return False
    return can_edit_object(user, obj) and can_publish_in_locale(user, obj.locale)


def translation_target(translation):
    """The object ``translation`` writes to, or None when it has not been created (yet)."""
    try:
        return translation.get_target_instance()
    except ObjectDoesNotExist:
        return None


def can_edit_translation(user, translation) -> bool:
    """Whether ``user`` may work on ``translation`` (strings, PO files, machine translation)."""
    target = translation_target(translation)
    return target is not None and can_edit_object(user, target)


def can_change_synchronisation(user, obj) -> bool:
    """Whether ``user`` may stop, restart or convert the synchronisation of ``obj`` with German.

    That changes what the German original means for this language, so it needs edit rights
    on the German original as well: coordinators (and partners on their own pages) have
    them, translators never do.
    """
    if not can_edit_object(user, obj):
        return False
    german = obj.get_translation_or_none(Locale.objects.get(language_code=SOURCE_LANGUAGE))
    return german is not None and can_edit_object(user, german)


def can_update_translations(user, source, publish: bool) -> bool:
    """Whether ``user`` may update every translation of ``source`` from it (and publish them).

    wagtail-localize's "Sync translated pages" acts on every language at once, so it needs
    edit rights on the German original and on every translation (publish rights to publish).
    """
    if user.is_superuser:
        return True
    original = source.get_source_instance()
    if not can_edit_object(user, original):
        return False
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        locale = translation.target_locale
        target = translation_target(translation)
        if target is None:
            # Updating creates it, so the user must be able to translate into its language.
            allowed = can_translate_into(user, original, locale) and (
                not publish or can_publish_in_locale(user, locale)
            )
        else:
            allowed = (can_publish_object if publish else can_edit_object)(user, target)
        if not allowed:
            return False
    return True


def is_overridable_path(model, path: str) -> bool:
    """Whether the segment at ``path`` (``phone``, ``contacts.<key>.phone``, ...) may be
    overridden per language under the model's current field declarations.

    Translations submitted before a field was declared ``overridable=False`` still carry
    its segment until they are updated from German; this keeps those closed too.
    """
    name, _dot, rest = path.partition(".")
    declared = {field.field_name: field for field in get_translatable_fields(model)}
    if name not in declared:
        return False
    field = model._meta.get_field(name)
    if isinstance(field, models.ManyToOneRel) and isinstance(field.remote_field, ParentalKey):
        _child_key, _dot, child_path = rest.partition(".")
        return is_overridable_path(field.related_model, child_path)
    if isinstance(declared[name], SynchronizedField):
        return declared[name].overridable
    # Links inside translated rich text or blocks, which wagtail-localize offers to replace.
    return True


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
