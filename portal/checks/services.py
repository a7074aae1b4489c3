"""Writes: check every published endpoint of every active server and store what we saw."""

from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from portal.checks import probe
from portal.checks.models import CheckedEndpoint, EndpointCheck
from portal.mail.models import PortSetting, Server


def published_targets() -> list[probe.Target]:
    """Every active server with every port we publish: the only places the checker connects to."""
    ports = list(PortSetting.objects.order_by("protocol", "security", "port"))
    return [
        probe.Target(server.hostname, row.port, row.protocol, row.security)
        for server in Server.objects.filter(active=True).order_by("hostname")
        for row in ports
    ]


def probe_published_endpoints() -> list[probe.ProbeResult]:
    return probe.probe_all(
        published_targets(),
        timeout=settings.CHECK_MAIL_SERVERS_TIMEOUT,
        context=probe.verifying_context(settings.CHECK_MAIL_SERVERS_CA_FILE),
        workers=settings.CHECK_MAIL_SERVERS_WORKERS,
        connect_to=probe.parse_connect_to(settings.CHECK_MAIL_SERVERS_CONNECT_TO),
        ehlo_name=settings.PORTAL_HOSTNAME or "localhost",
    )


@transaction.atomic
def record_results(
    results: list[probe.ProbeResult], now: datetime, keep: int
) -> list[CheckedEndpoint]:
    """Store one check per result, update each endpoint's state, forget endpoints we no longer
    publish, and keep only the last `keep` checks per endpoint."""
    servers = {server.hostname: server for server in Server.objects.filter(active=True)}
    endpoints = []
    for result in results:
        target = result.target
        if target.hostname not in servers:  # deactivated or renamed while we were probing
            continue
        endpoint, _created = CheckedEndpoint.objects.get_or_create(
            server=servers[target.hostname],
            protocol=target.protocol,
            security=target.security,
            port=target.port,
        )
        check = EndpointCheck.objects.create(
            endpoint=endpoint,
            checked_at=now,
            problem=result.problem,
            detail=result.detail,
            greeting=result.greeting,
            login_methods=" ".join(result.login_methods)[:200],
            plain_login_refused=result.plain_login_refused,
            certificate_not_after=result.certificate.not_after if result.certificate else None,
            certificate_names_host=result.certificate.names_host if result.certificate else None,
            certificate_trusted=result.certificate.trusted if result.certificate else None,
            round_trip_ms=result.round_trip_ms,
        )
        endpoint.latest = check
        endpoint.last_checked_at = now
        if result.ok:
            endpoint.last_success_at = now
            endpoint.failing_since = None
        elif endpoint.failing_since is None:
            endpoint.failing_since = now
        endpoint.save()
        stale = endpoint.checks.order_by("-checked_at", "-pk").values_list("pk", flat=True)[keep:]
        EndpointCheck.objects.filter(pk__in=list(stale)).delete()
        endpoints.append(endpoint)
    _forget_unpublished(results)
    return endpoints


def _forget_unpublished(results: list[probe.ProbeResult]) -> None:
    published = Q(pk__in=[])
    for target in {result.target for result in results}:
        published |= Q(
            server__hostname=target.hostname,
            protocol=target.protocol,
            security=target.security,
            port=target.port,
        )
    CheckedEndpoint.objects.exclude(published).delete()


def check_mail_servers(now: datetime | None = None) -> list[probe.ProbeResult]:
    """One run: probe in parallel (no database connection held meanwhile), then store."""
    results = probe_published_endpoints()
    record_results(results, now or timezone.now(), settings.CHECK_MAIL_SERVERS_KEEP)
    return results
