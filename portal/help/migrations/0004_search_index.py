"""The search documents table for the database in use, then fill it from existing articles.

PostgreSQL: the unaccent and pg_trgm extensions, the `portal_search` text search configuration
(`simple` + `unaccent`), a table of stored tsvectors with GIN indexes, and a trigram index on
the vocabulary. SQLite: an FTS5 virtual table. See portal/help/search/engines.py.
"""

from django.db import migrations


def create_index(apps, schema_editor):
    from portal.help.search.engines import engine_for
    from portal.help.search.index import rebuild

    engine_for(schema_editor.connection).create(schema_editor.execute)
    rebuild(
        article_model=apps.get_model("help", "Article"),
        term_model=apps.get_model("help", "SearchTerm"),
        connection=schema_editor.connection,
    )


def drop_index(apps, schema_editor):
    from portal.help.search.engines import engine_for

    engine_for(schema_editor.connection).drop(schema_editor.execute)


class Migration(migrations.Migration):
    dependencies = [
        ("help", "0003_synonyms_redirects_vocabulary"),
    ]

    operations = [
        migrations.RunPython(create_index, drop_index, elidable=False),
    ]
