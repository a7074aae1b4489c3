"""Thin views for the machine endpoints: read the input, look up `MailSettings`, render.

Every endpoint answers without authentication (never with `WWW-Authenticate`), never stores or
logs what it was sent, and turns bad input into a 4xx. Each makes at most the two queries of
`mail_settings_for()`, and none while the domain's document is cached: Thunderbird's document,
the Autodiscover response and the Apple profile are rendered once per domain (and protocol and
language) and content version; the address is filled in afterwards and never reaches the cache
(docs/performance-tuning.md). Machine formats recommend IMAP by default (see
docs/machine-formats.md).
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from portal.autoconfig import apple, autodiscover, thunderbird
from portal.autoconfig.advertised import (
    LOCAL_PART,
    can_configure,
    domain_only_address,
    with_local_part_slot,
)
from portal.autoconfig.signing import signed_if_configured
from portal.autoconfig.xmlout import fill_slots
from portal.errors import ExplainedNotFound
from portal.hosts import portal_url, request_host_name
from portal.localized import current_language
from portal.mail.addresses import EmailAddress, InvalidAddress, parse_email
from portal.mail.choices import INCOMING_PROTOCOLS, Protocol
from portal.mail.mailsettings import MailSettings
from portal.mail.selectors import mail_settings_for
from portal.page_cache import (
    cache_host,
    cached_public_document,
    get_or_build,
    get_or_build_versioned,
    public_response,
)

MAX_AUTODISCOVER_BODY = 64 * 1024
XML_CONTENT_TYPES = {"text/xml", "application/xml"}
AUTOCONFIG_HOST_PREFIX = "autoconfig."
DOCUMENTATION_DESCRIPTION = gettext_noop(
    "Step-by-step guide: your settings and the steps for Thunderbird"
)
NO_SETTINGS = "this domain is not hosted here, or no settings are published for it"


def _in_language(language: str, message: str) -> str:
    with translation.override(language):
        return translation.gettext(message)


def _plain(status: int, message: str) -> HttpResponse:
    return HttpResponse(message + "\n", status=status, content_type="text/plain; charset=utf-8")


# -- Thunderbird autoconfig ---------------------------------------------------------------------


def _autoconfig_address(request: HttpRequest) -> EmailAddress:
    """`?emailaddress=`, or, when it is absent, the domain from the Host header.

    Thunderbird asks `autoconfig.<domain>/mail/config-v1.1.xml?emailaddress=…` and
    `<domain>/.well-known/autoconfig/mail/config-v1.1.xml` (the latter without the address in
    some versions). The document is the same for every mailbox of a domain (the username is
    `%EMAILADDRESS%`), so the domain alone is enough. On `autoconfig.<the domain of our MX>`
    (settings.AUTOCONFIG_MX_HOSTS, see mx_hosts.py) the address is required. Raises
    InvalidAddress.
    """
    if "emailaddress" in request.GET:
        return parse_email(request.GET["emailaddress"])
    host = request_host_name(request)
    if host in settings.AUTOCONFIG_MX_HOSTS:
        # The shared host derived from our MX serves every customer domain: it needs the address.
        raise InvalidAddress(host)
    return domain_only_address(host.removeprefix(AUTOCONFIG_HOST_PREFIX))


def _thunderbird_key(request: HttpRequest, address: EmailAddress) -> str:
    # The document is the same for every mailbox of a domain: built once per content version.
    return f"autoconfig:{request.scheme}:{cache_host(request)}:{address.domain}"


def _thunderbird_key_or_none(request: HttpRequest) -> str | None:
    try:
        return _thunderbird_key(request, _autoconfig_address(request))
    except InvalidAddress:
        return None


def _thunderbird_response(body: bytes) -> HttpResponse:
    return HttpResponse(body, content_type=thunderbird.CONTENT_TYPE)


# A cached document is answered by PublicPageCacheMiddleware, before the rest of the stack.
@cached_public_document(_thunderbird_key_or_none, _thunderbird_response)
@require_safe
def thunderbird_config(request: HttpRequest) -> HttpResponse:
    try:
        address = _autoconfig_address(request)
    except InvalidAddress:
        return _plain(400, "emailaddress is missing or not a valid email address")
    key = _thunderbird_key(request, address)
    version, body = get_or_build_versioned(key, lambda: _thunderbird_document(request, address))
    if body is None:
        return _plain(404, NO_SETTINGS)
    # The same for every visitor: browsers, the proxy and CDNs may keep it (portal/page_cache.py).
    return public_response(request, _thunderbird_response(body), version)


def _thunderbird_document(request: HttpRequest, address: EmailAddress) -> bytes | None:
    mail_settings = mail_settings_for(address, Protocol.IMAP, with_providers=False)
    if not mail_settings.hosted or not can_configure(mail_settings, INCOMING_PROTOCOLS):
        return None
    return thunderbird.render_config(
        mail_settings,
        organization=settings.PORTAL_ORGANIZATION,
        documentation=_setup_guides(request),
    )


def _setup_guides(request: HttpRequest) -> tuple[thunderbird.Documentation, ...]:
    """One `<documentation>` per language: the setup wizard in that language, which shows the
    customer's own settings and Thunderbird's steps (the same for every address of a domain)."""
    guides = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            url = portal_url(request, reverse("wizard:start"))
        guides.append(
            thunderbird.Documentation(url, ((code, _in_language(code, DOCUMENTATION_DESCRIPTION)),))
        )
    return tuple(guides)


# -- Outlook Autodiscover -----------------------------------------------------------------------


def _autodiscover_error(code: int, status: int) -> HttpResponse:
    return HttpResponse(
        autodiscover.render_error(code), status=status, content_type=autodiscover.CONTENT_TYPE
    )


def _content_length(request: HttpRequest) -> int | None:
    """The announced body length; None when the header is not a non-negative number."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None
    return length if length >= 0 else None


