"""Reads of the check results for the staff overview and the customers' pages."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from portal.checks.models import CheckedEndpoint
from portal.checks.summary import EndpointState, ServerCheck, attention_reasons, server_check


def _state(endpoint: CheckedEndpoint) -> EndpointState:
    latest = endpoint.latest
    return EndpointState(
        security=endpoint.security,
        checked_at=endpoint.last_checked_at,
        problem=latest.problem if latest else "",
        certificate_not_after=latest.certificate_not_after if latest else None,
        certificate_names_host=latest.certificate_names_host if latest else None,
    )


@dataclass(frozen=True)
class EndpointAttention:
    endpoint: CheckedEndpoint
    reasons: list[str]


def endpoints_needing_attention(
    now: datetime | None = None, warning_days: int | None = None
) -> list[EndpointAttention]:
    """Failing endpoints, certificates expiring soon or not naming the server; one query."""
    now = now or timezone.now()
    warning_days = settings.CHECK_CERTIFICATE_WARNING_DAYS if warning_days is None else warning_days
    rows = (
        CheckedEndpoint.objects.select_related("server", "latest")
        .filter(
            Q(failing_since__isnull=False)
            | Q(latest__certificate_not_after__lt=now + timedelta(days=warning_days))
            | Q(latest__certificate_names_host=False)
        )
        .order_by("server__hostname", "protocol", "security", "port")
    )
    attention = [
        EndpointAttention(row, attention_reasons(_state(row), now, warning_days)) for row in rows
    ]
    return [item for item in attention if item.reasons]


def server_check_for(hostname: str | None, now: datetime | None = None) -> ServerCheck | None:
    """The latest checks of a server's encrypted endpoints, summed up for a customer; one query."""
    if not hostname:
        return None
    rows = CheckedEndpoint.objects.select_related("latest").filter(
        server__hostname=hostname, server__active=True
    )
    fresh_for = timedelta(minutes=settings.CHECK_RESULT_FRESH_MINUTES)
    return server_check([_state(row) for row in rows], now or timezone.now(), fresh_for)


def server_check_context(hostname: str | None, now: datetime | None = None) -> dict[str, object]:
    """Context for templates/checks/_server_check.html (the wizard card, program guides)."""
    now = now or timezone.now()
    check = server_check_for(hostname, now)
    return {
        "server_check": check,
        "server_check_sentence": check.sentence(now) if check else "",
    }
