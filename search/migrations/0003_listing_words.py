"""Words per listing page, so that the public vocabulary holds only words of public pages.

The vocabulary built before may hold words of drafts and private pages: it is emptied here
and ``manage.py update_index`` (``make reindex``) fills both tables again.
"""

import django.db.models.deletion
from django.db import migrations, models


def forget_unchecked_vocabulary(apps, schema_editor):
    apps.get_model("wegweiser_search", "SearchWord").objects.all().delete()


class Migration(migrations.Migration):

    dependencies = [
        ('directory', '0003_last_reviewed_set_by_the_site'),
        ('wagtailcore', '0098_apitoken'),
        ('wegweiser_search', '0002_seed_synonyms'),
    ]

    operations = [
        migrations.CreateModel(
            name='ListingWord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('word', models.CharField(max_length=64)),
                ('stem', models.CharField(max_length=64)),
                ('locale', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.locale')),
                ('page', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='search_words', to='directory.listingpage')),
            ],
            options={
                'verbose_name': 'listing word',
                'verbose_name_plural': 'listing words',
                'indexes': [models.Index(fields=['locale', 'word'], name='search_listing_word_lookup')],
            },
        ),
        migrations.RunPython(forget_unchecked_vocabulary, migrations.RunPython.noop),
    ]
