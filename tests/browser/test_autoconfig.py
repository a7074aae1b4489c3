"""The DNS guidance page in a real Chromium: the form flow, no-JS, and an axe scan."""

import pytest
from playwright.sync_api import expect

from portal.demo.loader import load_demo
from portal.mail.models import HostingPackage, PortSetting, Server
from tests.browser.axe import assert_no_wcag_violations


@pytest.fixture
def hosted_domains(transactional_db):
    for port in load_demo().ports:
        PortSetting.objects.create(
            protocol=port.protocol, security=port.security, port=port.port, preferred=port.preferred
        )
    server = Server.objects.create(hostname="streznik2.avant.si")
    HostingPackage.objects.create(
        domain="čebelica.si", plan="Pro", disk_quota_mb=20000, server=server
    )


def test_owner_looks_up_the_records_for_an_idn_domain(page, hosted_domains):
    page.goto("/dns/")
    assert_no_wcag_violations(page)
    page.get_by_label("Domena").fill("čebelica.si")
    page.get_by_role("button", name="Prikaži zapise").click()
    expect(page.get_by_role("heading", name="Zapisi za čebelica.si")).to_be_visible()
    zone = page.locator("#dns-zone").inner_text()
    assert "_imaps._tcp.xn--ebelica-i6a.si. 3600 IN SRV 0 1 993 streznik2.avant.si." in zone
    expect(page.get_by_role("button", name="Kopiraj").first).to_be_visible()  # JS enhancement
    assert_no_wcag_violations(page)


def test_unknown_domain_and_typing_errors_without_javascript(chromium, live_server, hosted_domains):
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    response = page.goto("/en/dns/?domain=drugadomena.si")
    assert response.status == 404
    expect(page.get_by_role("heading", name="drugadomena.si is not hosted with us")).to_be_visible()
    assert page.get_by_label("Domain").input_value() == "drugadomena.si"
    page.get_by_label("Domain").fill("info@drugadomena.si")
    page.get_by_role("button", name="Show the records").click()
    expect(page.get_by_text("Enter only the domain")).to_be_visible()
    context.close()
