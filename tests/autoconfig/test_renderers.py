"""The renderers are pure: hand-built MailSettings in, bytes out, parsed with the stdlib."""

import plistlib
import uuid

import pytest

from portal.autoconfig import apple, autodiscover, dns, thunderbird
from portal.autoconfig.advertised import advertised_endpoints, domain_only_address
from portal.mail.addresses import InvalidAddress
from portal.mail.mailsettings import MailSettings, PortOption
from tests.autoconfig.expected import autodiscover_protocols, parse, thunderbird_servers
from tests.conftest import SEED_PORT_OPTIONS, hand_built_settings

PLAIN_ONLY = tuple(option for option in SEED_PORT_OPTIONS if option.security == "none")
WITH_STARTTLS_IMAP = (*SEED_PORT_OPTIONS, PortOption("imap", "starttls", 143, False))


def summary(endpoints):
    return [(e.protocol, e.hostname, e.port, e.security) for e in endpoints]


# -- which endpoints machines are offered --------------------------------------------------------


def test_machines_get_encrypted_endpoints_only_best_first():
    settings = hand_built_settings()
    assert summary(advertised_endpoints(settings, "smtp")) == [
        ("smtp", "streznik.avant.si", 465, "ssl"),
        ("smtp", "streznik.avant.si", 587, "starttls"),
    ]
    assert summary(advertised_endpoints(settings, "imap")) == [
        ("imap", "streznik.avant.si", 993, "ssl")
    ]


def test_plain_endpoints_are_offered_only_when_nothing_encrypted_exists():
    settings = hand_built_settings(ports=PLAIN_ONLY)
    assert summary(advertised_endpoints(settings, "smtp")) == [
        ("smtp", "mail.vasadomena.si", 26, "none"),
        ("smtp", "mail.vasadomena.si", 25, "none"),
    ]


@pytest.mark.parametrize(
    ("value", "ascii_domain", "display"),
    [
        ("vasadomena.si", "vasadomena.si", "vasadomena.si"),
        (" Čebelica.SI. ", "xn--ebelica-i6a.si", "čebelica.si"),
        ("xn--ebelica-i6a.si", "xn--ebelica-i6a.si", "čebelica.si"),
    ],
)
def test_domain_only_address_accepts_unicode_and_punycode(value, ascii_domain, display):
    address = domain_only_address(value)
    assert (address.local_part, address.domain, address.domain_display) == (
        "",
        ascii_domain,
        display,
    )


@pytest.mark.parametrize("value", ["", "localhost", "a@b.si", "127.0.0.1", "-x-.si", "x" * 300])
def test_domain_only_address_refuses_what_is_not_a_domain(value):
    with pytest.raises(InvalidAddress):
        domain_only_address(value)


# -- Thunderbird ---------------------------------------------------------------------------------


def render_thunderbird(settings, **kwargs):
    return thunderbird.render_config(settings, organization="NEOSERV", **kwargs)


def test_thunderbird_lists_recommended_incoming_protocol_first():
    imap_first = thunderbird_servers(render_thunderbird(hand_built_settings()))
    pop_first = thunderbird_servers(render_thunderbird(hand_built_settings().with_protocol("pop3")))
    assert [s["type"] for s in imap_first] == ["imap", "pop3", "smtp", "smtp"]
    assert [s["type"] for s in pop_first] == ["pop3", "imap", "smtp", "smtp"]


def test_thunderbird_socket_types_are_exact_and_username_is_a_placeholder():
    servers = thunderbird_servers(render_thunderbird(hand_built_settings(ports=WITH_STARTTLS_IMAP)))
    assert [(s["type"], s["hostname"], s["port"], s["socketType"]) for s in servers] == [
        ("imap", "streznik.avant.si", "993", "SSL"),
        ("imap", "streznik.avant.si", "143", "STARTTLS"),
        ("pop3", "streznik.avant.si", "995", "SSL"),
        ("smtp", "streznik.avant.si", "465", "SSL"),
        ("smtp", "streznik.avant.si", "587", "STARTTLS"),
    ]
    assert {s["username"] for s in servers} == {"%EMAILADDRESS%"}
    assert {s["authentication"] for s in servers} == {"password-cleartext"}


