"""The staff overview: worst-rated articles, searches without results, articles due for review."""

from datetime import datetime

import pytest
from django.utils import timezone

from portal.help.models import Article, ArticleFeedback, SearchMiss
from portal.help.selectors import articles_due_for_review, months_before


@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [
        (datetime(2026, 11, 27), 12, datetime(2025, 11, 27)),
        (datetime(2026, 3, 31), 1, datetime(2026, 2, 28)),
        (datetime(2024, 3, 31), 1, datetime(2024, 2, 29)),
        (datetime(2026, 1, 15), 1, datetime(2025, 12, 15)),
        (datetime(2026, 1, 15), 25, datetime(2023, 12, 15)),
    ],
)
def test_months_before_counts_calendar_months(moment, months, expected):
    assert months_before(moment, months) == expected


def age(article: Article, months: int) -> None:
    Article.objects.filter(pk=article.pk).update(updated=months_before(timezone.now(), months))


def test_overview_lists_what_needs_attention(support_client, content, settings):
    settings.PORTAL_REVIEW_AFTER_MONTHS = 6
    poor = content.article(title_sl="Slabo ocenjen")
    good = content.article(title_sl="Dobro ocenjen")
    few_votes = content.article(title_sl="Premalo glasov")
    ArticleFeedback.objects.create(article=poor, helpful=1, not_helpful=9)
    ArticleFeedback.objects.create(article=good, helpful=9, not_helpful=1)
    ArticleFeedback.objects.create(article=few_votes, helpful=0, not_helpful=1)
    SearchMiss.objects.create(query="kvantni štedilnik", count=2)
    SearchMiss.objects.create(query="geslo za wifi", count=17)
    SearchMiss.objects.create(query="wifi password", language="en", count=3)
    stale = content.article(title_sl="Star članek")
    age(stale, 7)
    age(good, 5)

    page = support_client.get("/en/admin/overview/").content.decode()

    assert page.index("Slabo ocenjen") < page.index("Dobro ocenjen")
    assert "10 %" in page
    assert "Premalo glasov" not in page.split("search-misses")[0]
    assert page.index("geslo za wifi") < page.index("kvantni štedilnik")
    assert '<th scope="row">wifi password</th><td>English</td><td>3</td>' in page
    assert '<th scope="row">geslo za wifi</th><td>Slovenian</td><td>17</td>' in page
    review = page.split('id="due-for-review"')[1]
    assert "Star članek" in review
    assert "Dobro ocenjen" not in review
    assert "more than 6 months" in review


def test_review_age_is_configurable(content):
    article = content.article()
    age(article, 13)
    assert list(articles_due_for_review(12)) == [article]
    assert list(articles_due_for_review(24)) == []


def test_overview_queries_do_not_grow_with_content(
    support_client, content, django_assert_max_num_queries
):
    for number in range(30):
        article = content.article()
        ArticleFeedback.objects.create(article=article, helpful=number, not_helpful=5)
        SearchMiss.objects.create(query=f"iskanje {number}", count=number + 1)
        age(article, 20)
    # 10 for the page (one of them the mail server checks, one the support contact's demo
    # warning), plus 2 for the server-side session: read it, and move its idle end on.
    with django_assert_max_num_queries(12):
        assert support_client.get("/en/admin/overview/").status_code == 200
