"""The domain check page: a hosted domain's DNS compared with what we expect."""

import logging

from django.conf import settings as django_settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_ratelimit.core import is_ratelimited

from portal.autoconfig.forms import DomainForm
from portal.checks.dns_lookup import Lookup
from portal.checks.domain_check import DnsUnavailable, check_domain, fixes
from portal.hosts import portal_hostname
from portal.mail.selectors import mail_settings_for

logger = logging.getLogger(__name__)


def _over_limit(request: HttpRequest) -> bool:
    """Count this check against the client address's limit (in the shared cache)."""
    try:
        return is_ratelimited(
            request,
            group="domain-check",
            key="ip",  # REMOTE_ADDR, as TrustedProxyMiddleware has set it
            rate=django_settings.DOMAIN_CHECK_RATE,
            increment=True,
        )
    except Exception as error:  # the cache backend's own errors (Redis down): let it through
        logger.warning("Domain check limit not checked (%s: %s)", type(error).__name__, error)
        return False


def domain_check(request: HttpRequest) -> HttpResponse:
    form = DomainForm(request.GET if "domain" in request.GET else None)
    context: dict[str, object] = {"form": form}
    if not form.is_bound:
        return render(request, "checks/domain_check.html", context)
    if not form.is_valid():
        return render(request, "checks/domain_check.html", context, status=400)
    if _over_limit(request):
        return render(request, "checks/domain_check.html", context | {"limited": True}, status=429)
    address = form.cleaned_data["domain"]
    mail_settings = mail_settings_for(address)
    context["domain"] = address
    if not mail_settings.hosted:
        return render(request, "checks/domain_check.html", context, status=404)
    lookup = Lookup(django_settings.DOMAIN_CHECK_DNS_SECONDS)
    try:
        checks = check_domain(mail_settings, portal_hostname(request), lookup)
    except DnsUnavailable:
        return render(request, "checks/domain_check.html", context | {"dns_down": True}, status=504)
    context |= {"checks": checks, "fixes": fixes(checks), "all_ok": all(c.ok for c in checks)}
    return render(request, "checks/domain_check.html", context)
