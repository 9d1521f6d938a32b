"""Language analysis for search, independent of the search backend.

Wagtail's database backends (SQLite FTS5, PostgreSQL) analyse no language, and
Elasticsearch analyses each language differently, so the project analyses text itself:
listing texts are stored pre-analysed in extra indexed fields and queries go through the
same pipeline, which makes every backend see identical tokens.

Pipeline: ``normalize`` (Unicode, case, diacritics, Arabic-script letter variants) →
``tokenize`` → drop ``STOPWORDS`` of the language → ``stem``. ``analyze`` runs all of it;
``analyze_to_text`` joins the result for an index field.

Token caps: ``tokenize`` and ``analyze`` keep at most ``MAX_QUERY_TOKENS`` (64) tokens by
default, which bounds the work a hostile query can cause; ``analyze_to_text`` is meant for
listing texts and keeps up to ``MAX_DOCUMENT_TOKENS`` instead. Pass ``max_tokens`` to
choose another cap.

Known limits of the stemmers (see ``tests/search/test_analysis.py`` for what does work):

- German: snowball leaves some forms apart; three small fixes follow it (``Kurse``/``Kurs``,
  ``Ärztinnen``/``Ärztin``, ``Kitas``/``Kita``). Feminine forms stay apart from masculine
  ones (``Ärztin`` ≠ ``Arzt``), but "Ärzt:innen" splits into ``arzt`` and a stop word.
  Hyphenated compounds ("Jugend-Migrationsdienst") do not meet their closed spelling.
- English: irregular plurals stay apart (``children`` ≠ ``child``).
- Arabic: light stemming (Larkey's Light10, as Lucene and Elasticsearch do) instead of
  snowball, whose result changes once ة is folded to ه (``المدرسه`` ≠ ``مدرسه``). Broken
  plurals stay apart (``مدارس`` ≠ ``مدرسه``); a leading ا-ل that belongs to the word is taken
  for the article (``ألمانيا`` → ``مانيا``), the same way at index and query time.
- Persian: snowball; a few plurals stay apart (``مهاجران`` ≠ ``مهاجر``).
- Turkish: snowball is applied until the stem stops changing (one pass leaves "göçmen" and
  "göçmenler" apart), which over-stems some words ("aile" → "ai") the same way everywhere;
  a few short forms stay apart ("kursu", "kursa" ≠ "kurs"). Snowball needs the Turkish
  letters; its result is folded to ASCII, so "danismanlik" meets "danışmanlık", but
  ASCII-typed inflected forms ("kurslari") are not stemmed. ``casefold`` is not
  Turkish-aware: "I" becomes "i", not "ı".
- Ukrainian: pymorphy3 lemmas (loaded once, 0.1–0.2 s); unknown words are guessed, and
  suppletive forms stay apart (``діти`` ≠ ``дитина``).
- A space-separated Persian "می" is joined to the next Arabic-script word in every
  language, so the rare Arabic word "مي" is joined too.
"""

import functools
import logging
import re
import sys
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

import snowballstemmer

from search.stopwords import RAW_STOPWORDS

logger = logging.getLogger(__name__)

SUPPORTED_LANGUAGES = ("de", "en", "ar", "fa", "uk", "ru", "tr")
MAX_QUERY_TOKENS = 64
MAX_DOCUMENT_TOKENS = 5000
# Longer "words" are base64, hashes or keyboard mashing; no real word is this long.
MAX_TOKEN_LENGTH = 64
# tokenize normalises long texts piece by piece so a huge input stops early at the cap, and
# reads at most this many characters per wanted token, so text without usable words (one
# megabyte of "aaaa…" or punctuation) cannot keep it busy either.
_CHUNK_SIZE = 4096
_CHARS_PER_TOKEN = 128

_SNOWBALL = {
    "de": "german",
    "en": "english",
    "fa": "persian",
    "ru": "russian",
    "tr": "turkish",
}

# --- normalize -----------------------------------------------------------------------------

