# The model now lives in the base app (its migration 0001 renamed the table); only the
# migration state forgets it here.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("base", "0001_initial"),
        ("home", "0002_translationsettings"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="TranslationSettings")],
            database_operations=[],
        ),
    ]
