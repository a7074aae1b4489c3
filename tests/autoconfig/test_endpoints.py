"""The machine endpoints, end to end: every field checked against literal expected values.

The `hosted` fixture puts vasadomena.si on streznik.avant.si and čebelica.si on
streznik2.avant.si, with the seed's ports: IMAP 993, POP3 995, SMTP 465 (SSL) and 587 (STARTTLS).
"""

import plistlib

import pytest
from django.test import Client
from django.urls import reverse

from portal.autoconfig.views import mobileconfig_response
from portal.mail.addresses import parse_email
from portal.mail.models import PortSetting
from portal.mail.selectors import mail_settings_for
from tests.autoconfig.expected import (
    autodiscover_error_code,
    autodiscover_protocols,
    autodiscover_request,
    parse,
    thunderbird_servers,
)

THUNDERBIRD_PATHS = ["/mail/config-v1.1.xml", "/.well-known/autoconfig/mail/config-v1.1.xml"]
AUTODISCOVER_PATHS = [
    "/autodiscover/autodiscover.xml",
    "/Autodiscover/Autodiscover.xml",
    "/AUTODISCOVER/AUTODISCOVER.XML",
]
# (address as typed, the server of its domain): hosted, IDN (Unicode and punycode), and a
# mailbox nobody created (the endpoints must not tell which mailboxes exist).
ADDRESSES = [
    ("info@vasadomena.si", "streznik.avant.si"),
    ("info@čebelica.si", "streznik2.avant.si"),
    ("Ana.Novak@XN--EBELICA-I6A.SI", "streznik2.avant.si"),
    ("ne-obstaja-123@vasadomena.si", "streznik.avant.si"),
]


def post_autodiscover(client, body, path=AUTODISCOVER_PATHS[0], content_type="text/xml", **extra):
    return client.post(path, body, content_type=content_type, **extra)


# -- Thunderbird ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", THUNDERBIRD_PATHS)
@pytest.mark.parametrize(("typed", "server"), ADDRESSES)
def test_thunderbird_config_lists_the_servers_and_ports(client, hosted, path, typed, server):
    response = client.get(path, {"emailaddress": typed})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    assert "WWW-Authenticate" not in response
    assert [
        (s["kind"], s["type"], s["hostname"], s["port"], s["socketType"])
        for s in thunderbird_servers(response.content)
    ] == [
        ("incomingServer", "imap", server, "993", "SSL"),
        ("incomingServer", "pop3", server, "995", "SSL"),
        ("outgoingServer", "smtp", server, "465", "SSL"),
        ("outgoingServer", "smtp", server, "587", "STARTTLS"),
    ]
    provider = parse(response.content).find("emailProvider")
    assert provider.findtext("domain") == parse_email(typed).domain
    # One guide per language (draft-ietf-mailmaint-autoconfig): the wizard in that language.
    assert [
        (d.get("url"), [(t.get("lang"), t.text) for t in d.findall("descr")])
        for d in provider.findall("documentation")
    ] == [
        (
            "http://testserver/carovnik/",
            [("sl", "Navodila po korakih: vaše nastavitve in koraki za Thunderbird")],
        ),
        (
            "http://testserver/en/wizard/",
            [("en", "Step-by-step guide: your settings and the steps for Thunderbird")],
        ),
    ]


def test_thunderbird_follows_a_port_change_in_the_admin(client, hosted):
    PortSetting.objects.filter(protocol="imap", security="ssl").update(port=9993)
    response = client.get(THUNDERBIRD_PATHS[0], {"emailaddress": "info@vasadomena.si"})
    assert thunderbird_servers(response.content)[0]["port"] == "9993"


def test_thunderbird_answers_an_unknown_mailbox_exactly_like_a_known_one(client, hosted):
    known = client.get(THUNDERBIRD_PATHS[0], {"emailaddress": "info@vasadomena.si"})
    unknown = client.get(THUNDERBIRD_PATHS[0], {"emailaddress": "nobody-here@vasadomena.si"})
    assert known.content == unknown.content


@pytest.mark.parametrize(
    ("host", "path"),
    [
        ("autoconfig.vasadomena.si", "/mail/config-v1.1.xml"),
        ("vasadomena.si", "/.well-known/autoconfig/mail/config-v1.1.xml"),
        ("autoconfig.xn--ebelica-i6a.si:443", "/mail/config-v1.1.xml"),
    ],
)
def test_thunderbird_without_an_address_takes_the_domain_from_the_host(client, hosted, host, path):
    response = client.get(path, headers={"host": host})
    assert response.status_code == 200
    domain = host.split(":")[0].removeprefix("autoconfig.")
    assert parse(response.content).find("emailProvider").get("id") == domain