# Letters whose marks tell words apart: German/Turkish umlauts and Turkish ç ş ğ (the German
# and Turkish stemmers need them), Cyrillic й ї ў. Every other Latin or Cyrillic letter loses
# its marks (é → e, ё → е).
_KEEP_MARKED = frozenset("äöüçşğйїў")
_LETTER_BLOCKS = ((0x00C0, 0x0250), (0x1E00, 0x1F00), (0x0400, 0x0530))
_COMBINING_MARKS = (
    (0x0300, 0x0370),  # combining diacritics, incl. the dot of casefolded "İ" and stress marks
    (0x1AB0, 0x1B00),
    (0x1DC0, 0x1E00),
    (0x20D0, 0x2100),
    (0xFE20, 0xFE30),
    (0x0610, 0x061B),  # Arabic honorific signs
    (0x064B, 0x0660),  # tashkeel (harakat, tanwin, shadda, sukun) and hamza marks
    (0x0670, 0x0671),  # superscript alef
    (0x06D6, 0x06DD),  # Quranic annotation marks
    (0x06DF, 0x06E9),
    (0x06EA, 0x06EE),
)
# Invisible characters removed outright: zero-width (ZWNJ joins Persian words, so
# "می‌خواهم" meets "میخواهم"), bidi controls, byte-order mark, soft hyphen, tatweel.
_REMOVED = (
    "\u00ad\u061c\u0640\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
)
# Arabic-script letter variants that keyboards and writers use interchangeably.
_ARABIC_VARIANTS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ؤ": "و",
    "ئ": "ي",
    "ى": "ي",  # alef maksura
    "ی": "ي",  # Persian yeh
    "ک": "ك",  # Persian keheh
    "ڪ": "ك",
    "ة": "ه",  # teh marbuta
    "ۀ": "ه",
    "ۂ": "ه",
    "ھ": "ه",
}
_EXTRA_LATIN = {"ł": "l", "ø": "o", "đ": "d", "ħ": "h"}
# Modifier-letter apostrophes count as letters in Unicode; made plain apostrophes they split
# Latin words ("Magdeburgʼda" → magdeburg, da) and vanish inside Cyrillic ones (below).
_MODIFIER_APOSTROPHES = {"ʼ": "'", "ʻ": "'", "ʽ": "'"}
# Apostrophes inside Cyrillic words are spelling, not punctuation: "сім'я" = "сім’я" = "сімя".
# The pattern starts with the apostrophe so the regex engine can skip ahead to candidates.
_CYRILLIC_APOSTROPHE = re.compile(
    "['\u2019\u2018\u02b9`\u2032](?<=[\u0400-\u052f].)(?=[\u0400-\u052f])"
)


def _char_class(codepoints: Iterable[int]) -> str:
    """The inside of a regex character class matching ``codepoints``, as ranges."""
    ranges: list[list[int]] = []
    for codepoint in sorted(codepoints):
        if ranges and ranges[-1][1] == codepoint - 1:
            ranges[-1][1] = codepoint
        else:
            ranges.append([codepoint, codepoint])
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )


def _build_fold_map() -> dict[str, str]:
    """Replacements applied after NFKC and casefold (see ``normalize``)."""
    fold: dict[str, str] = {}
    for start, end in _LETTER_BLOCKS:
        for codepoint in range(start, end):
            char = chr(codepoint)
            if char in _KEEP_MARKED:
                continue
            base = "".join(
                c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
            )
            if base and base != char:
                fold[char] = base
    for start, end in _COMBINING_MARKS:
        for codepoint in range(start, end):
            fold[chr(codepoint)] = ""
    fold.update(dict.fromkeys(_REMOVED, ""))
    fold.update({**_ARABIC_VARIANTS, **_EXTRA_LATIN, **_MODIFIER_APOSTROPHES})
    for digit in range(10):
        fold[chr(0x0660 + digit)] = str(digit)  # Arabic-Indic digits
        fold[chr(0x06F0 + digit)] = str(digit)  # Persian (extended Arabic-Indic) digits
    return fold


_FOLD_MAP = _build_fold_map()
# A regex visits only the characters to replace; str.translate looks up every character and
# is several times slower on non-ASCII text.
_FOLD_RE = re.compile(f"[{_char_class(map(ord, _FOLD_MAP))}]")


def _fold(text: str) -> str:
    return _FOLD_RE.sub(lambda match: _FOLD_MAP[match.group()], text)


