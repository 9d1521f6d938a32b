"""Seed the network's eleven action fields with their stable codes (German is the source)."""

import uuid

from django.db import migrations

ACTION_FIELDS = [
    ("sprache", "Sprache", "speech"),
    ("arbeit-ausbildung", "Arbeit und Ausbildung", "work"),
    ("jugend-soziales", "Jugend und Soziales", "youth"),
    ("kultur-religion", "Kultur und Religion", "culture"),
    ("frauen-maedchen",
     "Gleichberechtigung von Frauen und Mädchen mit Migrationshintergrund", "equality"),
    ("wohnen-nachbarschaft", "Wohnen / Interkulturelle Konflikte in der Nachbarschaft", "home"),
    ("schule-bildung", "Schule und Bildung", "school"),
    ("interkulturelle-arbeit", "Interkulturelle Arbeit", "handshake"),
    ("soziale-integration-partizipation", "Soziale Integration und Partizipation", "people"),
    ("politische-partizipation", "Politische Partizipation", "vote"),
    ("oeffnung-regelangebote", "Soziale Integration sowie Öffnung der Regelangebote", "door"),
]


def seed(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    ActionField = apps.get_model("directory", "ActionField")
    locale, _ = Locale.objects.get_or_create(language_code="de")
    for order, (code, name, icon) in enumerate(ACTION_FIELDS, start=1):
        if not ActionField.objects.filter(code=code, locale=locale).exists():
            ActionField.objects.create(
                code=code, name=name, icon=icon, sort_order=order, locale=locale,
                translation_key=uuid.uuid5(uuid.NAMESPACE_URL, f"wegweiser:action-field:{code}"),
            )


def unseed(apps, schema_editor):
    ActionField = apps.get_model("directory", "ActionField")
    ActionField.objects.filter(code__in=[code for code, _, _ in ACTION_FIELDS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0001_initial"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
