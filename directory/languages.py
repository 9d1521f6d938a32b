"""Languages that staff can speak, by ISO 639 code, with their names in their own script.

Django's ``LANG_INFO`` lacks several languages common among refugees in Germany
(Tigrinya, Kurmanji, Dari, Pashto, Somali, ...), so the project keeps its own table.
"""

from django.utils.translation import gettext_lazy as _

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
