"""The client address django-axes counts failed logins against.

Behind our reverse proxy (DJANGO_PROXY_SSL_HEADER=1) every request comes from the proxy, so
the address is the last one the proxy appended to X-Forwarded-For — the only entry a client
cannot forge. Without a proxy it is the connection's own address.
"""

from django.conf import settings
from django.shortcuts import render


def client_ip(request) -> str | None:
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if addresses:
            return addresses[-1]
    return request.META.get("REMOTE_ADDR")


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' lock-out answer: a translated page with status 429 (Too Many Requests)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "cooloff_minutes": minutes}
    return render(request, "staff/lockout.html", context, status=429)
