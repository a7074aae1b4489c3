"""Apple configuration profile (`.mobileconfig`) for one address or one domain, as bytes.

Format: apple/device-management `mdm/profiles/TopLevel.yaml` and `com.apple.mail.managed.yaml`.
The profile is unsigned (it installs with an "unsigned" label) and never carries a password.
Without an address (`with_address=False`) the payload has no `EmailAddress` and no user names,
so the device asks for them while the profile is being installed.

The profile is rendered once per domain, protocol and language with slots where the address
goes (`profile_template()`, cached by the views) and filled in per request (`fill_profile()`).
"""

import plistlib
import uuid
from dataclasses import dataclass

from django.utils.translation import gettext as _

from portal.autoconfig.advertised import LOCAL_PART, best_endpoint, with_local_part_slot
from portal.autoconfig.xmlout import fill_slots, slot
from portal.mail.addresses import EmailAddress
from portal.mail.choices import Protocol
from portal.mail.mailsettings import Endpoint, MailSettings

CONTENT_TYPE = "application/x-apple-aspen-config"
ACCOUNT_TYPES = {Protocol.IMAP: "EmailTypeIMAP", Protocol.POP3: "EmailTypePOP"}


@dataclass(frozen=True)
class ProfileTemplate:
    """A profile for one domain, protocol and language, with slots where the address goes.

    It holds nothing about the address it was first asked for, so the views cache it per
    domain; `fill_profile()` turns it into the profile for one address.
    """

    body: bytes
    content: str  # protocol and servers: what the payload UUIDs change with
    filename: str
    with_address: bool


def profile_identifier(address: EmailAddress, with_address: bool = True) -> str:
    """Reverse DNS of the customer's domain plus a UUID of the address (or of the domain).

    It depends on nothing but the address, so installing a newer profile for the same address
    (say, POP3 instead of IMAP, or after a port change) replaces the older one.
    """
    domain = address.domain
    key = f"mailto:{address.address}" if with_address else f"domain:{domain}"
    reversed_domain = ".".join(reversed(domain.split(".")))
    return f"{reversed_domain}.email.{uuid.uuid5(uuid.NAMESPACE_URL, key)}"


def profile_filename(mail_settings: MailSettings) -> str:
    """`vasadomena.si.mobileconfig`: the ASCII domain is safe in a Content-Disposition header."""
    return f"{mail_settings.address.domain}.mobileconfig"


def _server_keys(prefix: str, endpoint: Endpoint, username: str | None) -> dict[str, object]:
    keys: dict[str, object] = {
        f"{prefix}MailServerHostName": endpoint.hostname,
        f"{prefix}MailServerPortNumber": endpoint.port,
        f"{prefix}MailServerUseSSL": endpoint.encrypted,
        f"{prefix}MailServerAuthentication": "EmailAuthPassword",
    }
    if username is not None:
        keys[f"{prefix}MailServerUsername"] = username
    return keys


def _stable_uuid(identifier: str, *parts: object) -> str:
    """The same content gives the same UUID; a change of content gives a new one."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "/".join([identifier, *map(str, parts)]))).upper()


def profile_template(
    mail_settings: MailSettings, *, organization: str, with_address: bool = True
) -> ProfileTemplate:
    """The profile with slots for the identifier, the UUIDs and the address's local part.

    The local part of `mail_settings.address` is never read. Without an address
    (`with_address=False`) the payload has no `EmailAddress` and no user names.
    """
    protocol = mail_settings.recommended_protocol
    incoming = best_endpoint(mail_settings, protocol)
    outgoing = best_endpoint(mail_settings, Protocol.SMTP)
    if incoming is None or outgoing is None:
        raise ValueError("The ports table has no incoming or no outgoing port.")
    mailbox = with_local_part_slot(mail_settings)
    identifier = slot("identifier")
    username = mailbox.username if with_address else None
    if with_address:
        description = mailbox.address.display
        display_name = _("Email %(address)s") % {"address": description}
    else:
        description = _("Email at %(domain)s") % {"domain": mailbox.address.domain_display}
        display_name = description

    mail: dict[str, object] = {
        "PayloadType": "com.apple.mail.managed",
        "PayloadVersion": 1,
        "PayloadIdentifier": f"{identifier}.mail",
        "PayloadUUID": slot("mail_uuid"),
        "PayloadDisplayName": display_name,
        "PayloadDescription": _("Sets up the email account in Mail."),
        "PayloadOrganization": organization,
        "EmailAccountType": ACCOUNT_TYPES[protocol],
        "EmailAccountDescription": description,
        **_server_keys("Incoming", incoming, username),
        **_server_keys("Outgoing", outgoing, username),
        "OutgoingPasswordSameAsIncomingPassword": True,
    }
    if with_address:
        mail["EmailAddress"] = mailbox.address.address
    document = {
        "PayloadType": "Configuration",
        "PayloadVersion": 1,
        "PayloadIdentifier": identifier,
        "PayloadUUID": slot("profile_uuid"),
        "PayloadDisplayName": display_name,
        "PayloadDescription": _(
            "Adds the email account with the settings of %(organization)s. "
            "You will be asked for the password when you install it."
        )
        % {"organization": organization},
        "PayloadOrganization": organization,
        "PayloadRemovalDisallowed": False,
        "PayloadContent": [mail],
    }
    return ProfileTemplate(
        body=plistlib.dumps(document, fmt=plistlib.FMT_XML, sort_keys=True),
        content="/".join(map(str, (protocol, incoming, outgoing))),
        filename=profile_filename(mail_settings),
        with_address=with_address,
    )


def fill_profile(template: ProfileTemplate, address: EmailAddress) -> bytes:
    """The `.mobileconfig` file for `address` (only its domain, without an address)."""
    identifier = profile_identifier(address, template.with_address)
    return fill_slots(
        template.body,
        {
            "identifier": identifier,
            "profile_uuid": _stable_uuid(identifier, "profile", template.content),
            "mail_uuid": _stable_uuid(identifier, "mail", template.content),
            LOCAL_PART: address.local_part,
        },
    )


def render_profile(
    mail_settings: MailSettings, *, organization: str, with_address: bool = True
) -> bytes:
    """The `.mobileconfig` file: an XML property list in UTF-8."""
    template = profile_template(mail_settings, organization=organization, with_address=with_address)
    return fill_profile(template, mail_settings.address)
