"""The DNS guidance page, in both languages."""

import pytest

from portal.autoconfig import dns
from tests.html_checks import elements


def zone_lines(response):
    html = response.text
    start = html.index('id="dns-zone" data-copy>') + len('id="dns-zone" data-copy>')
    return html[start : html.index("</pre>", start)].strip().splitlines()


@pytest.mark.parametrize(("path", "language"), [("/dns/", "sl"), ("/en/dns/", "en")])
def test_empty_form_asks_for_a_domain(client, hosted, path, language):
    response = client.get(path)
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.text
    assert ("input", "domain") in [
        (tag, attrs.get("name")) for tag, attrs in elements(response.text)
    ]
    assert ("label", "id_domain") in [
        (tag, attrs.get("for")) for tag, attrs in elements(response.text)
    ]


def test_hosted_domain_shows_the_records_for_its_server_and_ports(client, settings, hosted):
    settings.PORTAL_HOSTNAME = "pomoc.example.si"
    response = client.get("/en/dns/", {"domain": "vasadomena.si"})
    assert response.status_code == 200
    lines = zone_lines(response)
    assert "autoconfig.vasadomena.si. 3600 IN CNAME pomoc.example.si." in lines
    assert "autodiscover.vasadomena.si. 3600 IN CNAME pomoc.example.si." in lines
    assert "_autodiscover._tcp.vasadomena.si. 3600 IN SRV 0 0 443 pomoc.example.si." in lines
    assert "_imaps._tcp.vasadomena.si. 3600 IN SRV 0 1 993 streznik.avant.si." in lines
    assert "_pop3s._tcp.vasadomena.si. 3600 IN SRV 0 1 995 streznik.avant.si." in lines
    assert "_submissions._tcp.vasadomena.si. 3600 IN SRV 0 1 465 streznik.avant.si." in lines
    assert "_submission._tcp.vasadomena.si. 3600 IN SRV 10 1 587 streznik.avant.si." in lines
    assert "_imap._tcp.vasadomena.si. 3600 IN SRV 0 0 0 ." in lines
    assert "_pop3._tcp.vasadomena.si. 3600 IN SRV 0 0 0 ." in lines
    assert "not offered" in response.text


def test_idn_domain_is_shown_in_unicode_and_written_in_ascii(client, hosted):
    response = client.get("/dns/", {"domain": "ČEBELICA.si"})
    assert response.status_code == 200
    assert "Zapisi za čebelica.si" in response.text
    lines = zone_lines(response)
    assert lines[0] == "_imaps._tcp.xn--ebelica-i6a.si. 3600 IN SRV 0 1 993 streznik2.avant.si."
    assert "_imaps._tcp.xn--ebelica-i6a.si. 3600 IN SRV 0 1 993 streznik2.avant.si." in lines


def test_portal_hostname_falls_back_to_the_requests_host(client, hosted):
    response = client.get(
        "/dns/", {"domain": "vasadomena.si"}, headers={"host": "pomoc.podjetje.si:8443"}
    )
    assert "autodiscover.vasadomena.si. 3600 IN CNAME pomoc.podjetje.si." in zone_lines(response)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/dns/", "drugadomena.si ne gostuje pri nas"),
        ("/en/dns/", "drugadomena.si is not hosted with us"),
    ],
)
def test_domain_we_do_not_host_gets_a_clear_message_and_404(client, hosted, path, message):
    response = client.get(path, {"domain": "drugadomena.si"})
    assert response.status_code == 404
    assert message in response.text
    assert "dns-zone" not in response.text
    assert 'value="drugadomena.si"' in response.text  # what the user typed stays in the form


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("info@vasadomena.si", "Vnesite samo domeno"),
        ("ni domena", "ni ime domene"),
        ("", "To polje je obvezno"),
    ],
)
def test_invalid_input_is_a_translated_error_and_400(client, hosted, value, message):
    response = client.get("/dns/", {"domain": value})
    assert response.status_code == 400
    assert message in response.text
    assert 'aria-invalid="true"' in response.text


def test_www_prefix_is_forgiven(client, hosted):
    response = client.get("/en/dns/", {"domain": "www.vasadomena.si"})
    assert response.status_code == 200
    assert "Records for vasadomena.si" in response.text


def test_hostile_domain_is_escaped(client, hosted):
    response = client.get("/en/dns/", {"domain": '"><script>alert(1)</script>'})
    assert response.status_code == 400
    assert "<script>alert(1)" not in response.text


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "127.0.0.1:8000", "[::1]", "localhost", "testserver"]
)
@pytest.mark.parametrize(
    ("path", "notice"),
    [
        ("/dns/", "nastavite <code>PORTAL_HOSTNAME</code>"),
        ("/en/dns/", "set <code>PORTAL_HOSTNAME</code>"),
    ],
)
def test_without_portal_hostname_no_record_points_at_an_address(
    client, hosted, settings, host, path, notice
):
    settings.PORTAL_HOSTNAME = ""
    response = client.get(path, {"domain": "vasadomena.si"}, headers={"host": host})
    assert response.status_code == 200
    lines = zone_lines(response)
    assert not [line for line in lines if " CNAME " in line or "_autodiscover" in line]
    assert "_imaps._tcp.vasadomena.si. 3600 IN SRV 0 1 993 streznik.avant.si." in lines
    assert notice in response.text


def test_with_portal_hostname_there_is_no_notice(client, hosted, settings):
    settings.PORTAL_HOSTNAME = "pomoc.example.si"
    response = client.get("/en/dns/", {"domain": "vasadomena.si"}, headers={"host": "127.0.0.1"})
    assert "autoconfig.vasadomena.si. 3600 IN CNAME pomoc.example.si." in zone_lines(response)
    assert "PORTAL_HOSTNAME" not in response.text


def test_the_mx_host_is_mentioned_when_configured(client, hosted, settings):
    settings.AUTOCONFIG_MX_HOSTS = ["autoconfig.avant.si"]
    response = client.get("/en/dns/", {"domain": "vasadomena.si"})
    assert "it also asks <code>autoconfig.avant.si</code>" in response.text


@pytest.mark.parametrize(
    ("name", "usable"),
    [
        ("pomoc.example.si", True),
        ("pomoč.example.si", True),
        ("127.0.0.1", False),
        ("[::1]", False),
        ("2001:db8::1", False),
        ("localhost", False),
        ("portal.local", False),
        ("testserver", False),
        ("", False),
    ],
)
def test_what_can_be_a_cname_target(name, usable):
    assert dns.can_be_a_target(name) is usable