def normalize(text: str) -> str:
    """Fold ``text`` to the form every search token is compared in.

    NFKC, ``str.casefold``, diacritics stripped except where they tell words apart (see
    ``_KEEP_MARKED``), Cyrillic apostrophes and invisible characters removed, Arabic and
    Persian letter variants unified (ي ى ی → ي, ك ک → ك, ة → ه, أ إ آ ٱ → ا, ؤ → و,
    ئ → ي), tashkeel and tatweel removed, Arabic-Indic and Persian digits → ASCII.
    Idempotent: ``normalize(normalize(x)) == normalize(x)``.
    """
    if text.isascii():
        return text.lower()
    # NFKC would turn the acute accent, typed as an apostrophe on German keyboards, into a
    # space plus a combining mark.
    text = unicodedata.normalize("NFKC", text.replace("\u00b4", "'"))
    return _CYRILLIC_APOSTROPHE.sub("", _fold(text.casefold()))


# --- tokenize ------------------------------------------------------------------------------


def _mark_class() -> str:
    """A regex character class of combining marks, so words in scripts with vowel signs
    (Devanagari, Ethiopic, ...) stay whole: Python's ``\\w`` does not match marks."""
    return _char_class(
        codepoint
        for codepoint in range(0x0300, 0x10000)
        if unicodedata.category(chr(codepoint)) in ("Mn", "Mc", "Me")
    )


_WORD = re.compile(rf"[^\W_](?:[^\W_]|[{_mark_class()}])*")
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f]")
# Persian writes the verb prefix mi- joined, with ZWNJ or with a space; join the last case
# too, so "می خواهم", "می‌خواهم" and "میخواهم" are one token ("نمی" is the negated prefix).
_PERSIAN_VERB_PREFIXES = frozenset({normalize("می"), normalize("نمی")})


def _chunks(text: str) -> Iterator[str]:
    """Split ``text`` into pieces of about ``_CHUNK_SIZE`` characters at whitespace."""
    start, length = 0, len(text)
    while start < length:
        end = start + _CHUNK_SIZE
        if end < length:
            cut = max(text.rfind(" ", start + 1, end), text.rfind("\n", start + 1, end))
            if cut > start:
                end = cut
        yield text[start:end]
        start = end


def _words(text: str) -> Iterator[str]:
    """Normalised words of ``text`` in order, before length rules and caps."""
    for chunk in _chunks(text):
        for match in _WORD.finditer(normalize(chunk)):
            yield match.group()


def tokenize(text: str, *, max_tokens: int | None = MAX_QUERY_TOKENS) -> list[str]:
    """Split ``text`` into normalised words of letters and digits in any script.

    Punctuation, hyphens and whitespace separate words; words of one character or longer
    than ``MAX_TOKEN_LENGTH`` are dropped; a space-separated Persian verb prefix is joined
    to its verb. At most ``max_tokens`` tokens are returned, taken from the first
    ``max_tokens × 128`` characters (``None``: no cap).
    """
    limit = sys.maxsize if max_tokens is None else max_tokens
    tokens: list[str] = []
    pending_prefix = ""
    for word in _words(text[: limit * _CHARS_PER_TOKEN]):
        if len(word) < 2 or len(word) > MAX_TOKEN_LENGTH:
            continue
        if pending_prefix:
            if _ARABIC_SCRIPT.match(word):
                word = pending_prefix + word
            else:
                tokens.append(pending_prefix)
            pending_prefix = ""
        if word in _PERSIAN_VERB_PREFIXES:
            pending_prefix = word
        else:
            tokens.append(word)
        if len(tokens) >= limit:
            return tokens[:limit]
    if pending_prefix:
        tokens.append(pending_prefix)
    return tokens[:limit]


# --- stop words ----------------------------------------------------------------------------

STOPWORDS: dict[str, frozenset[str]] = {
    language: frozenset(normalize(word) for word in words.split())
    for language, words in RAW_STOPWORDS.items()
}

_GERMAN_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
_TURKISH_FOLD = str.maketrans({"ı": "i", "ş": "s", "ç": "c", "ğ": "g", "ö": "o", "ü": "u"})
# Visitors without a German or Turkish keyboard type "fur", "konnen", "nasil", "icin".
_LOOSE_STOPWORDS = {
    "de": frozenset(word.translate(_GERMAN_FOLD) for word in STOPWORDS["de"]),
    "tr": frozenset(word.translate(_TURKISH_FOLD) for word in STOPWORDS["tr"]),
}

# --- stem ----------------------------------------------------------------------------------

_thread_local = threading.local()


