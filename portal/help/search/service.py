"""What the search page calls: `search_help(typed, language)` → `SearchPage`.

The query is read by `query.parse_query`: any length, stop words dropped, at most MAX_TERMS
telling words (the page says when words were left out). The steps, each tried only when the
previous one found nothing:
1. every telling word (synonyms expanded; articles a synonym points to come first), in the
   page's language;
2. the same in the other language's texts (Slovenian ↔ English), labelled with that language;
3. misspelt words replaced by the closest known word ("tunderbird" → "thunderbird"), shown as
   the articles spell it ("posiljti" → "pošiljati"), for searches of at most
   MAX_CORRECTED_TERMS telling words;
4. any of the words (labelled as partial matches);
5. nothing: the normalised query is counted in `SearchMiss` per language, in a bounded table.

The number of queries is bounded (at most 9 for a search that finds nothing) and does not
depend on the number of articles.
"""

import enum
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Exists, F, OuterRef, Subquery
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

from portal.help.models import Article, SearchMiss, SearchSynonym
from portal.help.search.engines import engine_for
from portal.help.search.query import (
    MatchQuery,
    ParsedQuery,
    build_match,
    corrected,
    parse_expansion,
    parse_query,
    phrase_candidates,
)
from portal.help.search.text import (
    MIN_CORRECTABLE_WORD,
    Matcher,
    best_correction,
    contains_run,
    highlight,
    is_code,
    plain_text,
    redact,
    snippet,
    tokens,
)

RESULTS_PER_PAGE = 20
# Spelling help only for searches typed by hand: a pasted message is copied, not misspelt, and
# comparing its many words with the vocabulary is the costliest step (partial matches follow).
MAX_CORRECTED_TERMS = 4
OTHER_LANGUAGE = {"sl": "en", "en": "sl"}  # where a search looks when its own finds nothing
# Searches without results kept at most; beyond, the least counted (then oldest) are dropped.
MAX_SEARCH_MISSES = 2000


class Outcome(enum.StrEnum):
    EMPTY = "empty"  # nothing typed: show the search form
    NO_WORDS = "no_words"  # only punctuation or symbols
    FOUND = "found"
    NOTHING = "nothing"


@dataclass(frozen=True)
class Result:
    url: str
    title: SafeString
    snippet: SafeString | None
    summary: str
    category: str


@dataclass
class SearchPage:
    typed: str
    outcome: Outcome
    language: str
    results: list[Result] = field(default_factory=list)
    results_language: str = ""
    corrected_query: str = ""  # the spelling the results are shown for
    shortened: bool = False  # words were left out of a long search
    searched_for: str = ""  # the telling words searched for, as typed
    partial: bool = False  # no article had every word
    more: bool = False  # there were more than RESULTS_PER_PAGE matches

    @property
    def in_other_language(self) -> bool:
        return self.outcome == Outcome.FOUND and self.results_language != self.language

    @property
    def is_error(self) -> bool:
        return self.outcome == Outcome.NO_WORDS


def _published():
    # No ordering: the model's default ordering would join categories into the subquery.
    return Article.objects.published().order_by().values("pk").query.sql_with_params()


def _synonyms(words: tuple[str, ...]) -> tuple[dict, list[int]]:
    """Synonym phrases found in the query: their expansions, and the (published) articles
    they point to, in the order the phrases were typed. One query."""
    rows = (
        SearchSynonym.objects.filter(phrase__in=phrase_candidates(words))
        .annotate(
            article_published=Exists(Article.objects.published().filter(pk=OuterRef("article_id")))
        )
        .values_list("phrase", "expansion", "article_id", "article_published")
    )
    text = " ".join(words)
    expansions, pinned = {}, []
    for phrase, expansion, article_id, published in sorted(rows, key=lambda r: text.find(r[0])):
        alternatives = parse_expansion(expansion)
        if alternatives:
            expansions[phrase] = alternatives
        if article_id and published and article_id not in pinned:
            pinned.append(article_id)
    return expansions, pinned


def _match(match: MatchQuery, language: str) -> list[int]:
    with connection.cursor() as cursor:
        return engine_for(connection).match(
            cursor, match, language, _published(), RESULTS_PER_PAGE + 1
        )


def _corrections(terms: tuple[str, ...], language: str) -> dict[str, tuple[str, str]]:
    """Misspelt word → (the closest word that appears in articles, as they spell it). One
    query."""
    checkable = [w for w in terms if len(w) >= MIN_CORRECTABLE_WORD and not is_code(w)]
    if not checkable:
        return {}
    with connection.cursor() as cursor:
        candidates = engine_for(connection).similar_words(cursor, checkable, language)
    found = {}
    for word in checkable:
        replacement = best_correction(word, candidates.get(word, []))
        if replacement:
            spelling = next(c[2] for c in candidates[word] if c[0] == replacement)
            found[word] = (replacement, spelling)
    return found


def _spelled_correction(query: ParsedQuery, corrections: dict[str, tuple[str, str]]) -> str:
    """The words typed with each correction in the articles' spelling: "ne more pošiljati"."""
    return " ".join(
        corrections[word][1] if word in corrections else spelled
        for word, spelled in zip(query.words, query.spelled, strict=True)
    )


