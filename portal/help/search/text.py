"""Pure text helpers for search: no database, no Django models.

Both engines see the same words: `index_text()` turns text into space-separated words before it
is indexed, and `words()` does the same to what the customer typed, so "imap.example.si" and
"IMAP/SMTP" both contain the word "imap", and "poštni" is found by "postni".
"""

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WORD = re.compile(r"[^\W_]+")
# A search token: a dotted code such as "5.7.1" (kept whole) or a word.
TOKEN = re.compile(r"\d+(?:\.\d+)+|[^\W_]+")
# Error and status codes: numbers, dotted codes, hexadecimal codes ("550", "5.7.1", "0x800ccc0f").
CODE = re.compile(r"\d+(?:\.\d+)*|0x[0-9a-f]+")
NOT_WORD = re.compile(r"[\W_]+")
# Letters that Unicode does not decompose into a base letter and an accent.
EXTRA_FOLDS = str.maketrans({"đ": "d", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss"})
_EXTRA_LETTERS = re.compile("[đłøæœß]")

MIN_VOCABULARY_WORD = 3
MAX_VOCABULARY_WORD = 40

# Markdown punctuation that is layout, not text: headings, emphasis, code, tables, quotes.
_MACRO_LINE = re.compile(r"^[ \t]*\[\[[^\]\n]*\]\][ \t]*$", re.MULTILINE)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_LAYOUT = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+\.[ \t]+)", re.MULTILINE)
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t:|-]+\|[ \t:|-]*$", re.MULTILINE)
_EMPHASIS = re.compile(r"[*`|]+|(?<!\w)_+|_+(?!\w)")
_SPACES = re.compile(r"\s+")


# Unicode's combining diacritical marks (the blocks NFKD moves accents into).
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Lower case without diacritics: "Poštni STREŽNIK" → "postni streznik"."""
    if text.isascii():
        return text.lower()
    lower = text.casefold()
    if _EXTRA_LETTERS.search(lower):  # str.translate is slow on long text: only when needed
        lower = lower.translate(EXTRA_FOLDS)
    return _COMBINING.sub("", unicodedata.normalize("NFKD", lower))


def words(text: str) -> list[str]:
    """The folded words of `text`, in order; punctuation and symbols separate words."""
    return WORD.findall(fold(text))


def tokens(text: str) -> list[tuple[str, str]]:
    """Search tokens of `text` in order, each as (folded, spelled in lower case): dotted codes
    stay one token ("5.7.1"), every other word is split as `words()` splits it."""
    found = []
    for spelled in TOKEN.findall(unicodedata.normalize("NFC", text)):
        for folded in TOKEN.findall(fold(spelled)):
            found.append((folded, spelled.lower()))
    return found


def is_code(token: str) -> bool:
    """An error or status code, matched exactly (never as a prefix)."""
    return CODE.fullmatch(token) is not None


def contains_run(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    """Whether `needle` occurs in `haystack` as consecutive items."""
    size = len(needle)
    return size > 0 and any(
        haystack[start : start + size] == needle for start in range(len(haystack) - size + 1)
    )


def index_text(text: str) -> str:
    """`text` with everything that is not a letter or digit replaced by a space.

    PostgreSQL's parser would otherwise keep "imap.example.si" or "IMAP/SMTP" as one token.
    """
    return NOT_WORD.sub(" ", text).strip()


def plain_text(markdown: str) -> str:
    """Readable text from staff Markdown: no macro lines, link targets or layout characters."""
    text = _MACRO_LINE.sub(" ", markdown or "")
    text = _LINK.sub(r"\1", text)
    text = _TABLE_RULE.sub(" ", text)
    text = _LAYOUT.sub("", text)
    text = _EMPHASIS.sub("", text)
    return _SPACES.sub(" ", text).strip()


def vocabulary(texts: Iterable[str]) -> dict[str, str]:
    """Words worth offering as spelling corrections (3 to 40 characters, not only digits),
    folded → as the articles spell them in lower case ("posiljati" → "pošiljati"). A spelling
    with diacritics wins over one without, so a correction shows its č, š and ž."""
    found: dict[str, str] = {}
    for text in texts:
        for spelled in WORD.findall(unicodedata.normalize("NFC", text)):
            for word in WORD.findall(fold(spelled)):
                if not MIN_VOCABULARY_WORD <= len(word) <= MAX_VOCABULARY_WORD or word.isdigit():
                    continue
                spelling = spelled.lower() if fold(spelled) == word else word
                if found.get(word, word) == word:
                    found[word] = spelling
    return found


def trigrams(word: str) -> set[str]:
    """The trigrams PostgreSQL's pg_trgm extracts from one word (two spaces before, one after)."""
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a: str, b: str) -> float:
    """pg_trgm's `similarity()`: shared trigrams divided by all distinct trigrams."""
    first, second = trigrams(a), trigrams(b)
    union = len(first | second)
    return len(first & second) / union if union else 0.0


