"""Operations middleware: health checks answered first, and a 503 while a backing service is down."""

import codecs
import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from portal import db_deadline, proxies
from portal.health import HEALTH_VIEWS
from portal.help.support import contact_from_settings

logger = logging.getLogger(__name__)

# Seconds a client is asked to wait before trying again while the portal answers 503.
RETRY_AFTER_SECONDS = 30


def backing_service_errors() -> tuple[type[Exception], ...]:
    """Errors that mean the database or the cache cannot be reached right now."""
    errors: tuple[type[Exception], ...] = (OperationalError, InterfaceError)
    try:
        from redis.exceptions import ConnectionError as RedisConnectionError
        from redis.exceptions import TimeoutError as RedisTimeoutError
    except ImportError:  # only installed where REDIS_URL is used
        return errors
    return (*errors, RedisConnectionError, RedisTimeoutError)


def service_unavailable_response() -> HttpResponse:
    """The translated "temporarily unavailable" page: static, built without the database."""
    html = render_to_string(
        "503.html",
        {
            "organization": settings.PORTAL_ORGANIZATION,
            "support": contact_from_settings(),
        },
    )
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


class HealthCheckMiddleware:
    """Answers /health/live/ and /health/ready/ before any other middleware runs.

    First in MIDDLEWARE, so the orchestrator's checks need no host name from
    DJANGO_ALLOWED_HOSTS (they may come to the container's address), are never redirected
    to HTTPS, and never pass through sessions, locale or page caching.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        view = HEALTH_VIEWS.get(request.path_info)
        if view is not None:
            return with_health_security_headers(view(request))
        return self.get_response(request)


# A health answer is JSON for a machine: it may load nothing, run nothing and be framed nowhere.
HEALTH_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'"


def with_health_security_headers(response: HttpResponse) -> HttpResponse:
    """The headers SecurityMiddleware and friends would add, which health checks skip."""
    response["Content-Security-Policy"] = HEALTH_CONTENT_SECURITY_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    response["X-Frame-Options"] = settings.X_FRAME_OPTIONS
    if settings.SECURE_REFERRER_POLICY:
        response["Referrer-Policy"] = settings.SECURE_REFERRER_POLICY
    if settings.SECURE_CROSS_ORIGIN_OPENER_POLICY:
        response["Cross-Origin-Opener-Policy"] = settings.SECURE_CROSS_ORIGIN_OPENER_POLICY
    return response


class ServiceUnavailableMiddleware:
    """Turns "cannot reach the database (or cache)" into a 503 page with Retry-After.

    The database connection gives up after DJANGO_DB_CONNECT_TIMEOUT seconds, and a query
    after its deadline (portal/db_deadline.py), so a visitor gets this page instead of a
    hanging request or a 500; once the database is back, the next
    request reconnects (CONN_HEALTH_CHECKS) without restarting anything.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.errors = backing_service_errors()
        db_deadline.install()  # a frozen database raises OperationalError instead of hanging

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, self.errors):
            return None
        logger.error(
            "A backing service is unavailable (%s: %s)", type(exception).__name__, exception
        )
        return service_unavailable_response()


FORM_CONTENT_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}


def declares_other_charset_than_utf8(request) -> bool:
    """True when a form's Content-Type names a charset other than UTF-8 (known or not)."""
    charset = request.content_params.get("charset")
    if request.content_type not in FORM_CONTENT_TYPES or not charset:
        return False
    try:
        return codecs.lookup(charset).name != "utf-8"
    except LookupError:
        return True


class FormCharsetMiddleware:
    """Forms must come in UTF-8: any other declared charset gets a translated 400 page.

    Every form of the portal is on a UTF-8 page, so browsers send UTF-8; a Content-Type such
    as `charset=utf-16` or `charset=rot13` comes from a client of another kind, and decoding
    its fields with that charset fails (or yields nonsense) deep inside Django. Placed after
    LocaleMiddleware (so the page is in the visitor's language) and before anything that
    reads the form (CSRF, views).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if declares_other_charset_than_utf8(request):
            message = _(
                "The form was sent in a character encoding other than UTF-8. Please send it again from the page."
            )
            return render(request, "400.html", {"message": message}, status=400)
        return self.get_response(request)


class TrustedProxyMiddleware:
    """The client's address and scheme, believed from X-Forwarded-* only from trusted proxies.

    Rewrites REMOTE_ADDR (used by the login lock-out and the vote limit) and the request's
    scheme (HTTPS redirect, secure cookies) once, before anything reads them. See
    portal/proxies.py and docs/security.md; PORTAL_TRUSTED_PROXIES lists the proxies.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.networks = proxies.parse_networks(settings.PORTAL_TRUSTED_PROXIES)

    def __call__(self, request):
        if self.networks:
            meta = request.META
            peer = meta.get("REMOTE_ADDR", "")
            scheme = proxies.forwarded_scheme(
                peer, meta.get("HTTP_X_FORWARDED_PROTO", ""), self.networks
            )
            meta["REMOTE_ADDR"] = proxies.client_address(
                peer, meta.get("HTTP_X_FORWARDED_FOR", ""), self.networks
            )
            if scheme:
                meta["wsgi.url_scheme"] = scheme
        return self.get_response(request)
