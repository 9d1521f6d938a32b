"""Content languages: locales kept in sync with German, and a new language's catalogue.

German is the source of all content. Every other locale is synchronised from it with
wagtail-localize, so each German page has an alias (an untranslated copy) in every language
until a translator translates it: a visitor never meets a 404 for a missing translation.
"""

from pathlib import Path

import polib
from django.conf import settings
from wagtail.models import Locale, Page
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource

from base.languages import DEFAULT_PLURAL_FORMS, PLURAL_FORMS, SOURCE_LANGUAGE
from base.slugs import localized_slug
from base.translation_access import ensure_translator_group

# The context of a page's slug in wagtail-localize's PO files.
SLUG_CONTEXT = "slug"


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


def translate_object(
    instance,
    locale: Locale,
    catalogue: dict[str, str],
    source: TranslationSource | None = None,
    tool_name: str = "Wegweiser",
) -> bool:
    """Translate one object into ``locale`` from ``catalogue``; False if a string is missing.

    ``catalogue`` maps a German source string (a wagtail-localize segment, as the translation
    editor and its PO download show it) to its translation. The strings go through the same
    path as an uploaded PO file, so the translation editor, the status report and "outdated"
    detection treat them like a translator's work. Objects with any untranslated string are
    left as they are (an alias for pages), so a visitor never sees a half-German page.
    ``source``: the object's translation source, when already brought up to date (extracting
    it reads the whole object). ``tool_name`` is recorded as the translation's origin.
    A page's slug needs no entry: it is made from the translated title (``translated_slug``).
    """
    if source is None:
        source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    slug = translated_slug(instance, locale, catalogue)
    missing = [
        entry.msgid
        for entry in po
        if entry.msgid not in catalogue and not (slug and entry.msgctxt == SLUG_CONTEXT)
    ]
    if missing:
        return False
    changed = False
    for entry in po:
        value = slug if slug and entry.msgctxt == SLUG_CONTEXT else catalogue[entry.msgid]
        if entry.msgstr != value:
            entry.msgstr = value
            changed = True
    target = instance.get_translation_or_none(locale)
    is_alias = isinstance(target, Page) and target.alias_of_id is not None
    if changed or target is None or is_alias:
        translation.import_po(po, tool_name=tool_name)
        translation.save_target(publish=True)
    return True


def translated_slug(instance, locale: Locale, catalogue: dict[str, str]) -> str | None:
    """The slug of a page's translation in the page's language, or None to take the
    catalogue's (not a page, a language tree's root, or a slug the catalogue translates).

    Without a slug of its own in the catalogue (no entry, or the German slug unchanged) the
    slug is made from the translated title, transliterated to Latin letters. The root of a
    language tree keeps what the catalogue says: its slug is in no URL.
    """
    if not isinstance(instance, Page) or instance.depth <= 2 or instance.title not in catalogue:
        return None
    if catalogue.get(instance.slug, instance.slug) != instance.slug:
        return None
    return localized_slug(catalogue[instance.title], locale.language_code, instance.slug)


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