def record_miss(normalised: str, language: str) -> None:
    """Count a search that found nothing: the normalised text and the page language only (no
    IP, no user, no time other than "last seen"). A lost count under a race is acceptable.

    Bounded: when a new query makes the table exceed MAX_SEARCH_MISSES rows, the least
    counted rows (the oldest first among equals) are deleted, so unique junk only ever
    replaces other junk, while queries that recur stay. One to three statements."""
    now = timezone.now()
    text = normalised[: SearchMiss._meta.get_field("query").max_length]
    found = SearchMiss.objects.filter(query=text, language=language)
    if found.update(count=F("count") + 1, last_seen=now):
        return
    SearchMiss.objects.bulk_create(
        [SearchMiss(query=text, language=language, count=1, last_seen=now)],
        ignore_conflicts=True,
    )
    beyond_bound = SearchMiss.objects.order_by("-count", "-last_seen", "-pk").values("pk")[
        MAX_SEARCH_MISSES:
    ]
    SearchMiss.objects.filter(pk__in=Subquery(beyond_bound)).delete()


BODY_CONTEXT = 600  # characters of Markdown kept on each side of the first match


def _body_snippet(body: str, matcher: Matcher) -> SafeString | None:
    """The snippet of the body, made from the Markdown around the first match only: turning a
    whole long article into plain text for every result was most of a search's time."""
    first = matcher.first_match(body)
    if first is None:
        return None
    start = max(0, first - BODY_CONTEXT)
    if start:
        line = body.rfind("\n", start, first)
        start = line + 1 if line >= 0 else body.find(" ", start, first) + 1
    end = first + BODY_CONTEXT
    text = plain_text(body[start:end])
    found = snippet(text, matcher)
    if found is None:  # the first match was Markdown layout (a link target, a macro)
        return snippet(plain_text(body), matcher)
    if start and not found.startswith("…"):
        found = mark_safe("… " + found)  # noqa: S308 - `found` is escaped HTML
    if end < len(body) and not found.endswith("…"):
        found = mark_safe(found + " …")  # noqa: S308 - `found` is escaped HTML
    return found


def _results(
    ids: list[int], language: str, match: MatchQuery, typed: tuple[str, ...], pinned: int
) -> list[Result]:
    """The shown page, in the order of `ids`, except that a title saying exactly what was
    typed ("Kaj je IMAP" for "kaj je imap": stop words are not searched for, so they cannot
    rank) comes first after the `pinned` articles staff chose."""
    shown = Article.objects.published().select_related("category")
    # Not the rendered HTML: the largest columns, and a snippet is made from the Markdown.
    articles = shown.defer("body_html_sl", "body_html_en").in_bulk(ids)
    if len(typed) > 1:
        with translation.override(language):
            says_it = [
                i
                for i in ids[pinned:]
                if i in articles
                and contains_run(tuple(w for w, _ in tokens(articles[i].title)), typed)
            ]
        ids = list(dict.fromkeys([*ids[:pinned], *says_it, *ids[pinned:]]))
    matcher = Matcher(
        exact=frozenset(term.word for term in match.terms if not term.prefix),
        prefixes=frozenset(term.word for term in match.terms if term.prefix),
    )
    results = []
    with translation.override(language):
        for article_id in ids:
            article = articles.get(article_id)
            if article is None:
                continue
            summary = article.summary
            found_in = snippet(summary, matcher) or _body_snippet(
                article.localized("body"), matcher
            )
            results.append(
                Result(
                    url=article.get_absolute_url(),
                    title=highlight(article.title, matcher),
                    snippet=found_in,
                    summary=summary,
                    category=article.category.name,
                )
            )
    return results


def search_help(typed: str, language: str) -> SearchPage:
    typed = (typed or "").strip()
    page = SearchPage(typed=typed, outcome=Outcome.EMPTY, language=language)
    if not typed:
        return page
    query = parse_query(typed)
    if not query.terms:
        page.outcome = Outcome.NO_WORDS
        return page
    if query.shortened:
        page.shortened = True
        page.searched_for = query.terms_as_typed

    expansions, pinned = _synonyms(query.words)
    match = build_match(query.words, expansions, query.terms)
    results_language = language
    ids = _match(match, language)
    if not ids and not pinned:
        other = OTHER_LANGUAGE[language]
        ids = _match(match, other)
        if ids:
            results_language = other
    if not ids and not pinned and len(query.terms) <= MAX_CORRECTED_TERMS:
        corrections = _corrections(query.terms, language)
        if corrections:
            folded = {word: known for word, (known, _spelling) in corrections.items()}
            candidate = build_match(
                corrected(query.words, folded), {}, corrected(query.terms, folded)
            )
            ids = _match(candidate, language)
            if ids:
                match, page.corrected_query = candidate, _spelled_correction(query, corrections)
    if not ids and not pinned and len(match.clauses) > 1:
        ids = _match(match.relaxed(), language)
        page.partial = bool(ids)
    if not ids and not pinned:
        # Only what cannot identify anyone is counted: addresses and phone numbers go first.
        countable = parse_query(redact(typed)).normalised
        if countable:
            record_miss(countable, language)
        page.outcome = Outcome.NOTHING
        return page

    ordered = list(dict.fromkeys([*pinned, *ids]))
    page.more = len(ordered) > RESULTS_PER_PAGE
    page.results = _results(
        ordered[:RESULTS_PER_PAGE], results_language, match, query.words, len(pinned)
    )
    page.results_language = results_language
    page.outcome = Outcome.FOUND
    return page
