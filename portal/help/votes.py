"""“Was this helpful?”: one vote per browser per article, remembered in a signed cookie.

The cookie lists only the ids of articles this browser has voted on — nothing personal —
and is signed, so it cannot be edited to vote twice. Counts are aggregates (`ArticleFeedback`).

A client that drops the cookie could vote again and again, so votes are also limited per
client address and article (PORTAL_VOTE_RATE, counted in the shared cache by
django-ratelimit, which keeps only a hash of the address). Over the limit the vote is quietly
not counted: the visitor still sees "thank you", so there is nothing to probe. While the cache
is unreachable, votes are counted without the limit (a warning is logged).

The vote form carries no CSRF token, so that the article page is the same for every visitor
and shared caches can keep it (docs/decisions/0090). Instead `sent_from_this_site()` asks
what the browser itself says about where the form was sent from.
"""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django_ratelimit.core import is_ratelimited

from portal.help.models import ArticleFeedback

logger = logging.getLogger(__name__)

COOKIE = "help_votes"
SALT = "portal.help.votes"
MAX_REMEMBERED = 300  # keeps the cookie well under 4 KB
MAX_AGE = 365 * 24 * 60 * 60


def voted_article_ids(request) -> list[int]:
    value = request.get_signed_cookie(COOKIE, default="", salt=SALT, max_age=MAX_AGE)
    return [int(part) for part in value.split(",") if part.isdigit()]


def remember_vote(response, voted: list[int], article_id: int) -> None:
    ids = [*[i for i in voted if i != article_id], article_id][-MAX_REMEMBERED:]
    response.set_signed_cookie(
        COOKIE,
        ",".join(map(str, ids)),
        salt=SALT,
        max_age=MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def over_vote_limit(request, article) -> bool:
    """Count this vote against the client address's limit for the article; True when over."""
    try:
        return is_ratelimited(
            request,
            group=f"help-vote:{article.pk}",
            key="ip",  # REMOTE_ADDR, as TrustedProxyMiddleware has set it
            rate=settings.PORTAL_VOTE_RATE,
            increment=True,
        )
    except Exception as error:  # the cache backend's own errors: count the vote
        logger.warning("Vote limit not checked (%s: %s)", type(error).__name__, error)
        return False


def record_vote(article, helpful: bool) -> None:
    """Add one vote to the article's counts (created on the first vote)."""
    column = "helpful" if helpful else "not_helpful"
    updated = ArticleFeedback.objects.filter(article=article).update(**{column: F(column) + 1})
    if updated:
        return
    try:
        with transaction.atomic():
            ArticleFeedback.objects.create(article=article, **{column: 1})
    except IntegrityError:  # another vote created the row first
        ArticleFeedback.objects.filter(article=article).update(**{column: F(column) + 1})


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else ""


def sent_from_this_site(request) -> bool:
    """True when the browser says the POST comes from a page of this site.

    Sec-Fetch-Site (sent by every current browser, not settable by a page) must be
    `same-origin`; without it, Origin, and without that, Referer must be this site's origin
    (or one of CSRF_TRUSTED_ORIGINS). A POST that says none of them is refused: a browser
    that a forged form could use always says at least one.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    origin = request.headers.get("Origin")
    if origin is None:
        origin = _origin_of(request.headers.get("Referer", ""))
    own = f"{request.scheme}://{request.get_host()}".lower()
    trusted = {value.lower() for value in settings.CSRF_TRUSTED_ORIGINS}
    return bool(origin) and origin.lower() in trusted | {own}
