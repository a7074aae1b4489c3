"""The only SQL of search: one class per database vendor, the same methods on both.

Documents are stored per article in a table of their own, `help_article_search`:
- SQLite: an FTS5 virtual table (rowid = article id) with `unicode61 remove_diacritics 2`
  and prefix indexes, one column per field and language; ranked with bm25.
- PostgreSQL: one stored `tsvector` per language with a GIN index, built with the
  `portal_search` configuration (`simple` + `unaccent`; there is no Slovenian stemmer);
  title weighted A, summary B, body C; ranked by cover density (ts_rank_cd, normalised by
  document length), which favours the words typed close together. Spelling help uses pg_trgm.

SQL text here is assembled only from constants and whitelisted column names (hence the S608
noqa marks); every value, including the match query, is passed as a parameter.

Matching ranks a bounded candidate set, so that a search costs about the same with 1,000
articles as with 50,000 (docs/performance-tuning.md). The cheap first pass takes the articles
whose title and summary alone hold every word of the query ("head" matches: the FTS5 column
filter on SQLite, a small title-and-summary vector with a GIN index of its own on PostgreSQL);
only when they do not fill a page does a second pass take any match. Each pass stops after
CANDIDATES published articles in the index's own order, and the engine's rank orders them,
head matches first. A query that matches no more than CANDIDATES articles has every match
ranked.

Neither table has a foreign key to `help_article`, so that Django's `flush` (which does not
know these tables) keeps working; matches are always joined with the published articles, and
deleting an article removes its document (see `portal.help.search.index`).
"""

from collections.abc import Iterable, Sequence

from portal.help.search.query import MatchQuery, to_fts5, to_tsquery
from portal.help.search.text import similarity

LANGUAGES = ("sl", "en")
FIELDS = ("title", "summary", "body")
TABLE = "help_article_search"
MAX_CANDIDATE_WORDS = 5000  # SQLite spelling help: words compared in Python, at most
CANDIDATES = 100  # per pass: the most matches that are ranked (see the module's docstring)
HEAD_FIELDS = ("title", "summary")
LENGTH_WINDOW = 2

Documents = dict[str, tuple[str, str, str]]  # language → (title, summary, body) as index text


def _columns(language: str) -> tuple[str, ...]:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    return tuple(f"{field}_{language}" for field in FIELDS)


