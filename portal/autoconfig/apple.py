"""Apple configuration profile (`.mobileconfig`) for one address or one domain, as bytes.

Format: apple/device-management `mdm/profiles/TopLevel.yaml` and `com.apple.mail.managed.yaml`.
The profile is unsigned (it installs with an "unsigned" label) and never carries a password.
Without an address (`with_address=False`) the payload has no `EmailAddress` and no user names,
so the device asks for them while the profile is being installed.
"""

import plistlib
import uuid

from django.utils.translation import gettext as _

from portal.autoconfig.advertised import best_endpoint
from portal.mail.choices import Protocol
from portal.mail.mailsettings import Endpoint, MailSettings

CONTENT_TYPE = "application/x-apple-aspen-config"
ACCOUNT_TYPES = {Protocol.IMAP: "EmailTypeIMAP", Protocol.POP3: "EmailTypePOP"}


def profile_identifier(mail_settings: MailSettings, with_address: bool = True) -> str:
    """Reverse DNS of the customer's domain plus a UUID of the address (or of the domain).

    It depends on nothing but the address, so installing a newer profile for the same address
    (say, POP3 instead of IMAP, or after a port change) replaces the older one.
    """
    domain = mail_settings.address.domain
    key = f"mailto:{mail_settings.address.address}" if with_address else f"domain:{domain}"
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


def profile_dict(
    mail_settings: MailSettings, *, organization: str, with_address: bool = True
) -> dict[str, object]:
    """The profile as a plain dictionary (what `render_profile` writes as a property list)."""
    protocol = mail_settings.recommended_protocol
    incoming = best_endpoint(mail_settings, protocol)
    outgoing = best_endpoint(mail_settings, Protocol.SMTP)
    if incoming is None or outgoing is None:
        raise ValueError("The ports table has no incoming or no outgoing port.")
    address = mail_settings.address
    username = mail_settings.username if with_address else None
    identifier = profile_identifier(mail_settings, with_address)
    if with_address:
        description = address.display
        display_name = _("Email %(address)s") % {"address": address.display}
    else:
        description = _("Email at %(domain)s") % {"domain": address.domain_display}
        display_name = description

    mail: dict[str, object] = {
        "PayloadType": "com.apple.mail.managed",
        "PayloadVersion": 1,
        "PayloadIdentifier": f"{identifier}.mail",
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
        mail["EmailAddress"] = address.address
    content_key = (protocol, incoming, outgoing, username)
    mail["PayloadUUID"] = _stable_uuid(identifier, "mail", *content_key)
    return {
        "PayloadType": "Configuration",
        "PayloadVersion": 1,
        "PayloadIdentifier": identifier,
        "PayloadUUID": _stable_uuid(identifier, "profile", *content_key),
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


def render_profile(
    mail_settings: MailSettings, *, organization: str, with_address: bool = True
) -> bytes:
    """The `.mobileconfig` file: an XML property list in UTF-8."""
    document = profile_dict(mail_settings, organization=organization, with_address=with_address)
    return plistlib.dumps(document, fmt=plistlib.FMT_XML, sort_keys=True)
