"""The thin view for `autodiscover.json` (see `autodiscover_json.py` for the format).

The address (in `Email=` or in the path) is only checked for its form; it is never stored,
never logged (portal.logs.RedactEmailAddresses removes it from request log lines) and never
written into the answer.
"""

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from portal.autoconfig import autodiscover_json
from portal.hosts import portal_url
from portal.mail.addresses import InvalidAddress, parse_email


def _query_value(request: HttpRequest, name: str) -> str | None:
    """A query parameter by name in any letter case (`Protocol`, `protocol`, `PROTOCOL`)."""
    for key, value in request.GET.items():
        if key.lower() == name.lower():
            return value
    return None


def _is_valid_address(value: str | None) -> bool:
    try:
        parse_email(value or "")
    except InvalidAddress:
        return False
    return True


@require_safe
def outlook_autodiscover_json(request: HttpRequest, address: str | None = None) -> HttpResponse:
    if address is None:
        address = _query_value(request, "Email")
    pox_url = portal_url(request, reverse("autoconfig:outlook"), scheme="https")
    answer = autodiscover_json.answer(
        _query_value(request, "Protocol"), _is_valid_address(address), pox_url
    )
    return HttpResponse(
        answer.body, status=answer.status, content_type=autodiscover_json.CONTENT_TYPE
    )
