"""Liveness (the process answers) and readiness (the database answers; the cache is reported).

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
    """Ready while the database answers; without the cache the portal works, only slower.

    A replica whose cache is down still serves every page (portal/page_cache.py), so it stays
    in the load balancer ("degraded", 200) instead of every replica leaving it at once.
    """
    checks = {"database": database_reachable(), "cache": cache_reachable()}
    body = {name: "ok" if passed else "down" for name, passed in checks.items()}
    if not checks["database"]:
        return JsonResponse({"status": "unavailable", **body}, status=503)
    return JsonResponse({"status": "ok" if checks["cache"] else "degraded", **body})


# Path (as routed by portal/urls.py and portal/health_urls.py) → view, for the middleware.
HEALTH_VIEWS = {"/health/live/": live, "/health/ready/": ready}
