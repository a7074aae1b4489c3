"""Host names: the one the portal is published under, and the one a request arrived on."""

from django.conf import settings as django_settings
from django.http import HttpRequest
from django.http.request import split_domain_port


def request_host_name(request: HttpRequest) -> str:
    """The Host header without the port; `get_host()` has checked it against ALLOWED_HOSTS."""
    return split_domain_port(request.get_host())[0]


def portal_hostname(request: HttpRequest) -> str:
    """PORTAL_HOSTNAME, or the host name this request arrived on."""
    return django_settings.PORTAL_HOSTNAME or request_host_name(request)


def portal_url(request: HttpRequest, path: str, scheme: str | None = None) -> str:
    """An absolute URL for `path` on the portal's public name (PORTAL_HOSTNAME if set)."""
    if not django_settings.PORTAL_HOSTNAME:
        url = request.build_absolute_uri(path)
        return f"{scheme}://{url.split('://', 1)[1]}" if scheme else url
    return f"{scheme or request.scheme}://{django_settings.PORTAL_HOSTNAME}{path}"
