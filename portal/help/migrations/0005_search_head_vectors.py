"""PostgreSQL: title-and-summary vectors beside the article vectors, the cheap first pass of
search (see portal/help/search/engines.py); filled by a rebuild. Nothing to do on SQLite, whose
FTS5 table filters by column already.
"""

from django.db import migrations


def add_head_vectors(apps, schema_editor):
    from portal.help.search.engines import engine_for
    from portal.help.search.index import rebuild_in_migration

    if engine_for(schema_editor.connection).add_head_vectors(schema_editor.execute):
        rebuild_in_migration(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("help", "0004_search_index"),
    ]

    operations = [
        migrations.RunPython(add_head_vectors, migrations.RunPython.noop, elidable=False),
    ]