def _read_capped_body(request: HttpRequest, announced: int) -> bytes | None:
    """At most MAX_AUTODISCOVER_BODY bytes, or None if the client sends (or announces) more.

    Reads the stream directly (not `request.body`), so Django's own, larger upload limit never
    gets to raise RequestDataTooBig and nothing beyond the cap is ever buffered.
    """
    if announced > MAX_AUTODISCOVER_BODY:
        return None
    body = request.read(MAX_AUTODISCOVER_BODY + 1)
    return None if len(body) > MAX_AUTODISCOVER_BODY else body


@csrf_exempt
def outlook_autodiscover(request: HttpRequest) -> HttpResponse:
    if settings.SECURE_SSL_REDIRECT and not request.is_secure():
        # Outlook's "HTTP redirect" method: send it to the portal's own HTTPS name (a same-host
        # HTTPS redirect would hit autodiscover.<customer domain>, which has no certificate).
        return HttpResponseRedirect(portal_url(request, request.path, scheme="https"))
    if request.method != "POST":
        response = _plain(405, "POST an Autodiscover request")
        response["Allow"] = "POST"
        return response
    if request.content_type not in XML_CONTENT_TYPES:
        return _autodiscover_error(autodiscover.INVALID_REQUEST, 415)
    announced = _content_length(request)
    if announced is None:
        return _autodiscover_error(autodiscover.INVALID_REQUEST, 400)
    body = _read_capped_body(request, announced)
    if body is None:
        return _autodiscover_error(autodiscover.INVALID_REQUEST, 413)
    try:
        address = parse_email(autodiscover.read_email_address(body))
    except autodiscover.AutodiscoverError as error:
        return _autodiscover_error(error.code, 400)
    except InvalidAddress:
        return _autodiscover_error(autodiscover.INVALID_REQUEST, 400)
    # The same for every mailbox of a domain: built once per content version (see
    # `with_local_part_slot`); the local part is filled in here and never cached.
    template = get_or_build(
        f"autodiscover:{Protocol.IMAP}:{address.domain}", lambda: _autodiscover_template(address)
    )
    if template is None:
        return _autodiscover_error(autodiscover.EMAIL_ADDRESS_NOT_FOUND, 404)
    return HttpResponse(
        fill_slots(template, {LOCAL_PART: address.local_part}),
        content_type=autodiscover.CONTENT_TYPE,
    )


