"""Action field pictograms: beside the field's name on listing cards and in the filter panel."""

import importlib
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.templatetags.static import static

from directory.cards import listing_cards_html
from directory.factories import ActionFieldFactory, ServicePageFactory
from directory.models import ActionField
from home import skeleton

ICONS_SVG = Path(settings.BASE_DIR) / "static" / "img" / "icons.svg"
SEED = importlib.import_module("directory.migrations.0002_seed_action_fields")


def symbol_ids() -> set[str]:
    return set(re.findall(r'<symbol id="([^"]+)"', ICONS_SVG.read_text(encoding="utf-8")))


def icon_use(icon: str) -> str:
    return f'<use href="{static("img/icons.svg")}#{icon}">'


def test_every_seeded_action_field_has_an_icon_that_exists_in_the_sprite():
    symbols = symbol_ids()
    seeded = {code: icon for code, _name, icon in SEED.ACTION_FIELDS}
    skeleton_icons = {code: icon for code, icon, _name in skeleton.ACTION_FIELDS}
    assert len(seeded) == 11
    assert skeleton_icons == seeded
    assert set(seeded.values()) <= symbols, set(seeded.values()) - symbols
    assert ActionField.DEFAULT_ICON in symbols


def test_each_seeded_action_field_in_the_database_has_an_existing_icon(db):
    fields = ActionField.objects.filter(locale__language_code="de")
    assert fields.count() >= 11
    missing = {
        field.code: field.pictogram for field in fields if field.pictogram not in symbol_ids()
    }
    assert not missing


def cards_and_filters(html: str) -> tuple[str, str]:
    cards = html[html.index('<ul class="card-list"') :]
    start = html.index('class="filter-form"')
    return cards, html[start : html.index("</form>", start)]


@pytest.mark.django_db
def test_directory_cards_and_filters_show_each_action_fields_icon(
    client, directory_page, organisation
):
    ServicePageFactory(parent=organisation, title="Deutschkurs", action_fields=["sprache"])
    ServicePageFactory(
        parent=organisation,
        title="Jobberatung",
        action_fields=["arbeit-ausbildung", "schule-bildung"],
    )
    response = client.get(directory_page.url)
    assert response.status_code == 200
    cards, filters = cards_and_filters(response.content.decode())

    for code in ("sprache", "arbeit-ausbildung", "schule-bildung"):
        icon = ActionField.objects.get(code=code, locale__language_code="de").icon
        assert icon
        assert cards.count(icon_use(icon)) == 1, code
        option = re.search(
            rf'<input type="checkbox" id="filter-action_field-{code}".*?</label>', filters, re.S
        )
        assert option, code
        assert icon_use(icon) in option.group(0)
        assert 'aria-hidden="true"' in option.group(0)
    # Fields no listing has are not offered, so their icons are not shown either.
    youth = ActionField.objects.get(code="jugend-soziales", locale__language_code="de").icon
    assert icon_use(youth) not in response.content.decode()
    # Target groups and districts have no pictograms.
    assert filters.count(f"{static('img/icons.svg')}#") == 3


@pytest.mark.django_db
def test_an_action_field_without_icon_shows_the_default_pictogram(
    client, directory_page, organisation
):
    ActionFieldFactory(code="neu", name="Neues Feld", icon="")
    ServicePageFactory(parent=organisation, title="Neues Angebot", action_fields=["neu"])
    cards, filters = cards_and_filters(client.get(directory_page.url).content.decode())
    assert icon_use(ActionField.DEFAULT_ICON) in cards
    assert icon_use(ActionField.DEFAULT_ICON) in filters


@pytest.mark.django_db
def test_cached_cards_follow_a_new_icon_sprite_url(rf, directory_page, organisation, settings):
    listing = ServicePageFactory(
        parent=organisation, title="Deutschkurs", action_fields=["sprache"]
    )
    request = rf.get("/")
    cache.clear()
    first = listing_cards_html(request, [listing.id])[0].html
    settings.STATIC_URL = "/static-v2/"
    second = listing_cards_html(request, [listing.id])[0].html
    assert "/static/img/icons.svg#speech" in first
    assert "/static-v2/img/icons.svg#speech" in second
