"""Read Thunderbird ISPDB files (`config-v1.1.xml`) into plain provider values.

The ISPDB (repository thunderbird/autoconfig, folder ispdb/) describes a provider's servers in
the same format our own autoconfig endpoint writes. Files are parsed with defusedxml (no DTDs,
no entities), so a hostile file cannot read local files or blow up memory.

Per protocol the first encrypted server wins (file order is the provider's preference); plain
servers are never taken, so no customer is ever shown a provider login without encryption.
ISPDB lists address domains and the domains of the provider's MX hosts in one `<domain>` list
(Thunderbird uses it for both), so both of our lists get every domain.
"""

from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from portal.mail.addresses import InvalidAddress, to_ascii_domain
from portal.mail.choices import Protocol, Security

MAX_FILE_BYTES = 256 * 1024
SOCKET_TYPES = {"SSL": Security.SSL, "STARTTLS": Security.STARTTLS}  # "plain" is never taken
LOCAL_PART = "%EMAILLOCALPART%"


class IspdbError(ValueError):
    """The file is not a usable ISPDB document; the message says why (in English)."""


@dataclass(frozen=True)
class IspdbServer:
    protocol: str
    hostname: str
    port: int
    security: str
    local_part_login: bool


@dataclass(frozen=True)
class IspdbProvider:
    id: str
    name: str
    domains: tuple[str, ...]
    servers: dict[str, IspdbServer] = field(default_factory=dict)  # protocol → server
    help_url: str = ""
    instruction: str = ""  # <enable><instruction>: e.g. "You need to enable IMAP access"
    skipped_plain: tuple[str, ...] = ()  # protocols offered only without encryption

    @property
    def login_with_local_part(self) -> bool:
        return bool(self.servers) and all(s.local_part_login for s in self.servers.values())


def _text(element: Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def _server(element: Element, protocol: str) -> IspdbServer | None:
    security = SOCKET_TYPES.get(_text(element.find("socketType")))
    hostname = _text(element.find("hostname")).rstrip(".").lower()
    try:
        port = int(_text(element.find("port")))
    except ValueError:
        return None
    if security is None or not hostname or not 0 < port < 65536:
        return None
    try:
        to_ascii_domain(hostname)
    except InvalidAddress:
        return None
    login = _text(element.find("username"))
    return IspdbServer(protocol, hostname, port, security, login == LOCAL_PART)


def _english(elements: list[Element]) -> str:
    for element in elements:
        if element.get("lang") in (None, "en"):
            return _text(element)
    return ""


def parse_ispdb(data: bytes) -> IspdbProvider:
    if len(data) > MAX_FILE_BYTES:
        raise IspdbError("file is larger than 256 KB")
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except (ParseError, DefusedXmlException, ValueError) as error:
        raise IspdbError(f"not well-formed XML without a DTD ({error})") from error
    provider = root.find("emailProvider")
    if root.tag != "clientConfig" or provider is None:
        raise IspdbError("not a clientConfig document with an emailProvider")
    domains = []
    for element in provider.findall("domain"):
        try:
            domains.append(to_ascii_domain(_text(element)))
        except InvalidAddress:
            continue
    servers: dict[str, IspdbServer] = {}
    offered = set()
    candidates = [(e, e.get("type", "")) for e in provider.findall("incomingServer")]
    candidates += [(e, e.get("type", "")) for e in provider.findall("outgoingServer")]
    for element, kind in candidates:
        if kind not in (Protocol.IMAP, Protocol.POP3, Protocol.SMTP):
            continue
        offered.add(kind)
        server = _server(element, kind)
        if server is not None and kind not in servers:
            servers[kind] = server
    documentation = provider.find("documentation")
    enable = provider.find("enable") if provider.find("enable") is not None else root.find("enable")
    name = _text(provider.find("displayName")) or _text(provider.find("displayShortName"))
    if not name or not provider.get("id"):
        raise IspdbError("emailProvider has no id or no displayName")
    return IspdbProvider(
        id=provider.get("id", ""),
        name=name[:100],
        domains=tuple(dict.fromkeys(domains)),
        servers=servers,
        help_url=(documentation.get("url", "") if documentation is not None else "")
        or (enable.get("visiturl", "") if enable is not None else ""),
        instruction=_english(enable.findall("instruction")) if enable is not None else "",
        skipped_plain=tuple(sorted(offered - set(servers))),
    )
