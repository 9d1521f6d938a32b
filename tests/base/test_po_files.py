"""Every shipped interface language is complete: no empty or fuzzy entry, placeholders intact."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

SHIPPED = ("de", "en", "ar", "fa", "uk", "ru", "tr")
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{\{ ?\w+ ?\}\}|\{\w*\}")
LOCALE_DIR = Path(settings.BASE_DIR) / "locale"


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


@pytest.mark.parametrize("code", SHIPPED)
def test_shipped_language_has_every_interface_string_translated(code):
    catalogue = polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))
    assert len(catalogue) > 100
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"{code}: untranslated {untranslated[:5]}"
    assert not fuzzy, f"{code}: fuzzy {fuzzy[:5]}"


@pytest.mark.parametrize("code", SHIPPED)
def test_translations_keep_the_placeholders_of_their_source(code):
    catalogue = polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))
    broken = []
    for entry in catalogue.translated_entries():
        if entry.msgid_plural:
            expected = set(placeholders(entry.msgid_plural))
            forms = entry.msgstr_plural.values()
            # A singular form may spell "one" out instead of using the counter.
            if any(set(placeholders(form)) - expected for form in forms):
                broken.append(entry.msgid)
        elif placeholders(entry.msgid) != placeholders(entry.msgstr):
            broken.append(entry.msgid)
    assert not broken, f"{code}: {broken[:5]}"


@pytest.mark.parametrize("code", SHIPPED)
def test_catalogue_covers_every_string_of_the_code(code):
    """The .po files are regenerated (``make messages``) whenever the code gains strings."""
    assert msgids("de") == msgids(code)


def msgids(code):
    return {
        entry.msgid for entry in polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))
    }
