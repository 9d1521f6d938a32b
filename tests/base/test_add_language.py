"""``manage.py add_language ti`` brings Tigrinya online with German content as the fallback."""

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Locale

from directory.factories import ServicePageFactory


@pytest.fixture
def language_files(tmp_path):
    """A copy of the project's locale folder, so the test leaves the repository untouched."""
    locale_dir = tmp_path / "locale"
    shutil.copytree(Path(settings.BASE_DIR) / "locale", locale_dir)
    registry = locale_dir / "languages.json"
    registry.unlink(missing_ok=True)
    with override_settings(
        LOCALE_PATHS=[locale_dir],
        EXTRA_LANGUAGES_FILE=registry,
        LANGUAGES=list(settings.LANGUAGES),
        WAGTAIL_CONTENT_LANGUAGES=list(settings.WAGTAIL_CONTENT_LANGUAGES),
        LANGUAGES_BIDI=list(settings.LANGUAGES_BIDI),
    ):
        yield locale_dir
    from base.languages import clear_language_caches

    clear_language_caches()


def test_add_language_puts_tigrinya_online_with_german_fallback(
    client, organisation, language_files
):
    listing = ServicePageFactory(parent=organisation, title="Migrationsberatung")
    out = StringIO()
    call_command("add_language", "ti", stdout=out)

    registry = json.loads((language_files / "languages.json").read_text(encoding="utf-8"))
    assert registry["ti"]["name_local"] == "ትግርኛ"
    po_file = language_files / "ti" / "LC_MESSAGES" / "django.po"
    assert po_file.exists()
    assert "Plural-Forms: nplurals=2; plural=(n > 1);" in po_file.read_text(encoding="utf-8")

    tigrinya = Locale.objects.get(language_code="ti")
    copy = listing.get_translation(tigrinya)
    assert copy.alias_of_id == listing.id

    home = client.get("/ti/")
    assert home.status_code == 200
    assert '<html lang="ti" dir="ltr">' in home.content.decode()
    page = client.get(copy.url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Migrationsberatung" in html
    assert 'data-translation="missing"' in html


def test_add_language_refuses_a_malformed_code_and_changes_nothing(language_files):
    with pytest.raises(CommandError, match="not a language code"):
        call_command("add_language", "../../etc")
    assert not (language_files / "languages.json").exists()


def test_add_language_asks_for_names_of_an_unknown_language(db, language_files):
    with pytest.raises(CommandError, match="--name"):
        call_command("add_language", "xyz")
    assert not Locale.objects.filter(language_code="xyz").exists()


def test_add_language_accepts_names_for_an_unknown_right_to_left_language(
    client, home_page, language_files
):
    call_command(
        "add_language",
        "bal",
        "--name",
        "Balochi",
        "--name-local",
        "بلوچی",
        "--rtl",
        stdout=StringIO(),
    )
    response = client.get("/bal/")
    assert response.status_code == 200
    assert '<html lang="bal" dir="rtl">' in response.content.decode()
