"""Reads for the help centre: what the staff overview shows (a constant number of queries per
page) and the support contact every public page shows."""

from datetime import datetime

from django.db.models import ExpressionWrapper, F, FloatField
from django.utils import timezone

from portal.help.models import Article, ArticleFeedback, SearchMiss, SupportContact
from portal.help.support import FIELDS, LANGUAGES, Contact, contact_for
from portal.localized import current_language

OVERVIEW_LIMIT = 20
# An article needs a few votes before its rating means something.
MIN_VOTES_FOR_RATING = 3


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time `months` calendar months earlier (clamped to the month's end)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for day in range(moment.day, 0, -1):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise ValueError(moment)  # unreachable: every month has a day 1


def worst_rated_articles(limit: int = OVERVIEW_LIMIT, min_votes: int = MIN_VOTES_FOR_RATING):
    """Feedback rows with at least `min_votes` votes, lowest share of "helpful" first."""
    total = F("helpful") + F("not_helpful")
    return (
        ArticleFeedback.objects.select_related("article")
        .annotate(
            votes=total,
            helpful_share=ExpressionWrapper(F("helpful") * 1.0 / total, output_field=FloatField()),
        )
        .filter(votes__gte=max(min_votes, 1))
        .order_by("helpful_share", "-votes", "article__title_sl")[:limit]
    )


def frequent_search_misses(limit: int = OVERVIEW_LIMIT):
    return SearchMiss.objects.order_by("-count", "-last_seen")[:limit]


def articles_due_for_review(months: int, now: datetime | None = None, limit: int = 100):
    cutoff = months_before(now or timezone.now(), months)
    return (
        Article.objects.filter(updated__lt=cutoff)
        .select_related("category")
        .order_by("updated")[:limit]
    )


SUPPORT_CONTACT_FIELDS = [f"{field}_{language}" for field in FIELDS for language in LANGUAGES]


def support_contact_values() -> dict[str, str]:
    """The support contact's stored fields ({} when staff have not set one): one query.

    Public pages served from the page cache cost none; a staff edit bumps the content version
    (help/apps.py), so cached pages show the new contact at once.
    """
    return SupportContact.objects.values(*SUPPORT_CONTACT_FIELDS).first() or {}


def support_contact(language: str | None = None) -> Contact:
    """The support contact in `language` (default: the current one)."""
    return contact_for(support_contact_values(), language or current_language())