def test_thunderbird_without_an_address_on_the_portals_own_host_is_a_bad_request(client, hosted):
    assert client.get(THUNDERBIRD_PATHS[0]).status_code == 400  # "testserver" is no domain
    assert client.get(THUNDERBIRD_PATHS[0], headers={"host": "pomoc.example.si"}).status_code == 404


def test_thunderbird_domain_we_do_not_host_is_not_found(client, hosted):
    response = client.get(THUNDERBIRD_PATHS[0], {"emailaddress": "info@drugadomena.si"})
    assert response.status_code == 404


def test_thunderbird_only_answers_get_and_head(client, hosted):
    assert (
        client.head(THUNDERBIRD_PATHS[0], {"emailaddress": "info@vasadomena.si"}).status_code == 200
    )
    assert (
        client.post(THUNDERBIRD_PATHS[0], {"emailaddress": "info@vasadomena.si"}).status_code == 405
    )


# -- Outlook Autodiscover ------------------------------------------------------------------------


@pytest.mark.parametrize("path", AUTODISCOVER_PATHS)
@pytest.mark.parametrize(("typed", "server"), ADDRESSES)
def test_autodiscover_lists_the_servers_and_ports(client, hosted, path, typed, server):
    response = post_autodiscover(client, autodiscover_request(typed), path)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert "WWW-Authenticate" not in response
    login = parse_email(typed).address
    common = {"LoginName": login, "DomainRequired": "off", "SPA": "off", "AuthRequired": "on"}
    encrypted = {"SSL": "on", "Encryption": "SSL"}
    assert autodiscover_protocols(response.content) == [
        {"Type": "IMAP", "Server": server, "Port": "993"} | common | encrypted,
        {"Type": "POP3", "Server": server, "Port": "995"} | common | encrypted,
        {"Type": "SMTP", "Server": server, "Port": "465"} | common | encrypted,
    ]


def test_autodiscover_needs_no_csrf_token(hosted):
    client = Client(enforce_csrf_checks=True)
    response = post_autodiscover(client, autodiscover_request("info@vasadomena.si"))
    assert response.status_code == 200
    assert autodiscover_protocols(response.content)[0]["Server"] == "streznik.avant.si"


def test_autodiscover_accepts_application_xml_with_a_charset(client, hosted):
    response = post_autodiscover(
        client,
        autodiscover_request("info@vasadomena.si"),
        content_type="application/xml; charset=utf-8",
    )
    assert response.status_code == 200
    assert [(p["Type"], p["Port"]) for p in autodiscover_protocols(response.content)] == [
        ("IMAP", "993"),
        ("POP3", "995"),
        ("SMTP", "465"),
    ]


def test_autodiscover_for_a_domain_we_do_not_host_is_an_error_document(client, hosted):
    response = post_autodiscover(client, autodiscover_request("info@drugadomena.si"))
    assert response.status_code == 404
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert autodiscover_error_code(response.content) == "500"


@pytest.mark.parametrize("method", ["get", "head", "put", "delete", "options"])
def test_autodiscover_answers_only_post(client, hosted, method):
    response = getattr(client, method)(AUTODISCOVER_PATHS[1])
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert "WWW-Authenticate" not in response


def test_autodiscover_over_plain_http_redirects_to_the_portals_https_name(client, settings, hosted):
    settings.SECURE_SSL_REDIRECT = True
    settings.PORTAL_HOSTNAME = "pomoc.example.si"
    response = client.get(
        "/Autodiscover/Autodiscover.xml", headers={"host": "autodiscover.vasadomena.si"}
    )
    assert response.status_code == 302
    assert response["Location"] == "https://pomoc.example.si/Autodiscover/Autodiscover.xml"
    secure = post_autodiscover(client, autodiscover_request("info@vasadomena.si"), secure=True)
    assert secure.status_code == 200


def test_thunderbird_answers_over_plain_http_even_when_the_site_redirects(client, settings, hosted):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get(
        "/mail/config-v1.1.xml",
        {"emailaddress": "info@vasadomena.si"},
        headers={"host": "autoconfig.vasadomena.si"},
    )
    assert response.status_code == 200
    assert thunderbird_servers(response.content)[0]["hostname"] == "streznik.avant.si"
    assert client.get("/", headers={"host": "pomoc.example.si"}).status_code == 301


# -- Apple profile -------------------------------------------------------------------------------


def mail_payload(response):
    document = plistlib.loads(response.content)
    (mail,) = document["PayloadContent"]
    return document, mail


