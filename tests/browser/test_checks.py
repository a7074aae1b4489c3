"""Live checks in Chromium: the staff overview after a real check run, and the domain check."""

from django.core.management import call_command
from playwright.sync_api import expect

from portal.mail.models import HostingPackage, MailProgram, PortSetting, Server
from portal.wizard.recommendation import Devices, Storage, Volume
from tests.browser.axe import assert_no_wcag_violations
from tests.browser.test_staff import log_in, staff_member
from tests.browser.test_wizard import answer_email, answer_program, answer_usage
from tests.checks.conftest import MailLab
from tests.checks.dns_server import LoopbackDns
from tests.checks.test_domain_check import GOOD_ZONE, PORTAL
from tests.conftest import DEMO_PORTS


def test_staff_overview_lists_a_certificate_about_to_expire(
    page, transactional_db, settings, tmp_path
):
    lab = MailLab(settings, tmp_path)
    lab.publish_ports()
    try:
        lab.server("streznik.avant.si")
        lab.server("kmalu.avant.si", days_left=12)
        call_command("check_mail_servers", "--quiet")
    finally:
        lab.stop()
    staff_member("podpora")
    log_in(page, "podpora")
    page.goto("/admin/overview/")
    section = page.locator("section", has=page.locator("#mail-server-checks"))
    expect(section).to_contain_text("kmalu.avant.si")
    expect(section).to_contain_text("Potrdilo poteče čez 11 dni")
    expect(section).not_to_contain_text("streznik.avant.si")


def test_domain_check_shows_a_missing_srv_record_with_its_fix(page, transactional_db, settings):
    settings.PORTAL_HOSTNAME = PORTAL
    server = Server.objects.create(hostname="streznik.avant.si")
    HostingPackage.objects.create(
        domain="vasadomena.si", plan="Start", disk_quota_mb=5000, server=server
    )
    for row in DEMO_PORTS:
        PortSetting.objects.create(
            protocol=row.protocol, security=row.security, port=row.port, preferred=row.preferred
        )
    dns = LoopbackDns(GOOD_ZONE.replace("_imaps._tcp", "_imap._tcp"))
    settings.PORTAL_DNS_RESOLVER = dns.address
    try:
        page.goto("/dns/?domain=vasadomena.si")
        page.get_by_role("link", name="Preverite, katere od teh zapisov vaša domena že ima").click()
        row = page.locator("tr", has=page.locator("code", has_text="_imaps._tcp.vasadomena.si."))
        expect(row).to_contain_text("manjka")
        fix = "_imaps._tcp.vasadomena.si. 3600 IN SRV 0 1 993 streznik.avant.si."
        expect(row.locator("code.domain-check__fix")).to_have_text(fix)
        expect(row.get_by_role("button", name=f"Kopiraj: {fix}")).to_be_visible()
        assert_no_wcag_violations(page)
    finally:
        dns.stop()


def test_wizard_card_shows_the_last_check_of_the_server(page, transactional_db, settings, tmp_path):
    lab = MailLab(settings, tmp_path)
    lab.publish_ports()
    try:
        server = lab.server("streznik.avant.si", days_left=200)
        call_command("check_mail_servers", "--quiet")
    finally:
        lab.stop()
    HostingPackage.objects.create(
        domain="vasadomena.si", plan="Start", disk_quota_mb=5000, server=server
    )
    MailProgram.objects.create(name="Mozilla Thunderbird", slug="thunderbird", platform="any")
    answer_email(page, "sl", "info@vasadomena.si")
    answer_program(page, "sl", "Mozilla Thunderbird")
    answer_usage(page, "sl", Devices.ONE, False, Storage.NO_PREFERENCE, False, Volume.A_LOT)
    check = page.locator(".settings-card .server-check")
    expect(check).to_contain_text("strežnik odgovarja, njegovo potrdilo velja do")
    expect(check).to_contain_text("Preverjeno pravkar")
