"""Searches without results get their language (existing rows: Slovenian, the site's default)
and are unique per query and language; the spelling vocabulary keeps each word as articles spell
it, so that "did you mean" shows č, š and ž. A rebuild fills the spellings. PostgreSQL: the
vocabulary's trigram index becomes one partial index per language (see `add_vocabulary_indexes`).
"""

from django.db import migrations, models


def fill_spellings(apps, schema_editor):
    from portal.help.search.engines import engine_for
    from portal.help.search.index import rebuild_in_migration

    engine_for(schema_editor.connection).add_vocabulary_indexes(schema_editor.execute)
    rebuild_in_migration(apps, schema_editor)


class Migration(migrations.Migration):

    dependencies = [
        ('help', '0005_search_head_vectors'),
    ]

    operations = [
        migrations.AddField(
            model_name='searchmiss',
            name='language',
            field=models.CharField(choices=[('sl', 'Slovenian'), ('en', 'English')], default='sl', max_length=8, verbose_name='language'),
        ),
        migrations.AddField(
            model_name='searchterm',
            name='spelling',
            field=models.CharField(blank=True, default='', max_length=60),
        ),
        migrations.AlterField(
            model_name='searchmiss',
            name='query',
            field=models.CharField(max_length=200, verbose_name='search'),
        ),
        migrations.AddIndex(
            model_name='searchmiss',
            index=models.Index(fields=['count', 'last_seen'], name='help_searchmiss_worth'),
        ),
        migrations.AddConstraint(
            model_name='searchmiss',
            constraint=models.UniqueConstraint(fields=('query', 'language'), name='help_searchmiss_unique'),
        ),
        migrations.RunPython(fill_spellings, migrations.RunPython.noop, elidable=False),
    ]
