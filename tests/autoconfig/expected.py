"""Requests to the machine endpoints and readers of their answers, parsed with the stdlib.

Expected values stay in the tests as literals (993, streznik.avant.si): nothing here reads the
tables the code under test reads.
"""

from xml.etree import ElementTree as ET

AUTODISCOVER_REQUEST = """<?xml version="1.0" encoding="utf-8"?>
<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">
  <Request>
    <EMailAddress>{address}</EMailAddress>
    <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>
  </Request>
</Autodiscover>"""

RESPONSE_NS = "{http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006}"
OUTLOOK_NS = "{http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a}"


def autodiscover_request(address: str) -> bytes:
    return AUTODISCOVER_REQUEST.format(address=address).encode("utf-8")


def parse(body: bytes) -> ET.Element:
    """Our own output, parsed with the standard library as a client would."""
    return ET.fromstring(body)


def autodiscover_protocols(body: bytes) -> list[dict[str, str]]:
    account = parse(body).find(f"{OUTLOOK_NS}Response/{OUTLOOK_NS}Account")
    assert account is not None
    return [
        {child.tag.removeprefix(OUTLOOK_NS): child.text for child in protocol}
        for protocol in account.findall(f"{OUTLOOK_NS}Protocol")
    ]


def autodiscover_error_code(body: bytes) -> str | None:
    return parse(body).findtext(f"{RESPONSE_NS}Response/{RESPONSE_NS}Error/{RESPONSE_NS}ErrorCode")


def thunderbird_servers(body: bytes) -> list[dict[str, str]]:
    provider = parse(body).find("emailProvider")
    assert provider is not None
    return [
        {"kind": server.tag, "type": server.get("type")}
        | {child.tag: child.text for child in server}
        for server in provider
        if server.tag in {"incomingServer", "outgoingServer"}
    ]