def _snowball(language: str) -> Any:
    """The snowball stemmer for ``language``, one per thread: the objects keep state."""
    stemmers = getattr(_thread_local, "stemmers", None)
    if stemmers is None:
        stemmers = _thread_local.stemmers = {}
    stemmer = stemmers.get(language)
    if stemmer is None:
        stemmer = stemmers[language] = snowballstemmer.stemmer(_SNOWBALL[language])
    return stemmer


# After snowball: "kurse" → "kurs" but "kurs" → "kur" (the s is stripped only from a bare
# word), so a stem ending in s after a valid s-ending is stemmed once more.
_GERMAN_S_ENDING = re.compile("[bdfghklmnrt]s$")
# Loanwords with an s plural after a, o or y: "Kitas", "Infos", "Handys", "Fotos".
_GERMAN_S_PLURAL = re.compile("(?<=...[aoy])s$")


def _stem_german(token: str) -> str:
    stemmer = _snowball("de")
    result = stemmer.stemWord(token)
    if result != token and _GERMAN_S_ENDING.search(result):
        result = stemmer.stemWord(result)
    if result.endswith("inn"):  # "Ärztinnen" → "arztinn", "Ärztin" → "arztin"
        result = result[:-1]
    result = _GERMAN_S_PLURAL.sub("", result)
    return result.translate(_GERMAN_FOLD)


# Larkey's Light10 (as in Lucene's ArabicStemmer), on normalised text: one prefix, then each
# suffix in turn, each only if enough of the word remains. Suffixes ية and ة are folded away
# by normalize, so they are not listed.
_ARABIC_PREFIXES = ("ال", "وال", "بال", "كال", "فال", "لل", "و")
_ARABIC_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")
# "Parents" and "father" start like "and the ..."; without this "والدين" would become "دين"
# (religion).
_ARABIC_PREFIX_EXCEPTIONS = frozenset(
    normalize(word)
    for word in "والد والده والدة والدي والدين والدان والداي والدتي والدته والدتها والدهم".split()
)


def _stem_arabic(token: str) -> str:
    for prefix in () if token in _ARABIC_PREFIX_EXCEPTIONS else _ARABIC_PREFIXES:
        minimum = 4 if len(prefix) == 1 else len(prefix) + 2
        if len(token) >= minimum and token.startswith(prefix):
            token = token[len(prefix) :]
            # A word that itself starts with ا-ل (ألمانية once hamza is folded) loses those
            # letters when bare, so it must lose them behind the article too.
            if len(token) >= 4 and token.startswith("ال"):
                token = token[2:]
            break
    for suffix in _ARABIC_SUFFIXES:
        if len(token) >= len(suffix) + 2 and token.endswith(suffix):
            token = token[: -len(suffix)]
    return token


_uk_lock = threading.Lock()
_uk_state: dict[str, Any] = {}
_CYRILLIC = re.compile("[\u0400-\u052f]")
# Where Ukrainian writes an apostrophe: a consonant before я ю є ї ("сім'я", "з'їзд").
_UK_APOSTROPHE_SPOT = re.compile("[бвгґджзклмнпрстфхцчшщ](?=[яюєї])")
_UK_SUFFIXES = sorted(
    (
        "ами ями ові еві ого ому ими іми ах ях ам ям ів їв ою ею ий ій ої ом ем"
        " а я і и у ю о е ь ї є"
    ).split(),
    key=len,
    reverse=True,
)


def _uk_analyzer() -> Any:
    """pymorphy3's Ukrainian analyzer, loaded on first use; ``None`` if unavailable."""
    if "analyzer" not in _uk_state:
        with _uk_lock:
            if "analyzer" not in _uk_state:
                try:
                    import pymorphy3

                    _uk_state["analyzer"] = pymorphy3.MorphAnalyzer(lang="uk")
                except Exception:  # missing package or dictionary: degrade, do not fail search
                    logger.warning("pymorphy3 Ukrainian dictionary unavailable", exc_info=True)
                    _uk_state["analyzer"] = None
    return _uk_state["analyzer"]


def strip_ukrainian_suffix(token: str) -> str:
    """Cut one common Ukrainian inflection ending, keeping at least three letters.

    The fallback when pymorphy3 cannot be loaded: cruder than lemmas, but it still makes
    "курси" meet "курс".
    """
    for suffix in _UK_SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            return token[: -len(suffix)]
    return token


