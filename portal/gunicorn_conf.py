"""Gunicorn settings for production: `gunicorn -c python:portal.gunicorn_conf portal.wsgi`.

The Docker image runs exactly that. Environment variables:
  PORT             the port to listen on, on all interfaces (default 8000)
  WEB_CONCURRENCY  worker processes (default 2; about twice the CPU cores plus one on a dedicated host)
  GUNICORN_TIMEOUT seconds a worker may spend on one request before it is restarted (default 30)
  GUNICORN_MAX_REQUESTS requests a worker serves before it is replaced (default 100,000, plus
                   up to a tenth at random; 0: never)
Command-line options win over this file (the production-path test passes --bind).
"""

import os

from portal.logs import GUNICORN_ACCESS_FORMAT

bind = [f"0.0.0.0:{os.environ.get('PORT', '8000')}"]
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
# Recycle workers now and then so that a slow leak cannot grow without bound, but rarely: a
# restart costs a burst of slow requests (a fresh worker imports Django, opens a database
# connection and starts with an empty local cache). At 2,000 requests a worker restarted every
# 1-3 seconds under load and p99 went from under 10 ms to hundreds. 100,000 requests is
# minutes at full load and days at normal load; the jitter keeps the workers from restarting
# together. GUNICORN_MAX_REQUESTS=0 turns recycling off (docs/performance-tuning.md).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "100000"))
max_requests_jitter = max_requests // 10
# The load balancer keeps connections open between requests.
keepalive = 5
# Load the application in each worker, not in the master, so no database connection is ever
# shared across a fork.
preload_app = False
# No control socket: it would go to $HOME (read-only in the image) and two gunicorns on one
# machine would share its path. Worker heartbeats in memory, not on the container's disk.
control_socket_disable = True
# gunicorn creates its files there with mkstemp, so a shared folder is safe.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
# Behind a proxy, X-Forwarded-Proto and X-Forwarded-For reach Django unchanged and Django
# decides whether to believe them (PORTAL_TRUSTED_PROXIES, portal/proxies.py); gunicorn itself
# believes no scheme header, whatever address the request comes from.
secure_scheme_headers: dict[str, str] = {}

# Logs: one JSON object per line on stdout, access lines included, successful health checks
# left out (portal/logs.py).
accesslog = "-"
access_log_format = GUNICORN_ACCESS_FORMAT
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "portal.logs.JSONFormatter"}},
    "filters": {"skip_health_checks": {"()": "portal.logs.SkipSuccessfulHealthChecks"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
            "filters": ["skip_health_checks"],
        },
    },
    "root": {"level": "INFO", "handlers": ["stdout"]},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["stdout"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": ["stdout"], "propagate": False},
    },
}
