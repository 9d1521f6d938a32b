"""Seed the synonym groups named in issue 4 and a few per language; editors keep them."""

from django.db import migrations

SYNONYMS = {
    "de": [
        "Deutschkurs, Sprachkurs, Integrationskurs",
        "Dolmetscher, Dolmetscherin, Sprachmittler, Sprachmittlerin, Übersetzer",
        "Bürgergeld, Jobcenter",
        "Wohnung, Wohnen, Mietwohnung",
        "Arbeit, Job, Beschäftigung",
        "Kita, Kindergarten, Kindertagesstätte",
    ],
    "en": [
        "interpreter, translator",
        "flat, apartment, housing",
        "job, work, employment",
    ],
    "ar": ["مترجم, ترجمان", "سكن, شقة", "عمل, وظيفة"],
    "fa": ["مترجم, ترجمان", "مسکن, خانه, آپارتمان", "کار, شغل"],
    "uk": ["перекладач, тлумач", "житло, квартира", "робота, працевлаштування"],
    "ru": ["переводчик, толмач", "жильё, квартира", "работа, трудоустройство"],
    "tr": ["tercüman, çevirmen", "konut, ev, daire", "iş, istihdam"],
}


def seed(apps, schema_editor):
    Synonym = apps.get_model("wegweiser_search", "Synonym")
    for language, groups in SYNONYMS.items():
        for terms in groups:
            Synonym.objects.get_or_create(language=language, terms=terms)


def unseed(apps, schema_editor):
    Synonym = apps.get_model("wegweiser_search", "Synonym")
    for language, groups in SYNONYMS.items():
        Synonym.objects.filter(language=language, terms__in=groups).delete()


class Migration(migrations.Migration):
    dependencies = [("wegweiser_search", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