def test_thunderbird_writes_plain_as_plain_when_it_is_all_there_is():
    servers = thunderbird_servers(render_thunderbird(hand_built_settings(ports=PLAIN_ONLY)))
    assert {(s["hostname"], s["socketType"]) for s in servers} == {("mail.vasadomena.si", "plain")}


def test_thunderbird_escapes_documentation_url_and_names():
    documentation = thunderbird.Documentation(
        url="https://pomoc.example.si/?a=1&b=<2>", descriptions=(("sl", 'Pomoč & "nasveti"'),)
    )
    body = thunderbird.render_config(
        hand_built_settings("info@čebelica.si"),
        organization="A&B <d.o.o.>",
        documentation=(documentation,),
    )
    assert b"&amp;b=&lt;2&gt;" in body
    provider = parse(body).find("emailProvider")
    assert provider.get("id") == "xn--ebelica-i6a.si"
    assert provider.findtext("domain") == "xn--ebelica-i6a.si"
    assert provider.findtext("displayName") == "A&B <d.o.o.> (čebelica.si)"
    assert provider.find("documentation").get("url") == "https://pomoc.example.si/?a=1&b=<2>"
    assert provider.find("documentation/descr").get("lang") == "sl"
    assert provider.findtext("documentation/descr") == 'Pomoč & "nasveti"'


def test_thunderbird_document_is_the_same_for_every_mailbox_of_a_domain():
    one = render_thunderbird(hand_built_settings("info@vasadomena.si"))
    other = render_thunderbird(hand_built_settings("ne-obstaja@vasadomena.si"))
    assert one == other
    assert b"info" not in one


# -- Outlook Autodiscover ------------------------------------------------------------------------


def test_autodiscover_protocol_blocks_follow_the_recommendation():
    imap = autodiscover_protocols(autodiscover.render_settings(hand_built_settings()))
    pop = autodiscover_protocols(
        autodiscover.render_settings(hand_built_settings().with_protocol("pop3"))
    )
    assert [p["Type"] for p in imap] == ["IMAP", "POP3", "SMTP"]
    assert [p["Type"] for p in pop] == ["POP3", "IMAP", "SMTP"]
    assert imap[0] == {
        "Type": "IMAP",
        "Server": "streznik.avant.si",
        "Port": "993",
        "LoginName": "info@vasadomena.si",
        "DomainRequired": "off",
        "SPA": "off",
        "SSL": "on",
        "Encryption": "SSL",
        "AuthRequired": "on",
    }


@pytest.mark.parametrize(
    ("ports", "expected"),
    [
        ((PortOption("smtp", "starttls", 587, True),), ("587", "on", "TLS")),
        ((PortOption("smtp", "none", 26, True),), ("26", "off", "None")),
        ((PortOption("smtp", "ssl", 465, True),), ("465", "on", "SSL")),
    ],
)
def test_autodiscover_encryption_names_starttls_as_tls(ports, expected):
    (smtp,) = autodiscover_protocols(autodiscover.render_settings(hand_built_settings(ports=ports)))
    assert (smtp["Port"], smtp["SSL"], smtp["Encryption"]) == expected


def test_autodiscover_login_name_follows_the_servers_idn_setting():
    ascii_login = hand_built_settings("info@čebelica.si", login_needs_ascii=True)
    (imap, *_rest) = autodiscover_protocols(autodiscover.render_settings(ascii_login))
    assert imap["LoginName"] == "info@xn--ebelica-i6a.si"
    as_typed = hand_built_settings("info@čebelica.si")
    (imap, *_rest) = autodiscover_protocols(autodiscover.render_settings(as_typed))
    assert imap["LoginName"] == "info@čebelica.si"


