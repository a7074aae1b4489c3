"""Which endpoints the machine formats advertise, shared by every renderer in this package.

A mail program configured by a machine format cannot show the label "not recommended", so the
machine formats offer only encrypted endpoints (SSL/TLS first, then STARTTLS) whenever the
ports table has any; plain connections appear only when nothing encrypted exists for that
protocol. The first endpoint is always `MailSettings.endpoint(protocol, secure=True)`, the same
one the wizard's settings card shows for a hosted domain.
"""

from dataclasses import replace

from portal.autoconfig.xmlout import slot
from portal.mail.addresses import EmailAddress, InvalidAddress, to_ascii_domain, to_unicode_domain
from portal.mail.choices import Protocol
from portal.mail.mailsettings import Endpoint, MailSettings

LOCAL_PART = "local_part"


def advertised_endpoints(mail_settings: MailSettings, protocol: str) -> list[Endpoint]:
    """Encrypted endpoints best first; the plain ones only if there is nothing encrypted."""
    endpoints = mail_settings.endpoints(protocol)
    encrypted = [endpoint for endpoint in endpoints if endpoint.encrypted]
    return encrypted or endpoints


def best_endpoint(mail_settings: MailSettings, protocol: str) -> Endpoint | None:
    endpoints = advertised_endpoints(mail_settings, protocol)
    return endpoints[0] if endpoints else None


def can_configure(mail_settings: MailSettings, incoming: tuple[str, ...]) -> bool:
    """True when the ports table offers SMTP and at least one of the `incoming` protocols.

    Without both, a machine format would describe an account the program cannot use, so the
    endpoints answer 404 with a message instead (the ports table is staff-edited data).
    """
    has_incoming = any(best_endpoint(mail_settings, protocol) for protocol in incoming)
    return has_incoming and best_endpoint(mail_settings, Protocol.SMTP) is not None


def protocol_order(mail_settings: MailSettings) -> tuple[str, str, str]:
    """Recommended incoming protocol, the other incoming protocol, then SMTP."""
    return (*mail_settings.incoming_order(), Protocol.SMTP)


def domain_only_address(value: str) -> EmailAddress:
    """An address with an empty local part, for look-ups by domain alone (`?domain=`, Host).

    `mail_settings_for()` only reads the domain; renderers given such settings must be told
    not to write the address (see `apple.render_profile(with_address=False)`).
    Raises InvalidAddress for anything that is not a domain name.
    """
    ascii_domain = to_ascii_domain(value)
    return EmailAddress("", ascii_domain, to_unicode_domain(ascii_domain))


def with_local_part_slot(mail_settings: MailSettings) -> MailSettings:
    """The same settings for the address `{{local_part}}@<domain>`.

    A document rendered from them is the same for every mailbox of the domain (the login
    form, ASCII or Unicode domain, is still decided per domain), so the views cache it and
    `fill_slots(document, {"local_part": ...})` puts the mailbox in per request: the address
    never reaches the cache.
    """
    address = replace(mail_settings.address, local_part=slot(LOCAL_PART))
    return replace(mail_settings, address=address)


__all__ = [
    "InvalidAddress",
    "advertised_endpoints",
    "best_endpoint",
    "can_configure",
    "domain_only_address",
    "protocol_order",
    "with_local_part_slot",
]
