"""The directory's order: in another language than German, the translated listings come first."""

import re

import pytest
from wagtail_localize.models import TranslationSource

from base.i18n import ensure_synced_locale, translate_object
from directory.factories import ServicePageFactory
from directory.models import ListingPage

pytestmark = pytest.mark.django_db

CARD_TITLE = re.compile(r'<h3 class="card-title" lang="([^"]+)"[^>]*><a [^>]*>([^<]+)</a>')


def translate(instance, locale, strings: dict[str, str]) -> None:
    """Translate ``instance`` through the PO path; strings not in ``strings`` stay as they are."""
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    german = set(source.stringsegment_set.values_list("string__data", flat=True))
    translate_object(instance, locale, {text: strings.get(text, text) for text in german}, source)


def card_titles(client, page) -> list[tuple[str, str]]:
    response = client.get(page.url)
    assert response.status_code == 200
    return CARD_TITLE.findall(response.content.decode())


def test_arabic_directory_lists_translated_listings_before_german_ones(
    client, directory_page, organisation
):
    for title in ("Abendkurs Deutsch", "Beratung für Familien", "Zentrum für Migration"):
        ServicePageFactory(parent=organisation, title=title)
    arabic = ensure_synced_locale("ar")
    centre = ListingPage.objects.get(
        title="Zentrum für Migration", locale__language_code="de"
    ).specific
    translate(centre, arabic, {centre.title: "مركز الهجرة"})

    arabic_directory = directory_page.get_translation(arabic)
    assert card_titles(client, arabic_directory) == [
        ("ar", "مركز الهجرة"),
        ("de", "Abendkurs Deutsch"),
        ("de", "Beratung für Familien"),
    ]
    # German has no untranslated listings: plain title order.
    assert [title for _lang, title in card_titles(client, directory_page)] == [
        "Abendkurs Deutsch",
        "Beratung für Familien",
        "Zentrum für Migration",
    ]
