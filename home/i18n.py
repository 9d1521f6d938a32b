"""Content languages: locales kept in sync with German, and adding a new language.

German is the source of all content. Every other locale is synchronised from it with
wagtail-localize, so each German page has an alias (an untranslated copy) in every language
until a translator translates it: a visitor never meets a 404 for a missing translation.
"""

import json
import re
from pathlib import Path

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Locale
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail_localize.models import LocaleSynchronization

from directory.languages import SPOKEN_LANGUAGES

SOURCE_LANGUAGE = "de"
LANGUAGE_CODE_RE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")

# gettext plural rules for languages Django does not ship (Plural-Forms header of a .po).
PLURAL_FORMS = {
    "ti": "nplurals=2; plural=(n > 1);",
    "am": "nplurals=2; plural=(n > 1);",
    "prs": "nplurals=2; plural=(n > 1);",
    "ps": "nplurals=2; plural=(n != 1);",
    "so": "nplurals=2; plural=(n != 1);",
    "kmr": "nplurals=2; plural=(n != 1);",
    "ckb": "nplurals=2; plural=(n != 1);",
}
DEFAULT_PLURAL_FORMS = "nplurals=2; plural=(n != 1);"


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
        from home.translation_access import ensure_translator_group

        ensure_translator_group(locale)
    return locale


def language_names(code: str, name: str = "", name_local: str = "", bidi: bool | None = None):
    """Name, local name and direction of a language from the arguments, Django or our table."""
    known = LANG_INFO.get(code, {})
    spoken = SPOKEN_LANGUAGES.get(code)
    name = name or known.get("name") or (str(spoken[0]) if spoken else "")
    name_local = name_local or known.get("name_local") or (spoken[1] if spoken else "")
    if bidi is None:
        bidi = bool(known.get("bidi")) if known else bool(spoken and spoken[2])
    if not name or not name_local:
        raise ValidationError(
            f"The language '{code}' is unknown: give its name and local name "
            "(--name, --name-local) and --rtl if it is written right to left."
        )
    return name, name_local, bidi


def register_language(code: str, name: str, name_local: str, bidi: bool) -> None:
    """Record a language in ``locale/languages.json`` and make it active in this process."""
    path = Path(settings.EXTRA_LANGUAGES_FILE)
    registry = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    registry[code] = {"name": name, "name_local": name_local, "bidi": bidi}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(registry, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    LANG_INFO.setdefault(code, {"code": code, "name": name, "name_local": name_local, "bidi": bidi})
    if code not in dict(settings.LANGUAGES):
        settings.LANGUAGES = [*settings.LANGUAGES, (code, name)]
        settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
        settings.WAGTAIL_CONTENT_LANGUAGE_CODES = [c for c, _n in settings.LANGUAGES]
    if bidi and code not in settings.LANGUAGES_BIDI:
        settings.LANGUAGES_BIDI = [*settings.LANGUAGES_BIDI, code]
    clear_language_caches()


def clear_language_caches() -> None:
    """Forget cached language lists after the languages changed at run time."""
    from django.utils.translation import trans_real
    from wagtail import coreutils

    trans_real.get_languages.cache_clear()
    trans_real._get_supported_language_variant.cache_clear()
    trans_real.translation_catalog_exists.cache_clear()
    coreutils.get_content_languages.cache_clear()
    coreutils.get_supported_content_language_variant.cache_clear()
    translation.trans_real._translations = {}


def write_po_skeleton(code: str, name: str) -> Path:
    """Create ``locale/<code>/LC_MESSAGES/django.po`` with every msgid of the German catalogue."""
    import polib

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
