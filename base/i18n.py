"""Content languages: locales kept in sync with German, and a new language's catalogue.

German is the source of all content. Every other locale is synchronised from it with
wagtail-localize, so each German page has an alias (an untranslated copy) in every language
until a translator translates it: a visitor never meets a 404 for a missing translation.
"""

from pathlib import Path

import polib
from django.conf import settings
from wagtail.models import Locale
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail_localize.models import LocaleSynchronization

from base.languages import DEFAULT_PLURAL_FORMS, PLURAL_FORMS, SOURCE_LANGUAGE
from base.translation_access import ensure_translator_group


def ensure_synced_locale(code: str) -> Locale:
    """The locale for ``code``, created if needed and synchronised from German.

    Creating the synchronisation copies every German page as an alias into the locale
    (wagtail-localize runs the job at once unless a queue is configured).
    """
    locale, _created = Locale.objects.get_or_create(language_code=code)
    if code != SOURCE_LANGUAGE:
        source = Locale.objects.get(language_code=SOURCE_LANGUAGE)
        if not LocaleSynchronization.objects.filter(locale=locale).exists():
            # Copying every page would otherwise rebuild the reference index per child row.
            with disable_reference_index_auto_update():
                LocaleSynchronization.objects.create(locale=locale, sync_from=source)
        ensure_translator_group(locale)
    return locale


def write_po_skeleton(code: str, name: str) -> Path:
    """Create ``locale/<code>/LC_MESSAGES/django.po`` with every msgid of the German catalogue."""
    locale_dir = Path(settings.LOCALE_PATHS[0])
    target = locale_dir / code / "LC_MESSAGES" / "django.po"
    if target.exists():
        return target
    template = locale_dir / SOURCE_LANGUAGE / "LC_MESSAGES" / "django.po"
    catalogue = polib.POFile()
    catalogue.metadata = {
        "Project-Id-Version": "wegweiser",
        "Language": code,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS.get(code, DEFAULT_PLURAL_FORMS),
    }
    catalogue.header = f"Wegweiser interface in {name}. Translate every msgstr."
    if template.exists():
        for entry in polib.pofile(str(template)):
            if entry.obsolete:
                continue
            catalogue.append(
                polib.POEntry(
                    msgid=entry.msgid,
                    msgid_plural=entry.msgid_plural,
                    msgstr="" if not entry.msgid_plural else "",
                    msgstr_plural={0: "", 1: ""} if entry.msgid_plural else {},
                    occurrences=entry.occurrences,
                    msgctxt=entry.msgctxt,
                )
            )
    target.parent.mkdir(parents=True, exist_ok=True)
    catalogue.save(str(target))
    return target
