"""Thunderbird autoconfig as draft-ietf-mailmaint-autoconfig and Thunderbird expect it.

The `<documentation>` elements are checked in test_endpoints.py; here: the recommended server
first, the same document for any mailbox of a hosted domain, and the host derived from our MX.
"""

import subprocess
import sys

import pytest

from portal.autoconfig.mx_hosts import mx_autoconfig_hosts
from tests.autoconfig.expected import parse, thunderbird_servers
from tests.test_settings import ROOT, clean_environment

URL = "/mail/config-v1.1.xml"


def test_the_recommended_incoming_server_comes_first(client, hosted):
    servers = thunderbird_servers(client.get(URL, {"emailaddress": "info@vasadomena.si"}).content)
    first = servers[0]
    assert (first["kind"], first["type"], first["port"], first["socketType"]) == (
        "incomingServer",
        "imap",
        "993",
        "SSL",
    )


@pytest.mark.parametrize(
    "mailbox", ["ne-obstaja-1", "Ana.Novak", "zq", "a.very.long.name-that-nobody-ever-made"]
)
def test_any_mailbox_of_a_hosted_domain_gets_the_same_bytes(client, hosted, mailbox):
    real = client.get(URL, {"emailaddress": "info@vasadomena.si"}).content
    other = client.get(URL, {"emailaddress": f"{mailbox}@vasadomena.si"}).content
    assert other == real
    assert mailbox.lower().encode() not in other.lower()


@pytest.mark.parametrize(
    ("mx", "hosts"),
    [
        ("mx.avant.si", ["autoconfig.avant.si"]),
        ("MX1.Mail.Avant.si.", ["autoconfig.mail.avant.si", "autoconfig.avant.si"]),
        ("avant.si", ["autoconfig.avant.si"]),
        ("localhost", []),
    ],
)
def test_hosts_derived_from_the_mx(mx, hosts):
    assert mx_autoconfig_hosts(mx) == hosts


def test_the_mx_host_answers_for_every_customer_domain(client, hosted, settings):
    settings.AUTOCONFIG_MX_HOSTS = ["autoconfig.avant.si"]
    settings.PORTAL_HOSTNAME = "pomoc.avant.si"
    on_mx_host = client.get(
        URL, {"emailaddress": "ana@čebelica.si"}, headers={"host": "autoconfig.avant.si"}
    )
    on_own_host = client.get(URL, headers={"host": "autoconfig.xn--ebelica-i6a.si"})
    assert on_mx_host.status_code == 200
    assert parse(on_mx_host.content).find("emailProvider").findtext("domain") == (
        "xn--ebelica-i6a.si"
    )
    assert thunderbird_servers(on_mx_host.content)[0]["hostname"] == "streznik2.avant.si"
    assert on_mx_host.content == on_own_host.content


def test_the_mx_host_without_an_address_is_a_bad_request(client, hosted, settings):
    settings.AUTOCONFIG_MX_HOSTS = ["autoconfig.avant.si"]
    response = client.get(URL, headers={"host": "autoconfig.avant.si"})
    assert response.status_code == 400


def test_a_domain_we_do_not_host_is_not_configured_on_the_mx_host(client, hosted, settings):
    settings.AUTOCONFIG_MX_HOSTS = ["autoconfig.avant.si"]
    response = client.get(
        URL, {"emailaddress": "ana@drugadomena.si"}, headers={"host": "autoconfig.avant.si"}
    )
    assert response.status_code == 404


def test_portal_mx_hostname_admits_the_derived_hosts():
    code = "import settings.base as s; print(s.ALLOWED_HOSTS)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean_environment(
            DJANGO_SECRET_KEY="x" * 50,
            DJANGO_ALLOWED_HOSTS="pomoc.avant.si",
            PORTAL_MX_HOSTNAME="mx1.mail.avant.si",
        ),
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == str(
        ["pomoc.avant.si", "autoconfig.mail.avant.si", "autoconfig.avant.si"]
    )
