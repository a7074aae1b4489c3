"""The customers' domain check against a DNS server on loopback."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.checks.dns_server import LoopbackDns, SilentDns

PORTAL = "pomoc.avant.si"
GOOD_ZONE = """
vasadomena.si. 3600 IN MX 10 mail.vasadomena.si.
mail.vasadomena.si. 3600 IN A 192.0.2.10
streznik.avant.si. 3600 IN A 192.0.2.10
pomoc.avant.si. 3600 IN A 192.0.2.80
autoconfig.vasadomena.si. 3600 IN CNAME pomoc.avant.si.
autodiscover.vasadomena.si. 3600 IN A 192.0.2.80
_autodiscover._tcp.vasadomena.si. 3600 IN SRV 0 0 443 pomoc.avant.si.
_submissions._tcp.vasadomena.si. 3600 IN SRV 0 1 465 streznik.avant.si.
_imaps._tcp.vasadomena.si. 3600 IN SRV 0 1 993 streznik.avant.si.
_pop3s._tcp.vasadomena.si. 3600 IN SRV 0 1 995 streznik.avant.si.
"""


@pytest.fixture
def dns(settings):
    servers = []

    def serve(zone):
        server = LoopbackDns(zone) if zone is not None else SilentDns()
        servers.append(server)
        settings.PORTAL_DNS_RESOLVER = server.address
        return server

    settings.PORTAL_HOSTNAME = PORTAL
    settings.DOMAIN_CHECK_DNS_SECONDS = 1
    yield serve
    for server in servers:
        server.stop()


def check(client, domain, language="en"):
    with translation.override(language):
        url = reverse("checks:domain")
    return client.get(url, {"domain": domain})


def rows(response):
    return {check.expected.name: check for check in response.context["checks"]}


def test_a_domain_with_every_record_in_place(client, hosted, dns):
    dns(GOOD_ZONE)
    response = check(client, "vasadomena.si")
    assert response.status_code == 200
    assert all(c.ok for c in response.context["checks"])
    assert len(response.context["checks"]) == 7
    assert "Every record is in place" in response.content.decode()


def test_a_missing_srv_record_and_a_foreign_mx_come_with_their_fix(client, hosted, dns):
    zone = GOOD_ZONE.replace("_submissions._tcp", "_submission._tcp").replace(
        "MX 10 mail.vasadomena.si.", "MX 10 mx.drugi-ponudnik.example."
    )
    dns(zone + "mx.drugi-ponudnik.example. 3600 IN A 198.51.100.7\n")
    response = check(client, "vasadomena.si", "sl")
    found = rows(response)
    assert found["_submissions._tcp.vasadomena.si."].status == "missing"
    assert found["vasadomena.si."].status == "wrong"
    assert found["vasadomena.si."].found == ("10 mx.drugi-ponudnik.example.",)
    assert found["_imaps._tcp.vasadomena.si."].ok
    html = response.content.decode()
    assert "_submissions._tcp.vasadomena.si. 3600 IN SRV 0 1 465 streznik.avant.si." in html
    assert "vasadomena.si. 3600 IN MX 10 streznik.avant.si." in html
    assert response.context["fixes"].count("\n") == 2


def test_an_srv_record_with_the_wrong_port_is_wrong(client, hosted, dns):
    dns(GOOD_ZONE.replace("0 1 993 streznik", "0 1 143 streznik"))
    found = rows(check(client, "vasadomena.si"))
    assert found["_imaps._tcp.vasadomena.si."].status == "wrong"


def test_dns_that_does_not_answer_gets_a_clear_message(client, hosted, dns):
    dns(None)
    response = check(client, "vasadomena.si")
    assert response.status_code == 504
    assert "DNS did not answer in time" in response.content.decode()


def test_a_domain_not_hosted_with_us(client, hosted, dns):
    dns(GOOD_ZONE)
    response = check(client, "drugadomena.si")
    assert response.status_code == 404
    assert "is not hosted with us" in response.content.decode()


def test_bad_input_is_kept_with_a_clear_error(client, db):
    response = check(client, "info@vasadomena.si", "sl")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="info@vasadomena.si"' in html
    assert "samo domeno" in html


def test_checks_are_rate_limited_per_client_address(client, hosted, dns, settings):
    dns(GOOD_ZONE)
    settings.DOMAIN_CHECK_RATE = "2/m"
    assert check(client, "vasadomena.si").status_code == 200
    assert check(client, "vasadomena.si").status_code == 200
    response = check(client, "vasadomena.si")
    assert response.status_code == 429
    assert "wait a minute" in response.content.decode()
    other = client.get(
        reverse("checks:domain"), {"domain": "vasadomena.si"}, REMOTE_ADDR="192.0.2.99"
    )
    assert other.status_code == 200


def test_the_dns_records_page_links_to_the_check(client, hosted):
    response = client.get(reverse("dnsguide:records"), {"domain": "vasadomena.si"})
    assert reverse("checks:domain") + "?domain=vasadomena.si" in response.content.decode()
