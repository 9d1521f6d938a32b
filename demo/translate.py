"""Translate parts of the demo content the way a translator would, through wagtail-localize.

Each translation file maps a German source string (a wagtail-localize segment, exactly as
the translation editor and its PO download show it) to its translation. The strings go
through the same path as an uploaded PO file, so the translation editor, the status report
and "outdated" detection treat them like a translator's work.
"""

import json
from pathlib import Path

from django.conf import settings
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from base.i18n import ensure_synced_locale, translate_object
from base.languages import SOURCE_LANGUAGE
from directory.models import ActionField, District, ListingPage, TargetGroup, WorkingGroup
from home import skeleton
from home.models import ContentPage, HomePage

TRANSLATIONS_DIR = Path(__file__).parent / "translations"
TAXONOMY_MODELS = (ActionField, TargetGroup, WorkingGroup, District)
# Listings translated in the demo (by slug); everything else shows the German text.
TRANSLATED_LISTINGS = [
    "integrationskurse",
    "migrationsberatung-erwachsene",
    "jugendmigrationsdienst",
    "asylverfahrensberatung",
    "anerkennungsberatung",
    "psychosoziale-beratung",
    "mieterberatung",
    "nachbarschaftsmediation",
    "frauencafe-salam",
    "sprachcafe-sudenburg",
    "aufenthaltstitel",
    "beratung-buergergeld",
    "jugendintegrationskurs",
    "schulstart-paten",
    "starke-maedchen",
    "hausaufgabenhilfe",
    "ehrenamtskoordination",
    "lotsen-aemter",
    "kulturabende",
    "wohnraumhilfe-gefluechtete",
]


def objects_to_translate():
    """The German objects the demo ships translations for, taxonomies first."""
    german = Locale.objects.get(language_code=SOURCE_LANGUAGE)
    objects = []
    for model in TAXONOMY_MODELS:
        objects += list(model.objects.filter(locale=german).order_by("sort_order", "code"))
    home = HomePage.objects.filter(locale=german).first()
    if home is None:
        return objects
    objects.append(home)
    objects += [page.specific for page in ContentPage.objects.filter(locale=german)]
    listings = ListingPage.objects.filter(locale=german, slug__in=TRANSLATED_LISTINGS).live()
    objects += [page.specific for page in listings.order_by("path")]
    return objects


def load_catalogue(language_code: str) -> dict[str, str]:
    path = TRANSLATIONS_DIR / f"{language_code}.json"
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def translate_demo(languages=None) -> dict[str, int]:
    """Sync every locale from German, translate the site's skeleton from the interface
    catalogues, then apply the shipped translations; {lang: objects}."""
    site = skeleton.find_german()
    if site is not None:
        skeleton.translate(site, skeleton.Report(), languages)
    done = {}
    sources = None
    for code in settings.WAGTAIL_CONTENT_LANGUAGE_CODES:
        locale = ensure_synced_locale(code)
        if code == SOURCE_LANGUAGE or (languages and code not in languages):
            continue
        catalogue = load_catalogue(code)
        if not catalogue:
            continue
        if sources is None:
            # The German objects do not change while they are translated: their sources
            # (segments extracted from the whole object) serve every language.
            sources = [
                (instance, TranslationSource.update_or_create_from_instance(instance)[0])
                for instance in objects_to_translate()
            ]
        done[code] = sum(
            translate_object(instance, locale, catalogue, source, tool_name="Wegweiser demo")
            for instance, source in sources
        )
    return done


def missing_strings(language_code: str) -> list[str]:
    """Source strings of the demo objects that the language's file does not translate yet."""
    catalogue = load_catalogue(language_code)
    seen, missing = set(), []
    for instance in objects_to_translate():
        source, _created = TranslationSource.update_or_create_from_instance(instance)
        for segment in source.stringsegment_set.select_related("string").order_by("order"):
            text = segment.string.data
            if text not in catalogue and text not in seen:
                seen.add(text)
                missing.append(text)
    return missing