SIMILARITY_THRESHOLD = 0.3  # pg_trgm's default `pg_trgm.similarity_threshold`
MIN_CORRECTABLE_WORD = 4


def best_correction(word: str, candidates: Iterable[tuple]) -> str | None:
    """The most similar known word for a misspelt `word`, or None.

    `candidates` are (known word, similarity, …) tuples. A word that is itself known is never
    corrected; short words and numbers are left alone.
    """
    if len(word) < MIN_CORRECTABLE_WORD or is_code(word):
        return None
    best = None
    for candidate, score, *_rest in candidates:
        if candidate == word:
            return None
        if score < SIMILARITY_THRESHOLD:
            continue
        key = (-score, abs(len(candidate) - len(word)), candidate)
        if best is None or key < best[0]:
            best = (key, candidate)
    return best[1] if best else None


# --- Highlighted snippets ---------------------------------------------------------------------

SNIPPET_WORDS_BEFORE = 8
SNIPPET_WORDS = 32


@dataclass(frozen=True)
class Matcher:
    """Decides whether one word of an article matches the search (exactly or as a prefix)."""

    exact: frozenset[str]
    prefixes: frozenset[str] = frozenset()
    # Words already decided: an article repeats its words, and folding is the costly part.
    _decided: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    def __call__(self, word: str) -> bool:
        decided = self._decided.get(word)
        if decided is None:
            folded = fold(word)
            decided = folded in self.exact or folded.startswith(tuple(self.prefixes))
            self._decided[word] = decided
        return decided

    @cached_property
    def _first_pattern(self) -> re.Pattern | None:
        alternatives = [re.escape(word) + r"(?![^\W_])" for word in sorted(self.exact)]
        alternatives += [re.escape(prefix) for prefix in sorted(self.prefixes)]
        if not alternatives:
            return None
        return re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + ")")

    def first_match(self, text: str) -> int | None:
        """About where the first matching word of `text` starts, or None: one regular
        expression over the folded text (folding keeps positions, except for the few letters
        it spells with two, such as ß), instead of deciding word by word."""
        pattern = self._first_pattern
        found = pattern.search(fold(text)) if pattern else None
        return found.start() if found else None


def _segments(text: str, matches: Callable[[str], bool]) -> list[tuple[str, bool]]:
    """Split `text` into (piece, is_match) runs; words that match are their own pieces."""
    pieces: list[tuple[str, bool]] = []
    position = 0
    for found in TOKEN.finditer(text):
        if matches(found.group()):
            if found.start() > position:
                pieces.append((text[position : found.start()], False))
            pieces.append((found.group(), True))
            position = found.end()
    if position < len(text):
        pieces.append((text[position:], False))
    return pieces


def render_segments(pieces: Iterable[tuple[str, bool]]) -> SafeString:
    """HTML with every piece escaped; matches wrapped in <mark>. No article text is trusted."""
    html = "".join(
        f"<mark>{escape(piece)}</mark>" if is_match else str(escape(piece))
        for piece, is_match in pieces
    )
    return mark_safe(html)  # noqa: S308 - every piece was escaped above


def highlight(text: str, matches: Callable[[str], bool]) -> SafeString:
    return render_segments(_segments(text, matches))


def snippet(text: str, matches: Callable[[str], bool]) -> SafeString | None:
    """About 32 words of `text` around its first match, highlighted; None without a match."""
    before: list[tuple[int, int]] = []  # spans of the words just before the match
    window: list[tuple[int, int]] = []
    for found in TOKEN.finditer(text):
        if window:
            window.append(found.span())
            if len(window) > SNIPPET_WORDS - len(before):
                break
        elif matches(found.group()):
            window.append(found.span())
        else:
            before = [*before[-(SNIPPET_WORDS_BEFORE - 1) :], found.span()]
    if not window:
        return None
    spans = before + window
    truncated_end = len(window) > SNIPPET_WORDS - len(before)
    if truncated_end:
        spans.pop()
    start = spans[0][0] if before and _has_word_before(text, spans[0][0]) else 0
    end = spans[-1][1] if truncated_end else len(text)
    pieces = _segments(text[start:end], matches)
    if start > 0:
        pieces.insert(0, ("… ", False))
    if end < len(text):
        pieces.append((" …", False))
    return render_segments(pieces)


def _has_word_before(text: str, position: int) -> bool:
    return WORD.search(text, 0, position) is not None


# --- What may be stored about a search --------------------------------------------------------

_EMAIL = re.compile(r"\S+@\S+")
_LONG_NUMBER = re.compile(r"\+?\d[\d /-]{6,}\d")


def redact(text: str) -> str:
    """Remove what could identify a person (email addresses, phone numbers) before storing."""
    return _LONG_NUMBER.sub(" ", _EMAIL.sub(" ", text))
