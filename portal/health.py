"""Liveness (the process answers) and readiness (the database and the cache answer).

Both are cheap (one `SELECT 1`, one cache set and get; no model queries), never cached, and
answered by portal.middleware.HealthCheckMiddleware before host validation and the HTTPS
redirect, so an orchestrator can ask over plain HTTP with whatever Host header it uses.
Successful checks are left out of the access logs (portal/logs.py).
"""

import logging
import os
import secrets
import socket

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)

# How long the readiness probe's cache key lives; it is overwritten by every check.
CACHE_PROBE_SECONDS = 30


def database_reachable() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.warning(
            "Readiness: the database is unreachable (%s: %s)", type(error).__name__, error
        )
        return False
    return True


def cache_reachable() -> bool:
    """Writes a random value under a key of this process and reads it back."""
    key = f"health:{socket.gethostname()}:{os.getpid()}"
    value = secrets.token_hex(8)
    try:
        cache.set(key, value, timeout=CACHE_PROBE_SECONDS)
        read_back = cache.get(key)
    except Exception as error:  # every cache backend raises errors of its own
        logger.warning("Readiness: the cache is unreachable (%s: %s)", type(error).__name__, error)
        return False
    if read_back != value:
        logger.warning("Readiness: the cache did not return what was stored")
        return False
    return True


@never_cache
def live(request):
    return JsonResponse({"status": "ok"})


@never_cache
def ready(request):
    checks = {"database": database_reachable(), "cache": cache_reachable()}
    body = {name: "ok" if passed else "down" for name, passed in checks.items()}
    if all(checks.values()):
        return JsonResponse({"status": "ok", **body})
    return JsonResponse({"status": "unavailable", **body}, status=503)


# Path (as routed by portal/urls.py and portal/health_urls.py) → view, for the middleware.
HEALTH_VIEWS = {"/health/live/": live, "/health/ready/": ready}
