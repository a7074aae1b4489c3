"""Pure: what a customer typed → the match query both engines understand.

A query is a list of clauses that must all match ("all" mode) or of which one must match
("any" mode). A clause offers alternatives (the words typed, or a synonym's expansion); an
alternative is a run of words that must all appear. The last word typed matches as a prefix, so
"kaj je ima" already finds "IMAP".
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from portal.help.search.text import WORD, words

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
MAX_WORD_LENGTH = 40
MAX_PHRASE_WORDS = 4
MIN_PREFIX = 2


@dataclass(frozen=True)
class Term:
    word: str
    prefix: bool = False


Alternative = tuple[Term, ...]
Clause = tuple[Alternative, ...]


@dataclass(frozen=True)
class MatchQuery:
    clauses: tuple[Clause, ...]
    any_clause: bool = False  # "any" mode: one clause is enough (used for partial matches)

    def relaxed(self) -> "MatchQuery":
        return MatchQuery(self.clauses, any_clause=True)

    @property
    def terms(self) -> list[Term]:
        return [term for clause in self.clauses for alt in clause for term in alt]


def query_words(raw: str) -> tuple[str, ...]:
    """The folded words of a query: at most 12, each at most 40 characters."""
    return tuple(word[:MAX_WORD_LENGTH] for word in words(raw)[:MAX_WORDS])


def phrase_candidates(query: Iterable[str]) -> list[str]:
    """Every run of one to four consecutive words, as the text a synonym phrase is stored under."""
    tokens = list(query)
    return [
        " ".join(tokens[start : start + size])
        for size in range(1, MAX_PHRASE_WORDS + 1)
        for start in range(len(tokens) - size + 1)
    ]


def parse_expansion(text: str) -> tuple[tuple[str, ...], ...]:
    """Staff write alternatives separated by commas: "predal, predala, poštni predal"."""
    alternatives = []
    for part in (text or "").split(","):
        found = tuple(words(part)[:MAX_WORDS])
        if found and found not in alternatives:
            alternatives.append(found)
    return tuple(alternatives)


def build_match(
    query: tuple[str, ...], expansions: Mapping[str, tuple[tuple[str, ...], ...]]
) -> MatchQuery:
    """Clauses for `query`, replacing the longest synonym phrase at each position by its
    alternatives (the phrase itself stays one of them). The last typed word is a prefix."""
    clauses: list[Clause] = []
    position = 0
    while position < len(query):
        for size in range(min(MAX_PHRASE_WORDS, len(query) - position), 0, -1):
            phrase = query[position : position + size]
            if " ".join(phrase) in expansions:
                break
        else:
            size, phrase = 1, query[position : position + 1]
        is_last = position + size == len(query)
        typed = tuple(
            Term(word, prefix=is_last and size == 1 and len(word) >= MIN_PREFIX) for word in phrase
        )
        alternatives = [typed]
        for expansion in expansions.get(" ".join(phrase), ()):
            alternative = tuple(Term(word) for word in expansion)
            if alternative not in alternatives:
                alternatives.append(alternative)
        clauses.append(tuple(alternatives))
        position += size
    return MatchQuery(tuple(clauses))


def _checked(word: str) -> str:
    # Words come from `words()`; this guard keeps query syntax out of the engines for good.
    if not WORD.fullmatch(word):
        raise ValueError(f"not a search word: {word!r}")
    return word


def to_fts5(match: MatchQuery, columns: tuple[str, ...]) -> str:
    """SQLite FTS5 syntax, restricted to `columns`: {a b} : (("x" AND "y"*) OR ("z"))."""

    def term(t: Term) -> str:
        return f'"{_checked(t.word)}"' + ("*" if t.prefix else "")

    def clause(c: Clause) -> str:
        return "(" + " OR ".join("(" + " AND ".join(map(term, alt)) + ")" for alt in c) + ")"

    joined = (" OR " if match.any_clause else " AND ").join(map(clause, match.clauses))
    return "{" + " ".join(columns) + "} : (" + joined + ")"


def to_tsquery(match: MatchQuery) -> str:
    """PostgreSQL `to_tsquery` syntax: (x & y:* | z) & w."""

    def term(t: Term) -> str:
        return _checked(t.word) + (":*" if t.prefix else "")

    def clause(c: Clause) -> str:
        return "(" + " | ".join("(" + " & ".join(map(term, alt)) + ")" for alt in c) + ")"

    return (" | " if match.any_clause else " & ").join(map(clause, match.clauses))


def corrected(query: tuple[str, ...], corrections: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(corrections.get(word, word) for word in query)
