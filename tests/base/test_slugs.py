"""Slugs of translated pages: the page's language in Latin letters."""

import pytest

from base.slugs import MAX_SLUG_LENGTH, localized_slug, transliterate


@pytest.mark.parametrize(
    ("title", "language", "slug"),
    [
        ("Services", "en", "services"),
        ("Hizmetler", "tr", "hizmetler"),
        ("İltica süreci danışmanlığı", "tr", "iltica-sureci-danismanligi"),
        ("Услуги", "ru", "uslugi"),
        ("Защита данных", "ru", "zashchita-dannykh"),
        ("Молодёжная миграционная служба (JMD)", "ru", "molodyozhnaya-migratsionnaya-sluzhba-jmd"),
        ("Послуги", "uk", "posluhy"),
        ("Інтеграційний курс для молоді", "uk", "intehratsiynyy-kurs-dlya-molodi"),
        ("الخدمات", "ar", "al-khdmat"),
        ("دورة الاندماج للشباب", "ar", "dwra-al-andmaj-llshbab"),
        ("خدمات", "fa", "khdmat"),
        ("کلاس‌های ادغام", "fa", "klashai-adgham"),
    ],
)
def test_a_title_becomes_a_latin_slug_in_its_language(title, language, slug):
    assert localized_slug(title, language) == slug


def test_each_language_has_its_own_romanisation():
    assert transliterate("Гриль", "ru") == "Gril"
    assert transliterate("Гриль", "uk") == "Hryl"
    assert transliterate("و", "ar") == "w" and transliterate("و", "fa") == "v"


def test_a_long_title_is_cut_at_a_word_and_nothing_left_falls_back():
    slug = localized_slug("Beratung " * 20, "de")
    assert len(slug) <= MAX_SLUG_LENGTH and slug.endswith("beratung")
    assert localized_slug("!!!", "ar", fallback="angebote") == "angebote"
