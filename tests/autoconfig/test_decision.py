"""The machine formats follow the wizard's decision: ours by MX → our server; a provider → not ours."""

import plistlib

import pytest

from portal.mail.models import MailProvider, Server
from tests.autoconfig.expected import (
    autodiscover_error_code,
    autodiscover_protocols,
    autodiscover_request,
    thunderbird_servers,
)


@pytest.fixture
def mx_and_providers(hosted):
    Server.objects.filter(hostname="streznik.avant.si").update(mx_names="mx1.avant.si")
    MailProvider.objects.create(
        slug="google",
        name="Google (Gmail)",
        address_domains="gmail.com\ngooglemail.com",
        mx_suffixes="google.com\ngooglemail.com",
        imap_hostname="imap.gmail.com",
        imap_port=993,
        smtp_hostname="smtp.gmail.com",
        smtp_port=465,
    )


def autodiscover(client, address):
    return client.post(
        "/autodiscover/autodiscover.xml", autodiscover_request(address), content_type="text/xml"
    )


def test_a_domain_ours_only_by_mx_gets_our_server_in_every_format(client, mx_and_providers):
    # mx-stranka.si is in no hosting package; its MX (tests/conftest.py) is mx1.avant.si.
    thunderbird = client.get("/mail/config-v1.1.xml", {"emailaddress": "ana@mx-stranka.si"})
    assert thunderbird.status_code == 200
    assert [
        (s["hostname"], s["port"], s["socketType"])
        for s in thunderbird_servers(thunderbird.content)
    ] == [
        ("streznik.avant.si", "993", "SSL"),
        ("streznik.avant.si", "995", "SSL"),
        ("streznik.avant.si", "465", "SSL"),
        ("streznik.avant.si", "587", "STARTTLS"),
    ]
    (imap, *_rest) = autodiscover_protocols(autodiscover(client, "ana@mx-stranka.si").content)
    assert (imap["Server"], imap["Port"], imap["LoginName"]) == (
        "streznik.avant.si",
        "993",
        "ana@mx-stranka.si",
    )
    profile = client.get("/mobileconfig/", {"emailaddress": "ana@mx-stranka.si"})
    (mail,) = plistlib.loads(profile.content)["PayloadContent"]
    assert mail["IncomingMailServerHostName"] == "streznik.avant.si"


@pytest.mark.parametrize(
    "address", ["ana.novak@gmail.com", "ana@podjetje-google.si", "ana@brez-mx.si"]
)
def test_a_providers_or_unknown_domain_is_not_ours_in_every_format(
    client, mx_and_providers, address
):
    assert client.get("/mail/config-v1.1.xml", {"emailaddress": address}).status_code == 404
    response = autodiscover(client, address)
    assert (response.status_code, autodiscover_error_code(response.content)) == (404, "500")
    assert client.get("/mobileconfig/", {"emailaddress": address}).status_code == 404


def test_machine_formats_stay_within_three_queries_for_a_domain_found_by_mx(
    client, mx_and_providers, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):
        assert (
            client.get("/mail/config-v1.1.xml", {"emailaddress": "a@mx-stranka.si"}).status_code
            == 200
        )
