"""Keeps the search documents and the spelling vocabulary in step with the articles.

Receivers in `portal.help.receivers` (connected in `HelpConfig.ready()`) call
`index_articles([article])` after every save and `unindex_articles()` after every delete
(queryset deletes from the admin included). `rebuild()` recreates everything; run it as
`manage.py rebuild_search_index` after `loaddata` (fixtures are not indexed row by row) and
after rows were written with `bulk_create` or `update()`, which send no signals.

The functions accept the models as arguments so that migrations can pass their historical ones.
"""

from collections.abc import Iterable

from django.conf import settings
from django.db import connection as default_connection
from django.db import transaction

from portal.help.models import Article, SearchTerm
from portal.help.search.engines import FIELDS, LANGUAGES, Documents, engine_for
from portal.help.search.text import index_text, plain_text, vocabulary

BATCH = 500
# The article fields search reads: a save that writes none of them leaves the index as it is.
SEARCHED_FIELDS = frozenset(f"{field}_{language}" for field in FIELDS for language in LANGUAGES)


def documents_for(article) -> Documents:
    """Per language: title, summary and body as plain index text. A field missing in English
    falls back to Slovenian, exactly as the English pages show it (`LocalizedMixin`)."""
    documents = {}
    for language in LANGUAGES:
        values = []
        for field in FIELDS:
            value = getattr(article, f"{field}_{language}", "") or getattr(
                article, f"{field}_{settings.LANGUAGE_CODE}", ""
            )
            values.append(index_text(plain_text(value) if field == "body" else value))
        documents[language] = tuple(values)
    return documents


def _store_vocabulary(term_model, documents: Iterable[Documents], using: str) -> None:
    """Add the documents' words. A spelling with diacritics replaces a stored one without
    (two statements: plain words only where the word is new, spelled words always)."""
    spellings: dict[tuple[str, str], str] = {}
    for docs in documents:
        for language in LANGUAGES:
            for word, spelling in vocabulary(docs[language]).items():
                if spellings.get((language, word), word) == word:
                    spellings[language, word] = spelling
    rows = [
        term_model(language=language, word=word, spelling=spelling, length=len(word))
        for (language, word), spelling in sorted(spellings.items())
    ]
    manager = term_model.objects.using(using)
    manager.bulk_create(
        [row for row in rows if row.spelling == row.word], ignore_conflicts=True, batch_size=BATCH
    )
    manager.bulk_create(
        [row for row in rows if row.spelling != row.word],
        update_conflicts=True,
        unique_fields=["language", "word"],
        update_fields=["spelling"],
        batch_size=BATCH,
    )


def index_articles(articles: Iterable, *, term_model=SearchTerm, connection=None) -> None:
    connection = connection or default_connection
    documents = {article.pk: documents_for(article) for article in articles}
    # One transaction: SQLite would otherwise commit (and sync to disk) every row.
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        engine_for(connection).store(cursor, documents)
        _store_vocabulary(term_model, documents.values(), connection.alias)


def unindex_articles(article_ids: Iterable[int], *, connection=None) -> None:
    connection = connection or default_connection
    ids = list(article_ids)
    if ids:
        with connection.cursor() as cursor:
            engine_for(connection).remove(cursor, ids)


def rebuild(*, article_model=Article, term_model=SearchTerm, connection=None) -> int:
    """Index every article again from scratch; returns how many were indexed."""
    connection = connection or default_connection
    fields = ["pk"] + [f"{field}_{lang}" for field in FIELDS for lang in LANGUAGES]
    articles = article_model.objects.using(connection.alias).only(*fields).order_by("pk")
    with transaction.atomic(using=connection.alias):
        with connection.cursor() as cursor:
            engine_for(connection).clear(cursor)
        term_model.objects.using(connection.alias).all().delete()
        batch, count = [], 0
        for article in articles.iterator(BATCH):
            batch.append(article)
            if len(batch) == BATCH:
                index_articles(batch, term_model=term_model, connection=connection)
                count, batch = count + len(batch), []
        index_articles(batch, term_model=term_model, connection=connection)
    with connection.cursor() as cursor:
        engine_for(connection).optimize(cursor)
    return count + len(batch)


def rebuild_in_migration(apps, schema_editor) -> int:
    """`rebuild()` with a migration's historical models and connection."""
    return rebuild(
        article_model=apps.get_model("help", "Article"),
        term_model=apps.get_model("help", "SearchTerm"),
        connection=schema_editor.connection,
    )
