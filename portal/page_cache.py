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
A page whose rendering sets a cookie (a form with a CSRF token, a message) is never stored.
With the shared Redis cache a page lives an hour (PAGE_CACHE_SECONDS); with a per-process
memory cache only seconds, because a save bumps the version in its own process only.

HTTP caching (browsers, the reverse proxy, a CDN): PublicPageCacheMiddleware answers a cached
page before sessions, locale, CSRF and authentication run (the cheap hit path), and gives every
page of `@cached_public_page` (and every `public_response()`, e.g. the autoconfig document) that
is the same for every visitor `Cache-Control: public, max-age, s-maxage,
stale-while-revalidate` (PAGE_BROWSER_MAX_AGE, PAGE_SHARED_MAX_AGE,
PAGE_STALE_WHILE_REVALIDATE), an ETag from the content version and the body, `Vary: Cookie`
(language is in the URL) and a 304 for a matching If-None-Match; a response for a visitor with
cookies of their own gets `Cache-Control: private, no-cache` instead (docs/performance-tuning.md).

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

import hashlib
import logging
import threading
import time
from dataclasses import dataclass
from functools import lru_cache, wraps

from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.db import transaction
from django.dispatch import receiver
from django.http import HttpResponse, HttpResponseNotModified
from django.urls import Resolver404, get_urlconf, resolve
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags

from portal.localized import current_language

logger = logging.getLogger(__name__)

VERSION_KEY = "page-cache:content-version"
# A CSRF cookie from another page (the wizard) does not change a public page.
SHAREABLE_COOKIES = {"csrftoken"}
PRIVATE_CACHE_CONTROL = "private, no-cache"
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


def _same_for_everyone(request) -> bool:
    """A GET from a visitor without cookies of their own: nothing about them changes the answer."""
    return request.method in ("GET", "HEAD") and set(request.COOKIES) <= SHAREABLE_COOKIES


def _cacheable(request) -> bool:
    """A page request the page cache may answer (a query string may change the page)."""
    return _same_for_everyone(request) and not request.GET


def _page_key(request) -> str:
    """The language is part of the path (Slovenian at the root, English under /en/)."""
    return f"page-cache:{request.scheme}:{cache_host(request)}:{request.path}"


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


def get_or_build_versioned(key: str, build):
    """(content version, `build()`): built once per version; a None result is not kept.

    The version is None while the cache is unavailable (then nothing is kept).
    """
    version, entry = _lookup_or_none(key)
    if entry:
        return version, entry["value"]
    value = build()
    if value is not None and version is not None:
        _store(key, {"version": version, "value": value})
    return version, value


def get_or_build(key: str, build):
    """`build()` once per content version; a None result (e.g. not found) is not kept."""
    return get_or_build_versioned(key, build)[1]


# -- HTTP caching: Cache-Control, ETag, 304 ---------------------------------------------------


def etag_for(version, body: bytes) -> str:
    """A weak validator: the content version and a digest of the bytes (a deploy that changes
    the HTML without a content change still gets a new one). Weak, because the proxy may
    compress the body on its way to the browser."""
    digest = hashlib.blake2b(body, digest_size=8).hexdigest()
    return f'W/"{version}-{digest}"'


def public_cache_control() -> str:
    return (
        f"public, max-age={settings.PAGE_BROWSER_MAX_AGE}, "
        f"s-maxage={settings.PAGE_SHARED_MAX_AGE}, "
        f"stale-while-revalidate={settings.PAGE_STALE_WHILE_REVALIDATE}"
    )


def _not_modified(request, etag: str | None) -> bool:
    header = request.META.get("HTTP_IF_NONE_MATCH")
    if not header or not etag:
        return False
    # Weak comparison (RFC 9110, 13.1.2): W/"x" matches "x" and W/"x".
    wanted = {tag.removeprefix("W/") for tag in parse_etags(header)}
    return "*" in wanted or etag.removeprefix("W/") in wanted


def _with_public_headers(request, response, etag: str | None, vary: tuple[str, ...]):
    """`response` with the public caching headers, or a 304 when the client's copy is current."""
    if _not_modified(request, etag):
        response = HttpResponseNotModified()
    response["Cache-Control"] = public_cache_control()
    if etag:
        response["ETag"] = etag
    # LocaleMiddleware adds Accept-Language for paths without a language prefix; here the path
    # alone decides the language, so that would only split every shared cache's copies.
    del response["Vary"]
    if vary:
        patch_vary_headers(response, vary)
    return response


@dataclass(frozen=True)
class PublicMark:
    """Set on a response that is the same for every visitor without cookies of their own."""

    version: object  # the content version the response was built from (None: cache down)
    vary: tuple[str, ...]  # request headers that still change it
    page: bool = False  # a page of @cached_public_page: public only without a query string
    store_key: str | None = None  # where the page is kept in the page cache


