"""Page slugs in the page's own language, written in Latin letters.

A translated page gets its slug from its translated title. Scripts other than Latin are
transliterated (Arabic, Persian, Ukrainian, Russian: a simple letter-by-letter scheme close
to the common romanisations), so that every URL can be typed on any keyboard and still reads
as the page's language: ``/ru/uslugi/``, ``/uk/posluhy/``, ``/ar/al-khdmat/`` (Arabic script
does not write short vowels, so neither does its slug).
"""

import re
import unicodedata

from django.utils.text import slugify

MAX_SLUG_LENGTH = 80

RUSSIAN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
}  # fmt: skip
# Ukrainian after the official romanisation (2010), without its word-initial variants.
UKRAINIAN = {
    **RUSSIAN,
    "г": "h", "ґ": "g", "е": "e", "є": "ye", "и": "y", "і": "i", "ї": "yi", "й": "y",
    "ю": "yu", "я": "ya", "ь": "", "’": "", "'": "",
}  # fmt: skip
ARABIC = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ب": "b", "ت": "t", "ث": "th",
    "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s",
    "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "a", "غ": "gh", "ف": "f",
    "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "a", "و": "w",
    "ي": "y", "ى": "a", "ء": "", "ؤ": "", "ئ": "", "ک": "k", "ی": "y",
}  # fmt: skip
PERSIAN = {
    **ARABIC,
    "پ": "p", "چ": "ch", "ژ": "zh", "گ": "g", "و": "v", "ی": "i", "ي": "i", "ه": "h",
    "ة": "e", "ث": "s", "ذ": "z", "ض": "z", "ظ": "z", "ط": "t", "ق": "gh",
}  # fmt: skip
# Letters that Unicode does not decompose to a plain Latin letter.
LATIN = {"ı": "i", "ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d"}
TABLES = {"ru": RUSSIAN, "uk": UKRAINIAN, "ar": ARABIC, "fa": PERSIAN}
# Script of a letter that no language table names: the closest table by script.
SCRIPT_TABLES = (("CYRILLIC", RUSSIAN), ("ARABIC", PERSIAN))
# Arabic's article is written joined to its word; romanised, it stands apart: al-khdmat.
ARABIC_ARTICLE = re.compile(r"(?<![\w\u0600-\u06ff])[اٱ]ل(?=[\u0600-\u06ff])")
# Short vowels and other marks that Arabic script may write above or below a letter,
# the tatweel and the zero-width non-joiner (Persian writes it inside words).
INVISIBLE = re.compile("[\u064b-\u065f\u0670\u0640\u200c\u200d\u200e\u200f]")


def transliterate(text: str, language_code: str = "") -> str:
    """``text`` in Latin letters: Cyrillic and Arabic script by the language's scheme."""
    table = TABLES.get(language_code.split("-")[0], {})
    text = INVISIBLE.sub("", text)
    text = ARABIC_ARTICLE.sub("al-", text)
    return "".join(latin_letter(char, table) for char in text)


def latin_letter(char: str, table: dict[str, str]) -> str:
    """One letter in Latin letters (upper case kept); anything else as it is."""
    lower = char.lower()
    if len(lower) != 1:
        # Turkish "İ" lowercases to "i" and a combining dot, which slugify drops.
        return lower
    if lower in table:
        latin = table[lower]
    elif lower in LATIN:
        latin = LATIN[lower]
    else:
        name = unicodedata.name(lower, "")
        latin = next(
            (tab[lower] for script, tab in SCRIPT_TABLES if script in name and lower in tab),
            char,
        )
    return latin.capitalize() if char != lower else latin


def localized_slug(title: str, language_code: str, fallback: str = "") -> str:
    """A slug for a page titled ``title`` in ``language_code``: Latin letters, digits and
    hyphens, at most 80 characters cut at a word; ``fallback`` when nothing is left."""
    slug = slugify(transliterate(title, language_code))
    if len(slug) > MAX_SLUG_LENGTH:
        slug = slug[: MAX_SLUG_LENGTH + 1].rsplit("-", 1)[0]
    return slug or fallback
