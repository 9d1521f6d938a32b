"""The language registry: the source language, the site's content languages and the
languages staff can speak, by ISO 639 code, with their names in their own script.

Django's ``LANG_INFO`` lacks several languages common among refugees in Germany
(Tigrinya, Kurmanji, Dari, Pashto, Somali, ...), so the project keeps its own table, and
languages added at run time (``add_language``) are registered here.
"""

import json
import re
from pathlib import Path

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import trans_real
from wagtail import coreutils

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

# code: (name in the interface language, name in the language itself, right-to-left)
SPOKEN_LANGUAGES = {
    "de": (_("German"), "Deutsch", False),
    "en": (_("English"), "English", False),
    "ar": (_("Arabic"), "العربية", True),
    "fa": (_("Persian"), "فارسی", True),
    "prs": (_("Dari"), "دری", True),
    "ps": (_("Pashto"), "پښتو", True),
    "uk": (_("Ukrainian"), "Українська", False),
    "ru": (_("Russian"), "Русский", False),
    "tr": (_("Turkish"), "Türkçe", False),
    "kmr": (_("Kurmanji (Kurdish)"), "Kurmancî", False),
    "ckb": (_("Sorani (Kurdish)"), "سۆرانی", True),
    "ti": (_("Tigrinya"), "ትግርኛ", False),
    "am": (_("Amharic"), "አማርኛ", False),
    "so": (_("Somali"), "Soomaali", False),
    "fr": (_("French"), "Français", False),
    "es": (_("Spanish"), "Español", False),
    "it": (_("Italian"), "Italiano", False),
    "pl": (_("Polish"), "Polski", False),
    "ro": (_("Romanian"), "Română", False),
    "bg": (_("Bulgarian"), "Български", False),
    "sq": (_("Albanian"), "Shqip", False),
    "sr": (_("Serbian"), "Српски", False),
    "vi": (_("Vietnamese"), "Tiếng Việt", False),
    "ur": (_("Urdu"), "اردو", True),
    "hi": (_("Hindi"), "हिन्दी", False),
    "zh": (_("Chinese"), "中文", False),
    "sgn-de": (_("German Sign Language"), "DGS", False),
}

SPOKEN_LANGUAGE_CHOICES = [(code, names[0]) for code, names in SPOKEN_LANGUAGES.items()]


def language_name(code: str) -> str:
    """The name of a spoken language in the current interface language (the code if unknown)."""
    entry = SPOKEN_LANGUAGES.get(code)
    return str(entry[0]) if entry else code


def language_autonym(code: str) -> str:
    """The name of a spoken language in that language itself (the code if unknown)."""
    entry = SPOKEN_LANGUAGES.get(code)
    return entry[1] if entry else code


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
    trans_real.get_languages.cache_clear()
    trans_real._get_supported_language_variant.cache_clear()
    trans_real.translation_catalog_exists.cache_clear()
    coreutils.get_content_languages.cache_clear()
    coreutils.get_supported_content_language_variant.cache_clear()
    translation.trans_real._translations = {}
