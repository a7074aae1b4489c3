"""Pure: what a customer typed → the match query both engines understand.

A query is a list of clauses that must all match ("all" mode) or of which one must match
("any" mode). A clause offers alternatives (the words typed, or a synonym's expansion); an
alternative is a run of terms that must all appear. The last word typed matches as a prefix, so
"imap nastav" already finds "nastavitve"; codes ("550", "5.7.1", "0x800ccc0f") always match
exactly, a dotted code as the run of its numbers.

Any length is accepted. The search reads the first MAX_QUERY_LENGTH characters, drops stop
words of both languages and keeps at most MAX_TERMS telling words: codes first, then the longest
words, in the order typed. When that leaves words out the page says the search was shortened.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from portal.help.search.stopwords import STOP_WORDS
from portal.help.search.text import WORD, is_code, tokens, words

MAX_QUERY_LENGTH = 500  # characters read, and the search box's maxlength (URLs stay under 4 KB)
MAX_TYPED_WORDS = 60  # words of those characters looked at (synonym phrases, corrections)
MAX_TERMS = 8  # telling words searched for
MAX_WORDS = 12  # words of a synonym's expansion
MAX_WORD_LENGTH = 40
MAX_PHRASE_WORDS = 4
MIN_PREFIX = 2


@dataclass(frozen=True)
class Term:
    word: str
    prefix: bool = False

    @property
    def parts(self) -> tuple[str, ...]:
        """The indexed words of the term: "5.7.1" is indexed as the run 5, 7, 1."""
        return tuple(self.word.split("."))


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


@dataclass(frozen=True)
class ParsedQuery:
    """What was typed, read once: every word (folded, and as spelled) and the telling ones."""

    words: tuple[str, ...]  # folded, stop words included (synonym phrases contain them)
    spelled: tuple[str, ...]  # the same words as typed, in lower case
    terms: tuple[str, ...]  # the telling words searched for, in the order typed
    shortened: bool = False  # words were left out (beyond MAX_TERMS or MAX_QUERY_LENGTH)

    @property
    def terms_as_typed(self) -> str:
        """The telling words as they were first typed: "certificate vasadomena 0x800ccc0f"."""
        spelled: dict[str, str] = {}
        for word, as_typed in zip(self.words, self.spelled, strict=True):
            spelled.setdefault(word, as_typed)
        return " ".join(spelled.get(term, term) for term in self.terms)

    @property
    def normalised(self) -> str:
        """How a search without results is counted: folded telling words, single spaces."""
        return " ".join(self.terms)[:MAX_QUERY_LENGTH]


def telling_words(folded: Iterable[str]) -> tuple[tuple[str, ...], bool]:
    """At most MAX_TERMS distinct words that are not stop words (all words when every one is a
    stop word), preferring codes and then long words; in the order typed. Also returns whether
    any telling word was left out."""
    distinct = list(dict.fromkeys(folded))
    telling = [word for word in distinct if word not in STOP_WORDS] or distinct
    if len(telling) <= MAX_TERMS:
        return tuple(telling), False
    by_worth = sorted(
        range(len(telling)),
        key=lambda i: (not is_code(telling[i]), -len(telling[i]), i),
    )
    kept = sorted(by_worth[:MAX_TERMS])
    return tuple(telling[i] for i in kept), True


def parse_query(raw: str) -> ParsedQuery:
    text = (raw or "").strip()
    cut = len(text) > MAX_QUERY_LENGTH
    found = tokens(text[:MAX_QUERY_LENGTH])
    if cut and found and text[MAX_QUERY_LENGTH - 1 : MAX_QUERY_LENGTH + 1].isalnum():
        found.pop()  # the last word was cut in half
    cut = cut or len(found) > MAX_TYPED_WORDS
    found = [(folded[:MAX_WORD_LENGTH], spelled) for folded, spelled in found[:MAX_TYPED_WORDS]]
    folded = tuple(word for word, _spelled in found)
    terms, left_out = telling_words(folded)
    return ParsedQuery(
        words=folded,
        spelled=tuple(spelled for _word, spelled in found),
        terms=terms,
        shortened=cut or left_out,
    )


def query_words(raw: str) -> tuple[str, ...]:
    """The folded words of `raw`, stop words included and codes whole, as synonym phrases are
    stored and looked up: "Geslo NE dela" → ("geslo", "ne", "dela")."""
    return parse_query(raw).words


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
    query: tuple[str, ...],
    expansions: Mapping[str, tuple[tuple[str, ...], ...]],
    telling: Iterable[str] | None = None,
) -> MatchQuery:
    """Clauses for the words of `query`, replacing the longest synonym phrase at each position
    by its alternatives (the phrase's telling words stay one of them). Only `telling` words
    (all of `query` when None) become clauses of their own, each once. The last typed word is a
    prefix when it is a telling word and not a code."""
    keep = set(query if telling is None else telling)
    clauses: list[Clause] = []
    position = 0
    while position < len(query):
        for size in range(min(MAX_PHRASE_WORDS, len(query) - position), 0, -1):
            phrase = query[position : position + size]
            if " ".join(phrase) in expansions:
                break
        else:
            size, phrase = 1, query[position : position + 1]
        position += size
        is_last = position == len(query)
        typed = tuple(
            Term(
                word, prefix=is_last and size == 1 and len(word) >= MIN_PREFIX and not is_code(word)
            )
            for word in phrase
            if word in keep
        )
        alternatives = [typed] if typed else []
        for expansion in expansions.get(" ".join(phrase), ()):
            alternative = tuple(Term(word) for word in expansion)
            if alternative not in alternatives:
                alternatives.append(alternative)
        clause = tuple(alternatives)
        if clause and clause not in clauses:
            clauses.append(clause)
    return MatchQuery(tuple(clauses))


def _checked(word: str) -> str:
    # Words come from `words()`; this guard keeps query syntax out of the engines for good.
    if not WORD.fullmatch(word):
        raise ValueError(f"not a search word: {word!r}")
    return word


def to_fts5(match: MatchQuery, columns: tuple[str, ...]) -> str:
    """SQLite FTS5 syntax, restricted to `columns`: {a b} : (("x" AND "y"*) OR ("z"))."""

    def term(t: Term) -> str:
        # A quoted run of words is an FTS5 phrase: the words next to each other, in order.
        return '"' + " ".join(map(_checked, t.parts)) + '"' + ("*" if t.prefix else "")

    def clause(c: Clause) -> str:
        return "(" + " OR ".join("(" + " AND ".join(map(term, alt)) + ")" for alt in c) + ")"

    joined = (" OR " if match.any_clause else " AND ").join(map(clause, match.clauses))
    return "{" + " ".join(columns) + "} : (" + joined + ")"


def to_tsquery(match: MatchQuery) -> str:
    """PostgreSQL `to_tsquery` syntax: (x & y:* | z) & w."""

    def term(t: Term) -> str:
        # `<->`: followed by (a dotted code is the run of its numbers).
        return " <-> ".join(map(_checked, t.parts)) + (":*" if t.prefix else "")

    def clause(c: Clause) -> str:
        return "(" + " | ".join("(" + " & ".join(map(term, alt)) + ")" for alt in c) + ")"

    return (" | " if match.any_clause else " & ").join(map(clause, match.clauses))


def corrected(query: tuple[str, ...], corrections: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(corrections.get(word, word) for word in query)
