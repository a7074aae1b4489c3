"""Search ranks a bounded candidate set, so it stays fast as the help centre grows.

The same tests on SQLite (FTS5) and PostgreSQL: `DATABASE_URL=postgres://… pytest tests/help`.
The bound is lowered to a few articles so that a handful of articles shows what 50,000 would.
"""

import pytest

from portal.help.search import engines
from portal.help.search.service import search_help


@pytest.fixture
def crowded(content):
    """Six articles with the words only in the body (each says them often, so a full ranking
    would put several of them first), then six with the words in the title."""
    category = content.category()
    in_body = [
        content.article(
            category,
            slug=f"besedilo-{n}",
            title_sl=f"Drugo {n}",
            body_sl="Poštni strežnik. " * 20,
        )
        for n in range(6)
    ]
    in_title = [
        content.article(category, slug=f"naslov-{n}", title_sl=f"Poštni strežnik {n}")
        for n in range(6)
    ]
    return {"in_title": in_title, "in_body": in_body}


def slugs(page) -> list[str]:
    return [result.url.rstrip("/").rsplit("/", 1)[-1] for result in page.results]


def test_articles_with_every_word_in_title_or_summary_come_first(crowded):
    found = slugs(search_help("postni streznik", "sl"))
    assert len(found) == 12  # below the bound every match is ranked
    assert {slug.split("-")[0] for slug in found[:6]} == {"naslov"}
    assert {slug.split("-")[0] for slug in found[6:]} == {"besedilo"}


def test_only_a_bounded_number_of_matches_is_ranked(crowded, monkeypatch):
    monkeypatch.setattr(engines, "CANDIDATES", 3)
    found = slugs(search_help("postni streznik", "sl"))
    # Three head matches, then the first three of any match (each pass stops after three).
    assert set(found[:3]) == {"naslov-0", "naslov-1", "naslov-2"}
    assert set(found[3:]) == {"besedilo-0", "besedilo-1", "besedilo-2"}


def test_when_head_matches_fill_the_page_other_matches_are_not_looked_at(content):
    category = content.category()
    for n in range(21):
        content.article(category, slug=f"naslov-{n}", title_sl=f"Poštni strežnik {n}")
    content.article(category, slug="samo-besedilo", body_sl="Poštni strežnik. " * 20)
    page = search_help("postni streznik", "sl")
    assert "samo-besedilo" not in slugs(page)
    assert len(page.results) == 20
    assert page.more


def test_drafts_are_never_candidates(crowded, monkeypatch):
    monkeypatch.setattr(engines, "CANDIDATES", 3)
    for article in crowded["in_title"][:3]:
        article.published = False
        article.save()
    found = slugs(search_help("postni streznik", "sl"))
    assert not {"naslov-0", "naslov-1", "naslov-2"} & set(found)
    assert {slug.split("-")[0] for slug in found[:3]} == {"naslov"}
