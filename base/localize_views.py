"""wagtail-localize's views behind the project's translation rules (``translation_access``).

``base/wagtail_hooks.py`` registers these at wagtail-localize's own URLs, ahead of its
patterns, so every route of the translation editor is checked here first: the rule is
applied, then wagtail-localize's view runs unchanged.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from wagtail.models import Page
from wagtail_localize.models import OverridableSegment, Translation
from wagtail_localize.views import convert, edit_translation
from wagtail_localize.views.update_translations import UpdateTranslationsView

from base.translation_access import (
    can_change_synchronisation,
    can_edit_translation,
    can_update_translations,
    is_overridable_path,
    translation_target,
)


def _guard_translation(view, rule):
    """``view`` (taking a translation id first) refused unless ``rule(user, translation)``."""

    @wraps(view)
    def guarded(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(Translation, id=translation_id)
        if not rule(request.user, translation):
            raise PermissionDenied
        return view(request, translation_id, *args, **kwargs)

    return guarded


def _can_stop(user, translation) -> bool:
    target = translation_target(translation)
    return target is not None and can_change_synchronisation(user, target)


edit_string_translation = _guard_translation(
    edit_translation.edit_string_translation, can_edit_translation
)
download_pofile = _guard_translation(edit_translation.download_pofile, can_edit_translation)
upload_pofile = _guard_translation(edit_translation.upload_pofile, can_edit_translation)
machine_translate = _guard_translation(edit_translation.machine_translate, can_edit_translation)
preview_translation = _guard_translation(edit_translation.preview_translation, can_edit_translation)
stop_translation = _guard_translation(edit_translation.stop_translation, _can_stop)


@wraps(edit_translation.edit_override)
def edit_override(request, translation_id, overridable_segment_id):
    """Overrides only of fields declared overridable (never contact data, addresses, times)."""
    translation = get_object_or_404(Translation, id=translation_id)
    segment = get_object_or_404(
        OverridableSegment.objects.select_related("context"), id=overridable_segment_id
    )
    if not can_edit_translation(request.user, translation):
        raise PermissionDenied
    model = translation.source.specific_content_type.model_class()
    if not is_overridable_path(model, segment.context.path):
        raise PermissionDenied
    return edit_translation.edit_override(request, translation_id, overridable_segment_id)


def convert_to_alias(request, page_id):
    """Only someone who may edit the German original turns a translation back into an alias."""
    page = get_object_or_404(Page, id=page_id)
    if not can_change_synchronisation(request.user, page.specific):
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


class GuardedUpdateTranslationsView(UpdateTranslationsView):
    """ "Sync translated pages" acts in every language: it needs rights in every language."""

    def get_object(self):
        source = super().get_object()
        if not can_update_translations(self.request.user, source, publish=False):
            raise PermissionDenied
        return source

    def form_valid(self, form):
        publish = form.cleaned_data["publish_translations"]
        if publish and not can_update_translations(self.request.user, self.object, publish=True):
            raise PermissionDenied
        return super().form_valid(form)