@pytest.mark.parametrize(("typed", "server"), ADDRESSES)
def test_profile_carries_the_server_ports_and_address(client, hosted, typed, server):
    response = client.get(reverse("autoconfig:mobileconfig"), {"emailaddress": typed})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-apple-aspen-config"
    ascii_domain = parse_email(typed).domain
    assert response["Content-Disposition"] == f'attachment; filename="{ascii_domain}.mobileconfig"'
    document, mail = mail_payload(response)
    address = parse_email(typed).address
    assert document["PayloadOrganization"] == "NEOSERV"
    assert mail["EmailAccountType"] == "EmailTypeIMAP"
    assert mail["EmailAddress"] == address
    assert (
        mail["IncomingMailServerHostName"],
        mail["IncomingMailServerPortNumber"],
        mail["IncomingMailServerUseSSL"],
        mail["IncomingMailServerUsername"],
    ) == (server, 993, True, address)
    assert (
        mail["OutgoingMailServerHostName"],
        mail["OutgoingMailServerPortNumber"],
        mail["OutgoingMailServerUseSSL"],
        mail["OutgoingMailServerUsername"],
    ) == (server, 465, True, address)


def test_pop3_profile_on_request(client, hosted):
    response = client.get(
        reverse("autoconfig:mobileconfig"), {"emailaddress": "info@čebelica.si", "protocol": "pop3"}
    )
    _document, mail = mail_payload(response)
    assert mail["EmailAccountType"] == "EmailTypePOP"
    assert mail["IncomingMailServerPortNumber"] == 995
    assert mail["IncomingMailServerHostName"] == "streznik2.avant.si"


def test_domain_profile_carries_no_address(client, hosted):
    response = client.get(reverse("autoconfig:mobileconfig"), {"domain": "čebelica.si"})
    assert response.status_code == 200
    document, mail = mail_payload(response)
    assert "EmailAddress" not in mail
    assert "IncomingMailServerUsername" not in mail
    assert mail["IncomingMailServerHostName"] == "streznik2.avant.si"
    assert document["PayloadIdentifier"].startswith("si.xn--ebelica-i6a.email.")


@pytest.mark.parametrize(
    "query",
    [{"emailaddress": "info@drugadomena.si"}, {"domain": "drugadomena.si"}],
)
def test_profile_for_a_domain_we_do_not_host_is_not_found(client, hosted, query):
    assert client.get(reverse("autoconfig:mobileconfig"), query).status_code == 404


@pytest.mark.parametrize(
    "query",
    [{}, {"emailaddress": "info@vasadomena.si", "protocol": "smtp"}, {"domain": "a@b.si"}],
)
def test_profile_needs_an_address_or_a_domain_and_a_real_protocol(client, hosted, query):
    assert client.get(reverse("autoconfig:mobileconfig"), query).status_code == 400


def test_mobileconfig_response_is_what_the_endpoint_serves(client, hosted):
    settings = mail_settings_for(parse_email("info@vasadomena.si"), "pop3")
    direct = mobileconfig_response(settings)
    served = client.get(
        reverse("autoconfig:mobileconfig"),
        {"emailaddress": "info@vasadomena.si", "protocol": "pop3"},
    )
    assert direct.content == served.content
    assert direct["Content-Type"] == served["Content-Type"]
    assert direct["Content-Disposition"] == served["Content-Disposition"]


def test_mobileconfig_response_refuses_a_domain_we_do_not_host(hosted):
    from django.http import Http404

    with pytest.raises(Http404):
        mobileconfig_response(mail_settings_for(parse_email("info@drugadomena.si")))


# -- queries -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.get(THUNDERBIRD_PATHS[0], {"emailaddress": "info@vasadomena.si"}),
        lambda c: c.get(THUNDERBIRD_PATHS[1], headers={"host": "vasadomena.si"}),
        lambda c: post_autodiscover(c, autodiscover_request("info@čebelica.si")),
        lambda c: c.get("/mobileconfig/", {"emailaddress": "info@vasadomena.si"}),
        lambda c: c.get("/mobileconfig/", {"domain": "vasadomena.si"}),
        lambda c: c.get("/dns/", {"domain": "vasadomena.si"}),
        lambda c: c.get("/en/dns/", {"domain": "drugadomena.si"}),
    ],
    ids=[
        "thunderbird",
        "thunderbird-host",
        "autodiscover",
        "profile",
        "profile-domain",
        "dns",
        "dns-unknown",
    ],
)
def test_each_endpoint_makes_at_most_three_queries(
    client, hosted, django_assert_max_num_queries, call, request
):
    # The DNS pages are HTML: their footer reads the support contact, one more query.
    budget = 4 if request.node.callspec.id in {"dns", "dns-unknown"} else 3
    with django_assert_max_num_queries(budget):
        response = call(client)
    assert response.status_code in {200, 404}
