"""Translation status of each page per language: missing, up to date or outdated.

A translation is *outdated* when the German source was published after the translation's
source content was last taken from it (wagtail-localize's ``TranslationSource``). A page that
is only an alias (a synchronised untranslated copy) counts as *missing*.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, TranslationSource

from base.languages import SOURCE_LANGUAGE

MISSING = "missing"
UP_TO_DATE = "up_to_date"
OUTDATED = "outdated"
STATUS_LABELS = {
    MISSING: _("missing"),
    UP_TO_DATE: _("up to date"),
    OUTDATED: _("outdated"),
}


@dataclass
class TranslationInfo:
    """What visitors and translators are told about one page in one language."""

    status: str
    source_date: datetime | None = None
    machine: bool = False

    @property
    def label(self):
        return STATUS_LABELS[self.status]


def _is_outdated(source_page: Page, source: TranslationSource | None) -> bool:
    published = source_page.last_published_at
    return bool(source and published and published > source.last_updated_at)


def translation_info(page: Page) -> TranslationInfo | None:
    """Status of ``page`` as a translation of its German source (None for German pages)."""
    if page.locale.language_code == SOURCE_LANGUAGE:
        return None
    if page.alias_of_id is not None:
        return TranslationInfo(MISSING)
    source_locale = Locale.objects.filter(language_code=SOURCE_LANGUAGE).first()
    source_page = page.get_translation_or_none(source_locale) if source_locale else None
    source = TranslationSource.objects.filter(
        object_id=page.translation_key, locale=source_locale
    ).first()
    if source_page is None or source is None:
        return TranslationInfo(UP_TO_DATE)
    machine = StringTranslation.objects.filter(
        locale_id=page.locale_id,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        translation_of__segments__source=source,
    ).exists()
    status = OUTDATED if _is_outdated(source_page, source) else UP_TO_DATE
    return TranslationInfo(status, source.last_updated_at, machine)


def status_table(locale: Locale | None = None, outdated_only: bool = False):
    """Rows (German page, {language_code: status}) for every live German page.

    A fixed number of queries, whatever the number of pages.
    """
    source_locale = Locale.objects.get(language_code=SOURCE_LANGUAGE)
    locales = [locale] if locale else list(Locale.objects.exclude(id=source_locale.id))
    german = list(Page.objects.live().filter(locale=source_locale, depth__gt=1).order_by("path"))
    keys = [page.translation_key for page in german]
    copies = {
        (p.translation_key, p.locale_id): p
        for p in Page.objects.filter(translation_key__in=keys, locale__in=locales).only(
            "id", "translation_key", "locale_id", "alias_of_id", "title"
        )
    }
    sources = {
        s.object_id: s
        for s in TranslationSource.objects.filter(object_id__in=keys, locale=source_locale)
    }
    rows = []
    for page in german:
        statuses = {}
        for target_locale in locales:
            copy = copies.get((page.translation_key, target_locale.id))
            if copy is None or copy.alias_of_id is not None:
                statuses[target_locale.language_code] = (MISSING, copy)
            elif _is_outdated(page, sources.get(page.translation_key)):
                statuses[target_locale.language_code] = (OUTDATED, copy)
            else:
                statuses[target_locale.language_code] = (UP_TO_DATE, copy)
        if outdated_only and not any(s == OUTDATED for s, _c in statuses.values()):
            continue
        rows.append((page, statuses))
    return locales, rows
