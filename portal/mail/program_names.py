"""Which mail programs a search names: a pure function over (slug, names) values.

Staff give each program its names (the Slovenian and English name) and aliases ("outlook",
"ajfon", "gmail aplikacija"). A program is named by a query when one of its names appears in
the query as whole words, forgiving case, č/š/ž and other diacritics, punctuation, and the
Slovenian case endings a customer adds ("v outlooku", "na iphonu", "thunderbirda").

When several programs are named, the one whose matching name is longest (in words, then in
letters) comes first: "new outlook" names the new Outlook more precisely than "outlook" names
any Outlook. Ties keep the programs' own order (staff order), so a bare "outlook" shows the
program staff put first (the demo puts classic Outlook first; see decision 0101).
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

# Endings Slovenian adds to a (foreign) program name: "outlooku", "outlooka", "outlookom",
# "thunderbirdu", "iphonu" (the name's final -e drops: iphone → iphon-u), "androidih".
SLOVENIAN_ENDINGS = ("a", "u", "om", "em", "e", "i", "ih", "ov", "ja", "ju", "jem")
_NOT_A_LETTER = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True)
class ProgramNames:
    slug: str
    names: tuple[str, ...]  # the program's names and aliases, as staff wrote them


def fold(text: str) -> str:
    """Lower case, no diacritics ("Pošta" → "posta"), words separated by single spaces."""
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold())
    letters = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NOT_A_LETTER.sub(" ", letters).strip()


def word_forms(word: str) -> set[str]:
    """A name's word and the forms Slovenian makes of it by adding an ending."""
    stems = {word, word[:-1]} if word.endswith("e") and len(word) > 3 else {word}
    return {word} | {stem + ending for stem in stems for ending in SLOVENIAN_ENDINGS}


def _names_in(query_words: list[str], name: str) -> bool:
    name_words = fold(name).split()
    if not name_words:
        return False
    size = len(name_words)
    for start in range(len(query_words) - size + 1):
        window = query_words[start : start + size]
        if window[:-1] == name_words[:-1] and window[-1] in word_forms(name_words[-1]):
            return True
    return False


def match_strength(query: str, program: ProgramNames) -> tuple[int, int]:
    """(words, letters) of the longest of the program's names found in the query; (0, 0): none."""
    query_words = fold(query).split()
    found = [fold(name) for name in program.names if _names_in(query_words, name)]
    if not found:
        return (0, 0)
    return max((len(name.split()), len(name)) for name in found)


def programs_named(query: str, programs: Iterable[ProgramNames]) -> list[str]:
    """Slugs of the programs the query names, the most precisely named first."""
    ranked = []
    for position, program in enumerate(programs):
        strength = match_strength(query, program)
        if strength != (0, 0):
            ranked.append((-strength[0], -strength[1], position, program.slug))
    return [slug for *_rank, slug in sorted(ranked)]
