"""Anonymous page cache for the public help pages, per host, language and content version.

`get_or_build()` keeps other rendered outputs (the autoconfig XML) by the same version.

A page is rendered once and served from the cache (Redis when REDIS_URL is set, so every web
replica shares it) until any content changes: saving or deleting an article, a category, a
port, a server or a hosting package bumps one content version and every cached page goes
stale at once (hosting packages too, for the machine formats). Help content changes a few times a day, so one version is simpler than
tracking which pages show which rows, and it is always correct (home lists every article,
the ports table and the server list appear inside articles).

Only visitors without cookies of their own (other than the CSRF cookie) are served from the
cache, so a thank-you message after a vote or a "you already voted" state is never shared.
The CSRF token inside a cached page (the vote form) is swapped for the visitor's own token on
every hit. With the shared Redis cache a page lives an hour (PAGE_CACHE_SECONDS); with a
per-process memory cache only seconds, because a save bumps the version in its own process only.

After commit: a save bumps the version at once and again when its transaction commits, so a
page rendered from the old rows while the transaction was open (stored under the first bump)
is stale as soon as the save returns. The first bump keeps reads inside the same transaction
(tests, scripts) fresh.

Without the cache: when Redis cannot be reached, pages are rendered without it (a warning is
logged once per outage and the cache is left alone for CACHE_RETRY_SECONDS), saves still
succeed, and the bump they could not make is made as soon as the cache answers again.

Keys use the canonical host (PORTAL_HOSTNAME when set), so variants of the Host header (ports,
upper case) cannot multiply the cached copies of a page (see docs/security.md).
"""

import logging
import re
import threading
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token

from portal.localized import current_language

logger = logging.getLogger(__name__)

VERSION_KEY = "page-cache:content-version"
CSRF_FIELD = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
CSRF_PLACEHOLDER = "__csrf_token_placeholder__"
SHAREABLE_COOKIES = {"csrftoken"}
# After a cache error this process leaves the cache alone for this long, so an unreachable
# Redis costs one connection timeout per outage window, not one per request.
CACHE_RETRY_SECONDS = 5


class _CacheHealth:
    """This process's view of the shared cache: usable, or down until a retry time."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down_until = 0.0
        self.bump_pending = False

    def usable(self) -> bool:
        return time.monotonic() >= self.down_until

    def failed(self, error: Exception) -> None:
        with self.lock:
            was_up = self.usable()
            self.down_until = time.monotonic() + CACHE_RETRY_SECONDS
        if was_up:
            logger.warning(
                "The cache is unavailable; serving pages without it (%s: %s)",
                type(error).__name__,
                error,
            )


_health = _CacheHealth()


def _cache_call(operation, default=None):
    """Run a cache operation; on a cache error, note the outage and return `default`."""
    if not _health.usable():
        return default
    try:
        if _health.bump_pending:
            _set_new_version()
            _health.bump_pending = False
            logger.warning("The cache is back: pages cached before the outage are now stale")
        return operation()
    except Exception as error:  # every cache backend has errors of its own
        _health.failed(error)
        return default


def _set_new_version() -> None:
    cache.set(VERSION_KEY, time.time_ns(), None)


def _bump_now() -> None:
    if _cache_call(lambda: _set_new_version() or True) is None:
        _health.bump_pending = True  # made by the first cache call that succeeds


def bump_content_version(**_signal_kwargs) -> None:
    """Make every cached page stale (connected to content models' save and delete signals).

    Bumps now and again after the surrounding transaction commits (at once outside one).
    """
    _bump_now()
    transaction.on_commit(_bump_now)


def cache_host(request) -> str:
    """The host part of cache keys: PORTAL_HOSTNAME, else the request's host in lower case."""
    return settings.PORTAL_HOSTNAME or request.get_host().lower()


def _cacheable(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.GET
        and set(request.COOKIES) <= SHAREABLE_COOKIES
    )


def _page_key(request) -> str:
    return f"page-cache:{request.scheme}:{cache_host(request)}:{current_language()}:{request.path}"


def _from_entry(request, entry: dict) -> HttpResponse:
    html = entry["html"]
    if CSRF_PLACEHOLDER in html:
        html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    return HttpResponse(html, content_type=entry["content_type"])


def _versioned_lookup(key: str):
    """(current content version, the entry stored under `key` if it is of that version)."""
    found = cache.get_many([VERSION_KEY, key])  # one round trip to Redis
    version = found.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), None)
        version = cache.get(VERSION_KEY)
    entry = found.get(key)
    return version, (entry if entry and entry["version"] == version else None)


def _lookup_or_none(key: str):
    """`_versioned_lookup(key)`, or (None, None) while the cache is unavailable."""
    return _cache_call(lambda: _versioned_lookup(key), default=(None, None))


def _store(key: str, value) -> None:
    _cache_call(lambda: cache.set(key, value, settings.PAGE_CACHE_SECONDS))


def get_or_build(key: str, build):
    """`build()` once per content version; a None result (e.g. not found) is not kept."""
    version, entry = _lookup_or_none(key)
    if entry:
        return entry["value"]
    value = build()
    if value is not None and version is not None:
        _store(key, {"version": version, "value": value})
    return value


def cached_public_page(view):
    """Serve a public GET page from the cache when nothing about the visitor can change it."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        key = _page_key(request)
        version, entry = _lookup_or_none(key)
        if entry:
            return _from_entry(request, entry)
        response = view(request, *args, **kwargs)
        storable = response.status_code == 200 and not response.streaming
        if storable and version is not None and not response.cookies:
            html = CSRF_FIELD.sub(rf"\g<1>{CSRF_PLACEHOLDER}\g<2>", response.content.decode())
            _store(
                key, {"version": version, "html": html, "content_type": response["Content-Type"]}
            )
        return response

    return wrapper