def _stem_ukrainian(token: str) -> str:
    if not _CYRILLIC.search(token):
        return token
    analyzer = _uk_analyzer()
    if analyzer is None:
        return strip_ukrainian_suffix(token)
    word = token
    if not analyzer.word_is_known(word):
        # normalize removed the apostrophe the dictionary spells; try it back in.
        for match in _UK_APOSTROPHE_SPOT.finditer(token):
            candidate = f"{token[: match.end()]}'{token[match.end() :]}"
            if analyzer.word_is_known(candidate):
                word = candidate
                break
    return normalize(analyzer.parse(word)[0].normal_form)


def _stem_turkish(token: str) -> str:
    # One snowball pass leaves singular and plural apart ("göçmen" → "göçme" but "göçmenler"
    # → "göçmen"); stemming until nothing changes brings most inflected forms together.
    stemmer = _snowball("tr")
    for _ in range(4):
        result = stemmer.stemWord(token)
        if result == token:
            break
        token = result
    return token


@functools.lru_cache(maxsize=65536)
def _stem_normalized(token: str, language: str) -> str:
    """Stem an already normalised token; cached because texts repeat their words."""
    if language == "de":
        return _stem_german(token)
    if language == "ar":
        return _stem_arabic(token)
    if language == "uk":
        return _stem_ukrainian(token)
    if language == "tr":
        return _stem_turkish(token).translate(_TURKISH_FOLD)
    if language == "fa":
        return _fold(_snowball("fa").stemWord(token))  # snowball answers in Persian letters
    if language in _SNOWBALL:
        return _snowball(language).stemWord(token)
    return token


def _primary(language: str) -> str:
    """``"de-at"`` / ``"DE"`` → ``"de"``."""
    return language.split("-")[0].split("_")[0].lower()


def stem(token: str, language: str) -> str:
    """Stem (or, for Ukrainian, lemmatise) one word in ``language``.

    ``token`` is normalised first. German and Turkish stems are folded to unaccented
    letters. An unsupported language returns the normalised token unchanged.
    """
    return _stem_normalized(normalize(token), _primary(language))


# --- analyze -------------------------------------------------------------------------------


def _is_stopword(token: str, language: str) -> bool:
    if token in STOPWORDS.get(language, ()):
        return True
    if language == "de":
        return token.translate(_GERMAN_FOLD) in _LOOSE_STOPWORDS["de"]
    if language == "tr":
        return token.translate(_TURKISH_FOLD) in _LOOSE_STOPWORDS["tr"]
    return False


def analyze(text: str, language: str, *, max_tokens: int | None = MAX_QUERY_TOKENS) -> list[str]:
    """Tokenize ``text``, drop the stop words of ``language`` and stem the rest, in order.

    Duplicates are kept. Use the same ``language`` at index and query time.
    """
    language = _primary(language)
    return [
        _stem_normalized(token, language)
        for token in tokenize(text, max_tokens=max_tokens)
        if not _is_stopword(token, language)
    ]


def analyze_to_text(
    text: str, language: str, *, max_tokens: int | None = MAX_DOCUMENT_TOKENS
) -> str:
    """``analyze`` joined by spaces, for storing in an indexed field (document-sized cap)."""
    return " ".join(analyze(text, language, max_tokens=max_tokens))


# --- script detection ----------------------------------------------------------------------

_PERSIAN_LETTERS = frozenset("پچژگکی")
_UKRAINIAN_LETTERS = frozenset("іїєґ")
_RUSSIAN_LETTERS = frozenset("ыэъё")
_TURKISH_LETTERS = frozenset("ışğİŞĞ")
_GERMAN_LETTERS = frozenset("äßÄẞ")


def detect_script_language(token: str) -> str | None:
    """Guess the language of one word from its letters alone, or ``None``.

    Arabic script: "fa" if it has a Persian-only letter, else "ar". Cyrillic: "uk" for
    і ї є ґ, "ru" for ы э ъ ё. Latin: "tr" for ı ş ğ, "de" for ä ß. Works on raw or
    normalised text (normalisation folds Persian ک ی and Russian ё away, so raw is better).
    """
    letters = set(token.casefold()) | set(token)
    if _ARABIC_SCRIPT.search(token):
        return "fa" if letters & _PERSIAN_LETTERS else "ar"
    if letters & _UKRAINIAN_LETTERS:
        return "uk"
    if letters & _RUSSIAN_LETTERS:
        return "ru"
    if letters & _TURKISH_LETTERS:
        return "tr"
    if letters & _GERMAN_LETTERS:
        return "de"
    return None
