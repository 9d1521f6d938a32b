"""The language registry: the source language, the site's content languages and the
languages staff can speak, by ISO 639 code, with their names in their own script.

Spoken languages are any ISO 639-1/-2/-3 code; their names in every interface language
come from CLDR (Babel), plus the few CLDR lacks (``EXTRA_LANGUAGES``). Django's
``LANG_INFO`` lacks several languages common among refugees in Germany, so languages
added at run time (``add_language``) are registered here.
"""

import functools
import json
import re
from pathlib import Path

from babel import Locale as BabelLocale
from babel import UnknownLocaleError
from babel.core import get_global
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

# Languages CLDR has no name for, although people here speak them (names kept by gettext).
# code: (name in the interface language, name in the language itself, right-to-left)
EXTRA_LANGUAGES = {
    "kmr": (_("Kurmanji (Kurdish)"), "Kurmancî", False),
    "prs": (_("Dari"), "دری", True),
    "sgn-de": (_("German Sign Language"), "DGS", False),
}
ISO_639_RE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$")


@functools.cache
def _cldr_codes() -> frozenset:
    return frozenset(code for code in BabelLocale.parse("en").languages if "_" not in code)


def spoken_language_codes() -> frozenset:
    """Every code a listing's spoken language can have: CLDR's languages and our extras."""
    return _cldr_codes() | frozenset(EXTRA_LANGUAGES)


def cldr_code(code: str) -> str | None:
    """The code CLDR names a language by (``eng`` → ``en``, ``per`` → ``fa``), or None.

    Accepts ISO 639-1, 639-2 (bibliographic and terminological) and 639-3 codes.
    """
    code = (code or "").strip().lower().replace("_", "-")
    if code in EXTRA_LANGUAGES or code in _cldr_codes():
        return code
    alias = get_global("language_aliases").get(code.replace("-", "_"))
    if alias and alias.lower() in _cldr_codes():
        return alias.lower()
    return alias or None


def is_language_code(code) -> bool:
    """Whether ``code`` has the form of an ISO 639-1/-2/-3 code (with optional subtags)."""
    return isinstance(code, str) and bool(ISO_639_RE.match(code.strip().lower()))


def _babel_locale(code: str) -> BabelLocale | None:
    try:
        return BabelLocale.parse(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return None


def language_name(code: str, in_language: str | None = None) -> str:
    """A spoken language's name in ``in_language`` (default: the interface language), from
    CLDR; the code itself when nobody knows the language."""
    key = cldr_code(code)
    if key in EXTRA_LANGUAGES:
        if in_language:
            with translation.override(in_language):
                return str(EXTRA_LANGUAGES[key][0])
        return str(EXTRA_LANGUAGES[key][0])
    where = _babel_locale(in_language or translation.get_language() or SOURCE_LANGUAGE)
    where = where or BabelLocale.parse(SOURCE_LANGUAGE)
    if key:
        name = where.languages.get(key.replace("-", "_"))
        if not name and (locale := _babel_locale(key)):
            name = locale.get_display_name(where)
        if name:
            return _standalone(name)
    return code


def _standalone(name: str) -> str:
    """A name as it stands alone in a list or a menu: CLDR writes many in lower case
    ("українська", "arabe"), as inside a sentence."""
    return name[:1].upper() + name[1:]


def language_autonym(code: str) -> str:
    """The name of a spoken language in that language itself (the code if unknown)."""
    key = cldr_code(code)
    if key in EXTRA_LANGUAGES:
        return EXTRA_LANGUAGES[key][1]
    locale = _babel_locale(key) if key else None
    if locale is None:
        return code
    name = locale.get_display_name(locale)
    return _standalone(name) if name else code


def language_is_rtl(code: str) -> bool:
    """Whether a spoken language is written right to left (CLDR's character order)."""
    key = cldr_code(code)
    if key in EXTRA_LANGUAGES:
        return EXTRA_LANGUAGES[key][2]
    locale = _babel_locale(key) if key else None
    return bool(locale and locale.character_order == "right-to-left")


def spoken_language_choices() -> list[tuple[str, str]]:
    """(code, name in the interface language) of every language CLDR or our extras know."""
    codes = set(_cldr_codes()) | set(EXTRA_LANGUAGES)
    choices = [(code, language_name(code)) for code in codes]
    return sorted(choices, key=lambda choice: choice[1].casefold())


def language_names(code: str, name: str = "", name_local: str = "", bidi: bool | None = None):
    """Name, local name and direction of a language from the arguments, Django or CLDR."""
    known = LANG_INFO.get(code, {})
    spoken = cldr_code(code)
    name = name or known.get("name") or (language_name(code, "en") if spoken else "")
    name_local = name_local or known.get("name_local") or (language_autonym(code) if spoken else "")
    if bidi is None:
        bidi = bool(known.get("bidi")) if known else language_is_rtl(code)
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
