"""Outlook Autodiscover (POX): read the request, write the settings or an error document.

Format: MS-OXDSCLI and Microsoft's "Protocol (POX)" pages; the shape follows automx2's Outlook
generator. Requests are parsed with defusedxml with DTDs forbidden, so external entities and
entity expansion ("billion laughs") are refused before anything is resolved. The caller caps
the body size before it reaches `read_email_address()`.
"""

from xml.etree import ElementTree as ET  # builds documents; requests go through defusedxml

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as parse_untrusted

from portal.autoconfig.advertised import best_endpoint, protocol_order
from portal.autoconfig.xmlout import add, to_bytes
from portal.mail.choices import Protocol, Security
from portal.mail.mailsettings import MailSettings

CONTENT_TYPE = "application/xml; charset=utf-8"
REQUEST_SCHEMA = "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006"
RESPONSE_ROOT_SCHEMA = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"
OUTLOOK_RESPONSE_SCHEMA = (
    "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"
)
PROTOCOL_TYPES = {Protocol.IMAP: "IMAP", Protocol.POP3: "POP3", Protocol.SMTP: "SMTP"}
# <Encryption> overrides <SSL>; "TLS" means STARTTLS.
ENCRYPTION = {Security.SSL: "SSL", Security.STARTTLS: "TLS", Security.NONE: "None"}

# MS-OXDSCLI 2.2.4.1.1.3.1 ErrorCode
EMAIL_ADDRESS_NOT_FOUND = 500
INVALID_REQUEST = 600
UNSUPPORTED_SCHEMA = 601
ERROR_MESSAGES = {
    EMAIL_ADDRESS_NOT_FOUND: "The email address cannot be found.",
    INVALID_REQUEST: "Invalid Request",
    UNSUPPORTED_SCHEMA: "The requested schema is not supported.",
}


class AutodiscoverError(Exception):
    """The request cannot be answered with settings; `code` is the Autodiscover ErrorCode."""

    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


def _local_name(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def read_email_address(body: bytes) -> str:
    """The `<EMailAddress>` of a POX request, as sent (not yet validated as an address).

    Raises AutodiscoverError(600) for anything that is not a well-formed, DTD-free request,
    and AutodiscoverError(601) when the client asks for another response schema (ActiveSync).
    """
    if not body.strip():
        raise AutodiscoverError(INVALID_REQUEST)
    try:
        root = parse_untrusted(body, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except (ET.ParseError, DefusedXmlException, ValueError, UnicodeError, LookupError) as error:
        # LookupError: the XML declaration names an encoding Python does not know (or one
        # that is no text encoding, such as rot13).
        raise AutodiscoverError(INVALID_REQUEST) from error
    if _local_name(root.tag) != "Autodiscover":
        raise AutodiscoverError(INVALID_REQUEST)
    values: dict[str, str] = {}
    for element in root.iter():
        name = _local_name(element.tag)
        if name in {"EMailAddress", "AcceptableResponseSchema"} and name not in values:
            values[name] = (element.text or "").strip()
    schema = values.get("AcceptableResponseSchema")
    if schema and schema != OUTLOOK_RESPONSE_SCHEMA:
        raise AutodiscoverError(UNSUPPORTED_SCHEMA)
    if not values.get("EMailAddress"):
        raise AutodiscoverError(INVALID_REQUEST)
    return values["EMailAddress"]


def _on_off(value: bool) -> str:
    return "on" if value else "off"


def render_settings(mail_settings: MailSettings) -> bytes:
    """One `<Protocol>` per service (recommended incoming first, then the other, then SMTP)."""
    root = ET.Element("Autodiscover", xmlns=RESPONSE_ROOT_SCHEMA)
    response = add(root, "Response", xmlns=OUTLOOK_RESPONSE_SCHEMA)
    account = add(response, "Account")
    add(account, "AccountType", "email")
    add(account, "Action", "settings")
    for protocol in protocol_order(mail_settings):
        endpoint = best_endpoint(mail_settings, protocol)
        if endpoint is None:
            continue
        element = add(account, "Protocol")
        add(element, "Type", PROTOCOL_TYPES[protocol])
        add(element, "Server", endpoint.hostname)
        add(element, "Port", endpoint.port)
        add(element, "LoginName", mail_settings.username)
        add(element, "DomainRequired", "off")
        add(element, "SPA", "off")  # an absent <SPA> means "on" (NTLM), which we do not offer
        add(element, "SSL", _on_off(endpoint.encrypted))
        add(element, "Encryption", ENCRYPTION[endpoint.security])
        add(element, "AuthRequired", "on")
    return to_bytes(root)


def render_error(code: int) -> bytes:
    """The Autodiscover error document (as Exchange sends it) for an ErrorCode."""
    root = ET.Element("Autodiscover", xmlns=RESPONSE_ROOT_SCHEMA)
    response = add(root, "Response")
    error = add(response, "Error")
    add(error, "ErrorCode", code)
    add(error, "Message", ERROR_MESSAGES[code])
    add(error, "DebugData")
    return to_bytes(root)
