"""One address, four renderings: the wizard's card and every machine format must agree.

Everything goes through the real views, the way a customer and their mail program meet them.
"""

import plistlib
import re
import xml.etree.ElementTree as ET

import pytest

from tests.wizard.conftest import USAGE_PHONE_AND_LAPTOP, walk

SECURITY_BY_LABEL = {"SSL/TLS": "ssl", "STARTTLS": "starttls", "Brez šifriranja": "none"}
THUNDERBIRD_SOCKET = {"SSL": "ssl", "STARTTLS": "starttls", "plain": "none"}
AUTODISCOVER_ENCRYPTION = {"SSL": "ssl", "TLS": "starttls", "None": "none"}
AUTODISCOVER_NS = (
    "{http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a}"
)
AUTODISCOVER_REQUEST = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">'
    "<Request><EMailAddress>{address}</EMailAddress>"
    "<AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"
    "</AcceptableResponseSchema></Request></Autodiscover>"
)


def card_settings(html: str) -> dict[str, tuple[str, int, str]]:
    """The recommended variant of the wizard's settings card: {"incoming"|"outgoing": (host, port, security)}."""
    recommended = html.split("settings-variant--recommended", 1)[1].split("settings-variant", 1)[0]
    rows = re.findall(
        r'<th scope="row"[^>]*>(.*?)</th>\s*<td[^>]*><code data-copy>(.*?)</code></td>\s*'
        r"<td[^>]*><code data-copy>(\d+)</code>.*?</td>\s*<td[^>]*>(.*?)</td>",
        recommended,
        re.DOTALL,
    )
    assert len(rows) == 2, rows
    (_, in_host, in_port, in_security), (_, out_host, out_port, out_security) = rows
    return {
        "incoming": (in_host, int(in_port), SECURITY_BY_LABEL[in_security.strip()]),
        "outgoing": (out_host, int(out_port), SECURITY_BY_LABEL[out_security.strip()]),
    }


def thunderbird_settings(xml: bytes, protocol: str) -> dict[str, tuple[str, int, str]]:
    provider = ET.fromstring(xml).find("emailProvider")

    def first(tag: str, kind: str) -> tuple[str, int, str]:
        server = next(s for s in provider.findall(tag) if s.get("type") == kind)
        return (
            server.findtext("hostname"),
            int(server.findtext("port")),
            THUNDERBIRD_SOCKET[server.findtext("socketType")],
        )

    return {
        "incoming": first("incomingServer", protocol),
        "outgoing": first("outgoingServer", "smtp"),
    }


def autodiscover_settings(xml: bytes, protocol: str) -> dict[str, tuple[str, int, str]]:
    account = ET.fromstring(xml).find(f"{AUTODISCOVER_NS}Response/{AUTODISCOVER_NS}Account")
    blocks = {
        p.findtext(f"{AUTODISCOVER_NS}Type"): p
        for p in account.findall(f"{AUTODISCOVER_NS}Protocol")
    }

    def endpoint(kind: str) -> tuple[str, int, str]:
        block = blocks[kind]
        return (
            block.findtext(f"{AUTODISCOVER_NS}Server"),
            int(block.findtext(f"{AUTODISCOVER_NS}Port")),
            AUTODISCOVER_ENCRYPTION[block.findtext(f"{AUTODISCOVER_NS}Encryption")],
        )

    return {"incoming": endpoint(protocol.upper()), "outgoing": endpoint("SMTP")}


def profile_settings(body: bytes) -> dict[str, tuple[str, int, str]]:
    (mail,) = plistlib.loads(body)["PayloadContent"]

    def endpoint(prefix: str) -> tuple[str, int, str]:
        return (
            mail[f"{prefix}MailServerHostName"],
            mail[f"{prefix}MailServerPortNumber"],
            "ssl" if mail[f"{prefix}MailServerUseSSL"] else "none",
        )

    return {"incoming": endpoint("Incoming"), "outgoing": endpoint("Outgoing")}


@pytest.mark.parametrize(
    ("typed", "server"),
    [("info@vasadomena.si", "streznik.avant.si"), ("info@čebelica.si", "streznik2.avant.si")],
)
@pytest.mark.parametrize("protocol", ["imap", "pop3"])
def test_wizard_card_and_every_machine_format_agree(
    client, hosted, programs, typed, server, protocol
):
    walk(client, email=typed, usage=USAGE_PHONE_AND_LAPTOP)
    card = card_settings(client.get(f"/carovnik/rezultat/?protocol={protocol}").text)

    address = "info@" + ("xn--ebelica-i6a.si" if "čebelica" in typed else "vasadomena.si")
    thunderbird = thunderbird_settings(
        client.get("/mail/config-v1.1.xml", {"emailaddress": address}).content, protocol
    )
    outlook = autodiscover_settings(
        client.post(
            "/autodiscover/autodiscover.xml",
            AUTODISCOVER_REQUEST.format(address=address),
            content_type="text/xml",
        ).content,
        protocol,
    )
    apple = profile_settings(
        client.get("/mobileconfig/", {"emailaddress": address, "protocol": protocol}).content
    )

    expected_incoming = (server, 993 if protocol == "imap" else 995, "ssl")
    assert card == {"incoming": expected_incoming, "outgoing": (server, 465, "ssl")}
    assert thunderbird == card
    assert outlook == card
    assert apple == card