def test_autodiscover_reads_the_address_from_a_request():
    body = (
        b'<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/'
        b'requestschema/2006"><Request><EMailAddress> info@vasadomena.si </EMailAddress>'
        b"</Request></Autodiscover>"
    )
    assert autodiscover.read_email_address(body) == "info@vasadomena.si"


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"", 600),
        (b"   \n", 600),
        (b"<Autodiscover", 600),
        (b"<Other><EMailAddress>a@b.si</EMailAddress></Other>", 600),
        (b"<Autodiscover><Request/></Autodiscover>", 600),
        (b"\xff\xfe\x00<", 600),
        (
            b"<Autodiscover><Request><EMailAddress>a@b.si</EMailAddress>"
            b"<AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/"
            b"mobilesync/responseschema/2006</AcceptableResponseSchema></Request></Autodiscover>",
            601,
        ),
    ],
)
def test_autodiscover_refuses_requests_it_cannot_answer(body, code):
    with pytest.raises(autodiscover.AutodiscoverError) as error:
        autodiscover.read_email_address(body)
    assert error.value.code == code


def test_autodiscover_error_document_has_the_exchange_shape():
    root = parse(autodiscover.render_error(600))
    ns = "{http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006}"
    assert root.tag == f"{ns}Autodiscover"
    assert root.findtext(f"{ns}Response/{ns}Error/{ns}ErrorCode") == "600"
    assert root.findtext(f"{ns}Response/{ns}Error/{ns}Message") == "Invalid Request"


# -- Apple profile -------------------------------------------------------------------------------


def profile(settings, with_address=True):
    return plistlib.loads(
        apple.render_profile(settings, organization="NEOSERV", with_address=with_address)
    )


def test_profile_has_the_outer_configuration_and_one_mail_payload():
    document = profile(hand_built_settings())
    assert document["PayloadType"] == "Configuration"
    assert document["PayloadVersion"] == 1
    assert document["PayloadOrganization"] == "NEOSERV"
    assert document["PayloadIdentifier"].startswith("si.vasadomena.email.")
    uuid.UUID(document["PayloadUUID"])
    (mail,) = document["PayloadContent"]
    assert mail["PayloadType"] == "com.apple.mail.managed"
    assert mail["PayloadIdentifier"] == document["PayloadIdentifier"] + ".mail"
    assert mail["PayloadUUID"] != document["PayloadUUID"]
    assert {key: value for key, value in mail.items() if not key.startswith("Payload")} == {
        "EmailAccountType": "EmailTypeIMAP",
        "EmailAddress": "info@vasadomena.si",
        "EmailAccountDescription": "info@vasadomena.si",
        "IncomingMailServerHostName": "streznik.avant.si",
        "IncomingMailServerPortNumber": 993,
        "IncomingMailServerUseSSL": True,
        "IncomingMailServerUsername": "info@vasadomena.si",
        "IncomingMailServerAuthentication": "EmailAuthPassword",
        "OutgoingMailServerHostName": "streznik.avant.si",
        "OutgoingMailServerPortNumber": 465,
        "OutgoingMailServerUseSSL": True,
        "OutgoingMailServerUsername": "info@vasadomena.si",
        "OutgoingMailServerAuthentication": "EmailAuthPassword",
        "OutgoingPasswordSameAsIncomingPassword": True,
    }


def test_profile_never_contains_a_password_key():
    (mail,) = profile(hand_built_settings())["PayloadContent"]
    assert not [
        key for key in mail if "Password" in key and key != "OutgoingPasswordSameAsIncomingPassword"
    ]


def test_pop3_profile_uses_the_pop_account_type_and_port():
    (mail,) = profile(hand_built_settings().with_protocol("pop3"))["PayloadContent"]
    assert mail["EmailAccountType"] == "EmailTypePOP"
    assert mail["IncomingMailServerPortNumber"] == 995


def test_profile_identifier_is_stable_per_address_so_a_new_profile_replaces_the_old():
    first = profile(hand_built_settings("info@vasadomena.si"))
    again = profile(hand_built_settings("info@vasadomena.si"))
    as_pop = profile(hand_built_settings("info@vasadomena.si").with_protocol("pop3"))
    other = profile(hand_built_settings("ana@vasadomena.si"))
    assert first == again
    assert as_pop["PayloadIdentifier"] == first["PayloadIdentifier"]
    assert as_pop["PayloadUUID"] != first["PayloadUUID"]  # different content, new UUID
    assert other["PayloadIdentifier"] != first["PayloadIdentifier"]


