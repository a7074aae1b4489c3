"""Help centre search: one interface, two engines (SQLite FTS5 and PostgreSQL full-text).

- `text` and `query` are pure: folding (lower case, no diacritics), words, trigram similarity,
  synonym expansion, the match query and its FTS5 / tsquery forms, highlighted snippets.
- `engines` holds the only SQL: storing documents and matching them, per database vendor.
- `index` keeps the engine's documents and the spelling vocabulary in step with articles.
- `service` is what the search page calls.
"""