def _autodiscover_template(address: EmailAddress) -> bytes | None:
    mail_settings = mail_settings_for(address, Protocol.IMAP, with_providers=False)
    if not mail_settings.hosted or not can_configure(mail_settings, INCOMING_PROTOCOLS):
        return None
    return autodiscover.render_settings(with_local_part_slot(mail_settings))


# -- Apple configuration profile ----------------------------------------------------------------


def _profile_response(template: apple.ProfileTemplate, address: EmailAddress) -> HttpResponse:
    response = HttpResponse(
        signed_if_configured(apple.fill_profile(template, address)), content_type=apple.CONTENT_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="{template.filename}"'
    response["Cache-Control"] = "no-store"
    return response


def _profile_template(mail_settings: MailSettings, *, with_address: bool) -> apple.ProfileTemplate:
    return apple.profile_template(
        mail_settings, organization=settings.PORTAL_ORGANIZATION, with_address=with_address
    )


def mobileconfig_response(mail_settings: MailSettings) -> HttpResponse:
    """The Apple profile for this address (the wizard's download button uses it too).

    `mail_settings.recommended_protocol` decides IMAP or POP3. A domain we do not host has no
    server for encrypted connections, so it gets a 404 rather than a profile.
    """
    if not mail_settings.hosted:
        raise ExplainedNotFound(_("This domain is not hosted here."))
    if not can_configure(mail_settings, (mail_settings.recommended_protocol,)):
        raise ExplainedNotFound(
            _(
                "We cannot make a profile for a %(protocol)s account yet: its server settings "
                "are not published. Please contact our support team."
            )
            % {"protocol": Protocol(mail_settings.recommended_protocol).label}
        )
    return _profile_response(
        _profile_template(mail_settings, with_address=True), mail_settings.address
    )


@require_safe
def mobileconfig(request: HttpRequest) -> HttpResponse:
    """`?emailaddress=` (profile with the address) or `?domain=` (the device asks for it).

    `&protocol=pop3` gives a POP3 account; the default is IMAP.
    """
    protocol = request.GET.get("protocol", Protocol.IMAP)
    if protocol not in INCOMING_PROTOCOLS:
        return _plain(400, "protocol must be imap or pop3")
    try:
        if "emailaddress" in request.GET:
            address, with_address = parse_email(request.GET["emailaddress"]), True
        elif "domain" in request.GET:
            address, with_address = domain_only_address(request.GET["domain"]), False
        else:
            return _plain(400, "emailaddress or domain is required")
    except InvalidAddress:
        return _plain(400, "not a valid email address or domain")
    # The same for every mailbox of a domain: built once per content version and language;
    # the address is filled in per request and never cached.
    kind = "address" if with_address else "domain"
    found = get_or_build(
        f"mobileconfig:{current_language()}:{protocol}:{kind}:{address.domain}",
        lambda: _domain_profile(address, protocol, with_address=with_address),
    )
    if found is None:
        return _plain(404, "this domain is not hosted here")
    if isinstance(found, str):
        return _plain(404, found)
    return _profile_response(found, address)


def _domain_profile(
    address: EmailAddress, protocol: str, *, with_address: bool
) -> apple.ProfileTemplate | str | None:
    """The domain's profile template; None for a domain we do not host (not kept), or why
    a hosted domain has none (kept, as the template would be)."""
    mail_settings = mail_settings_for(address, protocol, with_providers=False)
    if not mail_settings.hosted:
        return None
    if not can_configure(mail_settings, (protocol,)):
        return f"no {protocol} settings are published for this domain"
    return _profile_template(mail_settings, with_address=with_address)
