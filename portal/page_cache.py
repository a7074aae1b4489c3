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
"""

import re
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token

from portal.localized import current_language

VERSION_KEY = "page-cache:content-version"
CSRF_FIELD = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
CSRF_PLACEHOLDER = "__csrf_token_placeholder__"
SHAREABLE_COOKIES = {"csrftoken"}


def bump_content_version(**_signal_kwargs) -> None:
    """Make every cached page stale (connected to content models' save and delete signals)."""
    cache.set(VERSION_KEY, time.time_ns(), None)


def _cacheable(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.GET
        and set(request.COOKIES) <= SHAREABLE_COOKIES
    )


def _page_key(request) -> str:
    return f"page-cache:{request.scheme}:{request.get_host()}:{current_language()}:{request.path}"


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


def get_or_build(key: str, build):
    """`build()` once per content version; a None result (e.g. not found) is not kept."""
    version, entry = _versioned_lookup(key)
    if entry:
        return entry["value"]
    value = build()
    if value is not None:
        cache.set(key, {"version": version, "value": value}, settings.PAGE_CACHE_SECONDS)
    return value


def cached_public_page(view):
    """Serve a public GET page from the cache when nothing about the visitor can change it."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        key = _page_key(request)
        version, entry = _versioned_lookup(key)
        if entry:
            return _from_entry(request, entry)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            html = CSRF_FIELD.sub(rf"\g<1>{CSRF_PLACEHOLDER}\g<2>", response.content.decode())
            entry = {"version": version, "html": html, "content_type": response["Content-Type"]}
            cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
        return response

    return wrapper