def test_domain_profile_leaves_address_and_usernames_for_the_device_to_ask():
    domain_settings = MailSettings(
        address=domain_only_address("čebelica.si"),
        ports=SEED_PORT_OPTIONS,
        server_hostname="streznik2.avant.si",
    )
    document = profile(domain_settings, with_address=False)
    (mail,) = document["PayloadContent"]
    assert "EmailAddress" not in mail
    assert "IncomingMailServerUsername" not in mail
    assert "OutgoingMailServerUsername" not in mail
    assert mail["IncomingMailServerHostName"] == "streznik2.avant.si"
    assert document["PayloadIdentifier"].startswith("si.xn--ebelica-i6a.email.")
    assert "čebelica.si" in mail["EmailAccountDescription"]
    assert b"@" not in apple.render_profile(domain_settings, organization="X", with_address=False)


def test_profile_filename_is_the_ascii_domain():
    assert apple.profile_filename(hand_built_settings("a@čebelica.si")) == (
        "xn--ebelica-i6a.si.mobileconfig"
    )


# -- DNS -----------------------------------------------------------------------------------------


def test_dns_records_point_names_at_the_portal_and_services_at_the_server():
    records = dns.records_for(hand_built_settings(), "pomoc.example.si")
    lines = dns.zone_file(records).splitlines()
    assert lines == [
        "autoconfig.vasadomena.si. 3600 IN CNAME pomoc.example.si.",
        "autodiscover.vasadomena.si. 3600 IN CNAME pomoc.example.si.",
        "_autodiscover._tcp.vasadomena.si. 3600 IN SRV 0 0 443 pomoc.example.si.",
        "_imaps._tcp.vasadomena.si. 3600 IN SRV 0 1 993 streznik.avant.si.",
        "_imap._tcp.vasadomena.si. 3600 IN SRV 0 0 0 .",
        "_pop3s._tcp.vasadomena.si. 3600 IN SRV 0 1 995 streznik.avant.si.",
        "_pop3._tcp.vasadomena.si. 3600 IN SRV 0 0 0 .",
        "_submissions._tcp.vasadomena.si. 3600 IN SRV 0 1 465 streznik.avant.si.",
        "_submission._tcp.vasadomena.si. 3600 IN SRV 10 1 587 streznik.avant.si.",
    ]
    assert [r.offered for r in records].count(False) == 2


def test_dns_advertises_starttls_imap_when_the_ports_table_has_it():
    records = dns.records_for(hand_built_settings(ports=WITH_STARTTLS_IMAP), "pomoc.example.si.")
    imap = next(r for r in records if r.name == "_imap._tcp.vasadomena.si.")
    assert (imap.data, imap.offered) == ("10 1 143 streznik.avant.si.", True)


def test_dns_names_are_ascii_for_idn_domains():
    records = dns.records_for(
        hand_built_settings("x@čebelica.si", server="streznik2.avant.si"), "pomoc.example.si"
    )
    assert all(record.name.isascii() for record in records)
    assert records[0].name == "autoconfig.xn--ebelica-i6a.si."


@pytest.mark.parametrize("protocol", ["imap", "pop3", "smtp"])
def test_the_first_endpoint_machines_get_is_the_one_the_wizard_card_shows(protocol):
    settings = hand_built_settings("info@čebelica.si", server="streznik2.avant.si")
    assert advertised_endpoints(settings, protocol)[0] == settings.endpoint(protocol, secure=True)
    assert advertised_endpoints(settings, settings.recommended_protocol)[0] == settings.incoming
    assert advertised_endpoints(settings, "smtp")[0] == settings.outgoing


def test_a_doctype_is_refused_before_any_entity_is_resolved():
    from defusedxml import DTDForbidden

    body = (
        b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<Autodiscover><Request><EMailAddress>&x;</EMailAddress></Request></Autodiscover>"
    )
    with pytest.raises(autodiscover.AutodiscoverError) as error:
        autodiscover.read_email_address(body)
    assert isinstance(error.value.__cause__, DTDForbidden)
