"""The staff overview and the customers' sentence, from checks of greeters on loopback."""

from django.template import Context, Template
from django.utils import translation

from portal.checks.models import CheckedEndpoint
from portal.checks.selectors import server_check_context
from portal.checks.services import check_mail_servers
from portal.staff.roles import SUPPORT_STAFF
from tests.staff.conftest import make_staff


def overview_section(client, path="/admin/overview/") -> str:
    client.force_login(make_staff("podpora", SUPPORT_STAFF))
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode().split('id="mail-server-checks"')[1].split("</section>")[0]


def test_overview_lists_expiring_wrong_name_and_failing_servers(mail_lab, client, settings):
    mail_lab.server("streznik.avant.si")
    mail_lab.server("kmalu.avant.si", days_left=10)
    mail_lab.server("napacno.avant.si", "wrong-name")
    mail_lab.greeters[("streznik.avant.si", 995)].silent = True
    settings.CHECK_MAIL_SERVERS_TIMEOUT = 0.5
    check_mail_servers()
    section = overview_section(client, "/en/admin/overview/")
    assert "kmalu.avant.si" in section
    assert "Certificate expires in 9 days" in section
    assert "napacno.avant.si" in section
    assert "Certificate does not name the server" in section
    assert "No answer in time" in section  # streznik.avant.si POP3 995
    assert section.count("streznik.avant.si") == 1
    assert "never" in section  # the wrong-name server has never passed


def test_overview_says_when_all_is_well(mail_lab, client):
    mail_lab.server("streznik.avant.si")
    check_mail_servers()
    assert "Vse preverjene" in overview_section(client)


def test_the_customer_sentence_comes_from_the_latest_checks(mail_lab):
    mail_lab.server("streznik.avant.si", days_left=100)
    mail_lab.server("potekel.avant.si", "expired")
    check_mail_servers()
    with translation.override("sl"):
        good = server_check_context("streznik.avant.si")
        bad = server_check_context("potekel.avant.si")
    assert good["server_check"].answers
    assert good["server_check_sentence"].startswith("Preverjeno pravkar: strežnik odgovarja, ")
    assert not bad["server_check"].answers
    assert "podpora" in bad["server_check_sentence"]
    assert server_check_context("neznan.avant.si")["server_check"] is None
    assert server_check_context(None)["server_check"] is None


def test_support_staff_read_an_endpoints_recent_checks_but_cannot_change_them(mail_lab, client):
    mail_lab.server("streznik.avant.si")
    check_mail_servers()
    check_mail_servers()
    section = overview_section(client, "/en/admin/overview/")
    assert "Every checked endpoint answers" in section
    endpoint = CheckedEndpoint.objects.get(port=587)
    page = client.get(f"/en/admin/checks/checkedendpoint/{endpoint.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count("220 greeter ESMTP") == 2  # both checks, with the greeting
    assert "PLAIN LOGIN" in html
    assert 'name="_save"' not in html
    listing = client.get("/en/admin/checks/checkedendpoint/")
    assert listing.status_code == 200
    assert "streznik.avant.si" in listing.content.decode()
    assert client.get("/en/admin/checks/checkedendpoint/add/").status_code == 403


def test_the_server_check_tag_renders_the_sentence_where_it_is_placed(mail_lab):
    mail_lab.server("streznik.avant.si", days_left=100)
    check_mail_servers()
    card = Template("{% load live_checks %}{% server_check hostname %}")
    with translation.override("sl"):
        html = card.render(Context({"hostname": "streznik.avant.si"}))
        nothing = card.render(Context({"hostname": None}))
    assert 'role="status"' in html
    assert "Preverjeno pravkar: strežnik odgovarja, njegovo potrdilo velja do " in html
    assert nothing.strip() == ""
