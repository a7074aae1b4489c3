"""Admin login against password guessing: django-axes with a second, per-user-name limit.

django-axes locks a (user name, client address) pair after AXES_FAILURE_LIMIT wrong passwords.
Rotating addresses (a botnet) would get around that, so LockoutHandler also locks a user name
after PORTAL_USERNAME_FAILURE_LIMIT wrong passwords from all addresses together, counted over
the cool-off window. Both locks end by themselves AXES_COOLOFF_TIME after the last wrong
password, so nobody can lock a user out for good with a single burst; an administrator
unlocks at once by deleting the user name's rows under Axes > Access attempts.

The client address is REMOTE_ADDR, which TrustedProxyMiddleware has already set from
X-Forwarded-For when (and only when) the request came through a trusted proxy.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render
from django.utils import timezone


def client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR")


def failures_for_username(username: str) -> int:
    """Wrong passwords for this user name from every address, within the cool-off window."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    recent = AccessAttempt.objects.filter(username=username, attempt_time__gte=since)
    return recent.aggregate(total=Sum("failures_since_start"))["total"] or 0


class LockoutHandler(AxesDatabaseHandler):
    """Axes' database handler plus the lock on a user name across addresses."""

    @staticmethod
    def username_locked(request, credentials) -> bool:
        username = get_client_username(request, credentials)
        return bool(username) and (
            failures_for_username(username) >= settings.PORTAL_USERNAME_FAILURE_LIMIT
        )

    def is_locked(self, request, credentials=None) -> bool:
        """Asked before each login: the pair's lock (axes) or the user name's."""
        return super().is_locked(request, credentials) or self.username_locked(request, credentials)

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        """After axes has counted a failure: the one that reaches the limit is answered 429."""
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is not None and not getattr(request, "axes_locked_out", False):
            request.axes_locked_out = self.username_locked(request, credentials)


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' lock-out answer: a translated page with status 429 (Too Many Requests)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "cooloff_minutes": minutes}
    return render(request, "staff/lockout.html", context, status=429)
