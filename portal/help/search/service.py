"""What the search page calls: `search_help(typed, language)` → `SearchPage`.

The steps, each tried only when the previous one found nothing:
1. every word (synonyms expanded; articles a synonym points to come first), current language;
2. a Slovenian search with no Slovenian result: the same in English, labelled as English;
3. misspelt words replaced by the closest known word ("tunderbird" → "thunderbird");
4. any of the words (labelled as partial matches);
5. nothing: the normalised query is counted in `SearchMiss`.

The number of queries is bounded (at most 9 for a search that finds nothing) and does not
depend on the number of articles.
"""

import enum
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.db.models import Exists, F, OuterRef
from django.utils import timezone, translation
from django.utils.safestring import SafeString

from portal.help.models import Article, SearchMiss, SearchSynonym
from portal.help.search.engines import engine_for
from portal.help.search.query import (
    MAX_QUERY_LENGTH,
    MatchQuery,
    build_match,
    corrected,
    parse_expansion,
    phrase_candidates,
    query_words,
)
from portal.help.search.text import (
    MIN_CORRECTABLE_WORD,
    Matcher,
    best_correction,
    highlight,
    plain_text,
    redact,
    snippet,
)

RESULTS_PER_PAGE = 20
FALLBACK_LANGUAGE = "en"


class Outcome(enum.StrEnum):
    EMPTY = "empty"  # nothing typed: show the search form
    TOO_LONG = "too_long"
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
    partial: bool = False  # no article had every word
    more: bool = False  # there were more than RESULTS_PER_PAGE matches

    @property
    def in_other_language(self) -> bool:
        return self.outcome == Outcome.FOUND and self.results_language != self.language

    @property
    def is_error(self) -> bool:
        return self.outcome in (Outcome.TOO_LONG, Outcome.NO_WORDS)


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


def _corrections(words: tuple[str, ...], language: str) -> dict[str, str]:
    """Misspelt word → the closest word that appears in articles. One query."""
    checkable = [
        w for w in dict.fromkeys(words) if len(w) >= MIN_CORRECTABLE_WORD and not w.isdigit()
    ]
    if not checkable:
        return {}
    with connection.cursor() as cursor:
        candidates = engine_for(connection).similar_words(cursor, checkable, language)
    found = {}
    for word in checkable:
        replacement = best_correction(word, candidates.get(word, []))
        if replacement:
            found[word] = replacement
    return found


def record_miss(words: tuple[str, ...]) -> None:
    """Count a search that found nothing: the normalised text only (no IP, no user, no time
    other than "last seen"). Two statements at most; a lost count under a race is acceptable."""
    text = " ".join(words)[:MAX_QUERY_LENGTH]
    now = timezone.now()
    if not SearchMiss.objects.filter(query=text).update(count=F("count") + 1, last_seen=now):
        SearchMiss.objects.bulk_create(
            [SearchMiss(query=text, count=1, last_seen=now)], ignore_conflicts=True
        )


def _results(ids: list[int], language: str, match: MatchQuery) -> list[Result]:
    articles = Article.objects.published().select_related("category").in_bulk(ids)
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
            found_in = snippet(summary, matcher) or snippet(
                plain_text(article.localized("body")), matcher
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
    if len(typed) > MAX_QUERY_LENGTH:
        page.outcome = Outcome.TOO_LONG
        return page
    words = query_words(typed)
    if not words:
        page.outcome = Outcome.NO_WORDS
        return page

    expansions, pinned = _synonyms(words)
    match = build_match(words, expansions)
    results_language = language
    ids = _match(match, language)
    if not ids and not pinned and language == settings.LANGUAGE_CODE:
        ids = _match(match, FALLBACK_LANGUAGE)
        if ids:
            results_language = FALLBACK_LANGUAGE
    if not ids and not pinned:
        corrections = _corrections(words, language)
        if corrections:
            fixed = corrected(words, corrections)
            candidate = build_match(fixed, {})
            ids = _match(candidate, language)
            if ids:
                match, page.corrected_query = candidate, " ".join(fixed)
    if not ids and not pinned and len(match.clauses) > 1:
        ids = _match(match.relaxed(), language)
        page.partial = bool(ids)
    if not ids and not pinned:
        # Only what cannot identify anyone is counted: addresses and phone numbers go first.
        countable = query_words(redact(typed))
        if countable:
            record_miss(countable)
        page.outcome = Outcome.NOTHING
        return page

    ordered = list(dict.fromkeys([*pinned, *ids]))
    page.more = len(ordered) > RESULTS_PER_PAGE
    page.results = _results(ordered[:RESULTS_PER_PAGE], results_language, match)
    page.results_language = results_language
    page.outcome = Outcome.FOUND
    return page