class SqliteEngine:
    vendor = "sqlite"
    WEIGHTS = {"title": 10.0, "summary": 4.0, "body": 1.0}

    def create(self, execute) -> None:
        columns = ", ".join(column for language in LANGUAGES for column in _columns(language))
        execute(
            f"CREATE VIRTUAL TABLE {TABLE} USING fts5({columns}, "
            "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
        )

    def add_head_vectors(self, execute) -> bool:
        """Nothing to add: FTS5 filters by column. Returns whether a rebuild is needed."""
        return False

    def add_vocabulary_indexes(self, execute) -> None:
        """Nothing to add: SQLite's spelling help reads the (language, length) index."""

    def drop(self, execute) -> None:
        execute(f"DROP TABLE IF EXISTS {TABLE}")

    def store(self, cursor, documents: dict[int, Documents]) -> None:
        if not documents:
            return
        self.remove(cursor, documents)
        columns = [column for language in LANGUAGES for column in _columns(language)]
        placeholders = ", ".join(["%s"] * (len(columns) + 1))
        cursor.executemany(
            f"INSERT INTO {TABLE} (rowid, {', '.join(columns)}) VALUES ({placeholders})",  # noqa: S608
            [
                (article_id, *(text for language in LANGUAGES for text in docs[language]))
                for article_id, docs in documents.items()
            ],
        )

    def remove(self, cursor, article_ids: Iterable[int]) -> None:
        ids = list(article_ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            cursor.execute(
                f"DELETE FROM {TABLE} WHERE rowid IN ({', '.join(['%s'] * len(chunk))})",  # noqa: S608
                chunk,
            )

    def clear(self, cursor) -> None:
        cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608

    def optimize(self, cursor) -> None:
        """After a rebuild: merge the index's segments into one."""
        cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('optimize')")  # noqa: S608

    def match(
        self, cursor, match: MatchQuery, language: str, published: tuple[str, Sequence], limit: int
    ) -> list[int]:
        """Head matches ranked by bm25 over title and summary, then (only when they do not
        fill the page) other matches ranked by bm25.

        `published` is a subquery with one column, `pk`; it is checked per match through the
        primary key (an `IN` list would read every published article's row first).
        """
        published_sql, published_params = published
        weights = ", ".join(str(self.WEIGHTS[field]) for _language in LANGUAGES for field in FIELDS)
        columns = _columns(language)
        one_pass = (
            f"SELECT rowid AS id, %s AS tier, bm25({TABLE}, {weights}) AS score "  # noqa: S608
            f"FROM {TABLE} WHERE {TABLE} MATCH %s "
            f"AND EXISTS (SELECT 1 FROM ({published_sql}) p WHERE p.pk = {TABLE}.rowid) LIMIT %s"
        )
        whole = (1, to_fts5(match, columns), *published_params, CANDIDATES)
        if match.any_clause:
            # Partial matches: an article with more of the words anywhere beats one with a
            # single word in its title, so there is no head pass.
            sql = f"SELECT * FROM ({one_pass}) ORDER BY score, id LIMIT %s"  # noqa: S608
            cursor.execute(sql, [*whole, limit])
        else:
            head = (0, to_fts5(match, columns[: len(HEAD_FIELDS)]), *published_params, CANDIDATES)
            cursor.execute(
                f"WITH head AS MATERIALIZED ({one_pass}) SELECT * FROM head UNION ALL "  # noqa: S608
                f"SELECT * FROM ({one_pass}) WHERE (SELECT count(*) FROM head) < %s "
                "ORDER BY tier, score, id",
                [*head, *whole, limit],
            )
        return list(dict.fromkeys(row[0] for row in cursor.fetchall()))[:limit]

    def similar_words(self, cursor, words: Sequence[str], language: str) -> dict[str, list]:
        """(known word, similarity, spelling) per word: candidates in SQL, scored in Python
        with pg_trgm's similarity (SQLite has no
        pg_trgm). A candidate has a similar length (±2) and starts with the same letter or
        ends with the same two letters, so a typo at both ends is not corrected; at most
        MAX_CANDIDATE_WORDS are compared."""
        conditions, params = [], [language]
        for word in words:
            conditions.append(
                "(length BETWEEN %s AND %s AND (substr(word, 1, 1) = %s OR substr(word, -2) = %s))"
            )
            params += [len(word) - LENGTH_WINDOW, len(word) + LENGTH_WINDOW, word[:1], word[-2:]]
        cursor.execute(
            "SELECT word, spelling FROM help_searchterm WHERE language = %s "  # noqa: S608
            f"AND ({' OR '.join(conditions)}) LIMIT %s",
            [*params, MAX_CANDIDATE_WORDS],
        )
        known = cursor.fetchall()
        return {
            word: [
                (candidate, similarity(word, candidate), spelling or candidate)
                for candidate, spelling in known
                if abs(len(candidate) - len(word)) <= LENGTH_WINDOW
                and (candidate[:1] == word[:1] or candidate[-2:] == word[-2:])
            ]
            for word in words
        }


class PostgresEngine:
    vendor = "postgresql"
    CONFIG = "portal_search"
    WEIGHTS = {"title": "A", "summary": "B", "body": "C"}
    WORD_TOKENS = "asciiword, word, numword, asciihword, hword, numhword, hword_asciipart, hword_part, hword_numpart"

    def create(self, execute) -> None:
        execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {self.CONFIG}")
        execute(f"CREATE TEXT SEARCH CONFIGURATION {self.CONFIG} (COPY = simple)")
        execute(
            f"ALTER TEXT SEARCH CONFIGURATION {self.CONFIG} "
            f"ALTER MAPPING FOR {self.WORD_TOKENS} WITH unaccent, simple"
        )
        vectors = ", ".join(f"search_{language} tsvector NOT NULL" for language in LANGUAGES)
        execute(f"CREATE TABLE {TABLE} (article_id bigint PRIMARY KEY, {vectors})")
        self.add_head_vectors(execute)
        # Keep the vectors in the table's own pages (compressed) rather than in TOAST: the
        # planner does not count the cost of fetching TOASTed values, and would otherwise
        # scan every row instead of using the GIN index for a selective search.
        execute(
            f"ALTER TABLE {TABLE} "
            + ", ".join(
                f"ALTER COLUMN search_{language} SET STORAGE MAIN" for language in LANGUAGES
            )
        )
        for language in LANGUAGES:
            execute(f"CREATE INDEX {TABLE}_{language} ON {TABLE} USING gin (search_{language})")
        self.add_vocabulary_indexes(execute)

    def add_vocabulary_indexes(self, execute) -> None:
        """A trigram index on the vocabulary per language (partial), for spelling help.

        One index for both languages lost to the (language, length) index: the planner
        counts similarity() as nearly free and read every word of the language (25 ms at
        10,000 articles) instead of the few trigram matches (0.2 ms). Idempotent."""
        execute("DROP INDEX IF EXISTS help_searchterm_word_trgm")
        for language in LANGUAGES:
            execute(
                f"CREATE INDEX IF NOT EXISTS help_searchterm_word_trgm_{language} "
                f"ON help_searchterm USING gin (word gin_trgm_ops) WHERE language = '{language}'"
            )

    def add_head_vectors(self, execute) -> bool:
        """Title and summary alone, per language, with a GIN index: the cheap first pass of
        `match()`. Idempotent, for databases whose table predates these columns; returns
        whether a rebuild is needed to fill them."""
        for language in LANGUAGES:
            execute(
                f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS head_{language} tsvector "
                "NOT NULL DEFAULT ''::tsvector"
            )
            execute(
                f"CREATE INDEX IF NOT EXISTS {TABLE}_head_{language} ON {TABLE} "
                f"USING gin (head_{language})"
            )
        return True

    def drop(self, execute) -> None:
        execute("DROP INDEX IF EXISTS help_searchterm_word_trgm")
        for language in LANGUAGES:
            execute(f"DROP INDEX IF EXISTS help_searchterm_word_trgm_{language}")
        execute(f"DROP TABLE IF EXISTS {TABLE}")
        execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {self.CONFIG}")

    def _vector(self, fields: tuple[str, ...] = FIELDS) -> str:
        return " || ".join(
            f"setweight(to_tsvector('{self.CONFIG}', %s), '{self.WEIGHTS[field]}')"
            for field in fields
        )

    def store(self, cursor, documents: dict[int, Documents]) -> None:
        if not documents:
            return
        head = len(HEAD_FIELDS)
        columns = [f"{kind}_{lang}" for kind in ("search", "head") for lang in LANGUAGES]
        vectors = [f"({self._vector()})" for _language in LANGUAGES]
        vectors += [f"({self._vector(HEAD_FIELDS)})" for _language in LANGUAGES]
        updates = ", ".join(f"{column} = EXCLUDED.{column}" for column in columns)
        cursor.executemany(
            f"INSERT INTO {TABLE} (article_id, {', '.join(columns)}) "  # noqa: S608
            f"VALUES (%s, {', '.join(vectors)}) ON CONFLICT (article_id) DO UPDATE SET {updates}",
            [
                (
                    article_id,
                    *(text for language in LANGUAGES for text in docs[language]),
                    *(text for language in LANGUAGES for text in docs[language][:head]),
                )
                for article_id, docs in documents.items()
            ],
        )

    def remove(self, cursor, article_ids: Iterable[int]) -> None:
        cursor.execute(f"DELETE FROM {TABLE} WHERE article_id = ANY(%s)", [list(article_ids)])  # noqa: S608

    def clear(self, cursor) -> None:
        cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608

    def optimize(self, cursor) -> None:
        """After a rebuild or a bulk index: the GIN indexes' pending lists merged (ANALYZE
        does not, and until autovacuum does, every search reads the whole pending list: at
        10,000 articles a hundred pages for each head vector, and spelling help lost its
        trigram index to a full read of the vocabulary), then fresh planner statistics."""
        cursor.execute(
            "SELECT gin_clean_pending_list(indexrelid) FROM pg_index i JOIN pg_class c "
            "ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam "
            "WHERE am.amname = 'gin' AND i.indrelid IN (%s::regclass, 'help_searchterm'::regclass)",
            [TABLE],
        )
        cursor.execute(f"ANALYZE {TABLE}")
        cursor.execute("ANALYZE help_searchterm")

    def match(
        self, cursor, match: MatchQuery, language: str, published: tuple[str, Sequence], limit: int
    ) -> list[int]:
        """Head matches ranked by cover density over title and summary (the small head
        vector), then, only when they do not fill the page, other matches ranked over the whole
        article. Each pass ranks the rows it reads, at most CANDIDATES, with no second lookup.
        Partial matches ("any" mode) skip the head pass: more words anywhere beat one word in
        the title."""
        _columns(language)  # validates the language: the column names below come from it
        published_sql, published_params = published
        one_pass = (
            "SELECT c.article_id, {tier} AS tier, "  # noqa: S608
            f"ts_rank_cd(c.{{column}}_{language}, q.q, 1) AS score FROM {TABLE} c, q "
            f"WHERE c.{{column}}_{language} @@ q.q {{exclude}}"
            f"AND EXISTS (SELECT 1 FROM ({published_sql}) p WHERE p.pk = c.article_id) LIMIT %s"
        )
        whole = one_pass.format(tier=1, column="search", exclude="")
        prelude = f"WITH q AS MATERIALIZED (SELECT to_tsquery('{self.CONFIG}', %s) AS q)"
        if match.any_clause:
            sql = f"{prelude} SELECT article_id FROM ({whole}) found "  # noqa: S608
            params = [to_tsquery(match), *published_params, CANDIDATES]
        else:
            head = one_pass.format(tier=0, column="head", exclude="")
            rest = one_pass.format(
                tier=1,
                column="search",
                exclude="AND c.article_id NOT IN (SELECT article_id FROM head) ",
            )
            sql = (
                f"{prelude}, head AS MATERIALIZED ({head}) SELECT article_id FROM ("  # noqa: S608
                f"SELECT * FROM head UNION ALL SELECT * FROM ({rest}) rest "
                "WHERE (SELECT count(*) FROM head) < %s) found "
            )
            params = [
                to_tsquery(match),
                *(*published_params, CANDIDATES),
                *(*published_params, CANDIDATES),
                limit,
            ]
        cursor.execute(sql + "ORDER BY tier, score DESC, article_id LIMIT %s", [*params, limit])
        return [row[0] for row in cursor.fetchall()]

    def similar_words(self, cursor, words: Sequence[str], language: str) -> dict[str, list]:
        """pg_trgm: the closest known words (above its similarity threshold), per word, as
        (known word, similarity, spelling)."""
        cursor.execute(
            "SELECT typed.word, known.word, known.score, known.spelling "
            "FROM unnest(%s::text[]) AS typed(word) CROSS JOIN LATERAL ("
            "  SELECT t.word, similarity(t.word, typed.word) AS score, t.spelling"
            "  FROM help_searchterm t"
            "  WHERE t.language = %s AND t.word %% typed.word"
            "  ORDER BY score DESC, t.word LIMIT 5"
            ") AS known",
            [list(words), language],
        )
        found: dict[str, list] = {word: [] for word in words}
        for typed, known, score, spelling in cursor.fetchall():
            found[typed].append((known, score, spelling or known))
        return found


ENGINES = {"sqlite": SqliteEngine(), "postgresql": PostgresEngine()}


def engine_for(connection):
    try:
        return ENGINES[connection.vendor]
    except KeyError:
        raise NotImplementedError(
            f"Help centre search supports SQLite and PostgreSQL, not {connection.vendor}."
        ) from None
