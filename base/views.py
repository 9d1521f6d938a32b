"""Admin views of the home app: the translation status overview for translators."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale

from base.languages import SOURCE_LANGUAGE
from base.translation_access import is_assigned_to_locale
from base.translation_status import OUTDATED, STATUS_LABELS, status_table


def translation_status(request):
    """Every German page with its status per language; ``?locale=ar&outdated=1`` narrows it."""
    locales = [
        locale
        for locale in Locale.objects.exclude(language_code=SOURCE_LANGUAGE).order_by(
            "language_code"
        )
        if is_assigned_to_locale(request.user, locale)
    ]
    if not locales:
        raise PermissionDenied
    chosen = next((loc for loc in locales if loc.language_code == request.GET.get("locale")), None)
    outdated_only = request.GET.get("outdated") == "1"
    shown_locales, rows = status_table(chosen, outdated_only)
    shown_locales = [loc for loc in shown_locales if loc in locales]
    return render(
        request,
        "home/admin/translation_status.html",
        {
            "title": _("Translation status"),
            "locales": locales,
            "shown_locales": shown_locales,
            "chosen": chosen,
            "outdated_only": outdated_only,
            "rows": [
                (page, [(loc, *statuses[loc.language_code]) for loc in shown_locales])
                for page, statuses in rows
            ],
            "labels": STATUS_LABELS,
            "outdated": OUTDATED,
        },
    )
