"""Thunderbird autoconfig, `config-v1.1.xml`, rendered from `MailSettings`.

Format: thunderbird/autoconfig `docs/index.md` and comm-central `readFromXML.sys.mjs`. Order is
preference (Thunderbird makes the first incoming server the default), so the recommended
incoming protocol comes first (draft-ietf-mailmaint-autoconfig: the first server is the
preferred one). The username is the `%EMAILADDRESS%` placeholder, so the
document is the same for every mailbox of a domain and reveals nothing about which exist.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from xml.etree import ElementTree as ET  # builds documents; requests go through defusedxml

from portal.autoconfig.advertised import advertised_endpoints
from portal.autoconfig.xmlout import add, to_bytes
from portal.mail.choices import Protocol, Security
from portal.mail.mailsettings import Endpoint, MailSettings

CONTENT_TYPE = "text/xml; charset=utf-8"
SOCKET_TYPES = {Security.SSL: "SSL", Security.STARTTLS: "STARTTLS", Security.NONE: "plain"}
USERNAME = "%EMAILADDRESS%"


@dataclass(frozen=True)
class Documentation:
    """A link to a guide Thunderbird may show with the configuration, described per language.

    draft-ietf-mailmaint-autoconfig allows several `<documentation url>` elements; the portal
    sends one per language, each linking the guide in that language with a description in it.
    """

    url: str
    descriptions: tuple[tuple[str, str], ...]  # (language code, text)


def _server(parent: ET.Element, tag: str, endpoint: Endpoint) -> None:
    server = add(parent, tag, type=endpoint.protocol)
    add(server, "hostname", endpoint.hostname)
    add(server, "port", endpoint.port)
    add(server, "socketType", SOCKET_TYPES[endpoint.security])
    add(server, "username", USERNAME)
    add(server, "authentication", "password-cleartext")


def render_config(
    mail_settings: MailSettings,
    *,
    organization: str,
    documentation: Sequence[Documentation] = (),
) -> bytes:
    """The whole `clientConfig` document as UTF-8 bytes."""
    address = mail_settings.address
    root = ET.Element("clientConfig", version="1.1")
    provider = add(root, "emailProvider", id=address.domain)
    add(provider, "domain", address.domain)
    add(provider, "displayName", f"{organization} ({address.domain_display})")
    add(provider, "displayShortName", organization)
    for protocol in mail_settings.incoming_order():
        for endpoint in advertised_endpoints(mail_settings, protocol):
            _server(provider, "incomingServer", endpoint)
    for endpoint in advertised_endpoints(mail_settings, Protocol.SMTP):
        _server(provider, "outgoingServer", endpoint)
    for guide in documentation:
        element = add(provider, "documentation", url=guide.url)
        for language, text in guide.descriptions:
            add(element, "descr", text, lang=language)
    return to_bytes(root)
