"""Template tags that put the live checks into other apps' pages without those apps importing
this one (the help centre's staff overview, the wizard's settings card):

    {% load live_checks %}{% mail_server_checks %}
    {% load live_checks %}{% server_check settings.server_hostname %}

Each runs one query.
"""

from django import template
from django.conf import settings

from portal.checks.selectors import endpoints_needing_attention, server_check_context

register = template.Library()


@register.inclusion_tag("checks/_staff_overview.html")
def mail_server_checks() -> dict[str, object]:
    return {
        "mail_server_checks": endpoints_needing_attention(),
        "certificate_warning_days": settings.CHECK_CERTIFICATE_WARNING_DAYS,
    }


@register.inclusion_tag("checks/_server_check.html")
def server_check(hostname: str | None) -> dict[str, object]:
    return server_check_context(hostname)