MARK = "public_cache_mark"
PAGE_VIEW = "public_cache_page_view"  # set on the views @cached_public_page wraps
DOCUMENT_VIEW = "public_cache_document_view"  # set by @cached_public_document


def public_response(request, response, version, vary: tuple[str, ...] = ()):
    """Mark `response` (built from content `version`) as cacheable by browsers and proxies.

    PublicPageCacheMiddleware adds the headers on the way out (after every other middleware
    has had its say), unless something in between set a cookie.
    """
    setattr(response, MARK, PublicMark(version, vary))
    return response


def cached_public_page(view):
    """A public GET page: kept in the page cache and cacheable by browsers and proxies.

    Served from the cache by PublicPageCacheMiddleware while nothing about the visitor can
    change it; the middleware stores what the view renders here.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        key, version = getattr(request, "_page_cache_miss", (None, None))
        setattr(response, MARK, PublicMark(version, ("Cookie",), page=True, store_key=key))
        return response

    setattr(wrapper, PAGE_VIEW, True)
    return wrapper


def cached_public_document(key_for, respond):
    """A public GET view whose answer is kept with `get_or_build()` under `key_for(request)`.

    PublicPageCacheMiddleware answers a hit itself, before sessions, locale, CSRF and the rest:
    `key_for(request)` (None: let the view answer) names the entry, and `respond(value)` turns
    the kept value into the response. The view marks what it builds with `public_response()`.
    """

    def decorate(view):
        setattr(view, DOCUMENT_VIEW, (key_for, respond))
        return view

    return decorate


@lru_cache(maxsize=4096)
def _view_of_path(urlconf, path: str):
    """The view `path` resolves to (once per path and process), None when it is not found.

    Resolved in the path's own language, as LocaleMiddleware has not run yet.
    """
    language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    try:
        with translation.override(language):
            return resolve(path, urlconf).func
    except Resolver404:
        return None


def _hit_response(request, entry: dict) -> HttpResponse:
    response = HttpResponse(entry["body"], content_type=entry["content_type"])
    response["Content-Language"] = entry["language"]
    response["Content-Length"] = str(len(entry["body"]))
    return _with_public_headers(request, response, entry["etag"], ("Cookie",))


def _document_hit(request, key_for, respond) -> HttpResponse | None:
    key = key_for(request)
    if key is None:
        return None
    version, entry = _lookup_or_none(key)
    if not entry:
        return None
    response = respond(entry["value"])
    return _with_public_headers(request, response, etag_for(version, response.content), ())


def _storable(response) -> bool:
    return response.status_code == 200 and not response.streaming and not response.cookies


@receiver(setting_changed)
def _forget_page_paths(setting, **_kwargs):
    if setting == "ROOT_URLCONF":  # tests that swap the URLs
        _view_of_path.cache_clear()


class PublicPageCacheMiddleware:
    """Serves `@cached_public_page` pages from the page cache before the rest of the stack.

    Placed after the security middleware (HTTPS redirect, CSP, framing headers still apply)
    and WhiteNoise, and before sessions, locale, CSRF, authentication and messages, none of
    which a visitor without cookies of their own needs for a page that is the same for
    everyone: a hit costs one Redis round trip. The same for documents of
    `@cached_public_document` views (the Thunderbird autoconfig document, whose domain is in
    the query string). On the way out it adds the caching headers to
    every marked response (see `public_response()`), stores a page that was rendered for a
    cache miss, and makes every other marked response `private`.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        same_for_everyone = _same_for_everyone(request)
        cacheable = same_for_everyone and not request.GET
        view = _view_of_path(get_urlconf(), request.path_info) if same_for_everyone else None
        if cacheable and getattr(view, PAGE_VIEW, False):
            request.get_host()  # checks the Host header against ALLOWED_HOSTS (else a 400)
            key = _page_key(request)
            version, entry = _lookup_or_none(key)
            if entry:
                return _hit_response(request, entry)
            request._page_cache_miss = (key, version)
        elif document := getattr(view, DOCUMENT_VIEW, None):
            hit = _document_hit(request, *document)
            if hit is not None:
                return hit
        response = self.get_response(request)
        mark = getattr(response, MARK, None)
        if mark is None:
            return response
        public = cacheable if mark.page else same_for_everyone
        if not (public and _storable(response)):
            response["Cache-Control"] = PRIVATE_CACHE_CONTROL
            patch_vary_headers(response, ("Cookie",))
            return response
        etag = None if mark.version is None else etag_for(mark.version, response.content)
        if mark.store_key and etag:
            entry = {
                "version": mark.version,
                "body": response.content,
                "content_type": response["Content-Type"],
                "language": response.get("Content-Language", current_language()),
                "etag": etag,
            }
            _store(mark.store_key, entry)
        return _with_public_headers(request, response, etag, mark.vary)
