# The translation settings move here from the home app without copying data: the table is
# renamed and its content type (with the permissions that point to it) is relabelled.

from django.db import migrations, models


def relabel_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    old = ContentType.objects.filter(app_label="home", model="translationsettings")
    if ContentType.objects.filter(app_label="base", model="translationsettings").exists():
        old.delete()
    else:
        old.update(app_label="base")


def restore_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="base", model="translationsettings").update(
        app_label="home"
    )


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("home", "0002_translationsettings"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="TranslationSettings",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "review_translations",
                            models.BooleanField(
                                default=False,
                                help_text="When on, translators can only save drafts; a coordinator reviews and publishes them.",
                                verbose_name="review translations before publishing",
                            ),
                        ),
                    ],
                    options={"verbose_name": "translation settings"},
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    "ALTER TABLE home_translationsettings RENAME TO base_translationsettings",
                    "ALTER TABLE base_translationsettings RENAME TO home_translationsettings",
                ),
            ],
        ),
        migrations.RunPython(relabel_content_type, restore_content_type),
    ]
