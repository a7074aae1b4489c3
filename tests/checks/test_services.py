"""`manage.py check_mail_servers` against a lab of our servers on loopback."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from portal.checks.choices import Problem
from portal.checks.models import CheckedEndpoint, EndpointCheck
from portal.checks.services import check_mail_servers, published_targets
from portal.mail.models import PortSetting, Server


def latest(hostname, port):
    return CheckedEndpoint.objects.get(server__hostname=hostname, port=port)


def test_every_published_endpoint_of_every_active_server_is_checked(mail_lab, capsys):
    mail_lab.server("streznik.avant.si")
    mail_lab.server("potekel.avant.si", "expired")
    Server.objects.create(hostname="ugasnjen.avant.si", active=False)
    call_command("check_mail_servers")
    output = capsys.readouterr().out
    assert "16 endpoints checked, 4 with a problem." in output
    assert "potekel.avant.si imap 993 ssl: certificate-expired" in output
    assert not CheckedEndpoint.objects.filter(server__hostname="ugasnjen.avant.si").exists()
    good = latest("streznik.avant.si", 587)
    assert good.latest.ok
    assert good.last_success_at == good.last_checked_at
    assert good.latest.plain_login_refused is True
    assert good.latest.login_methods == "PLAIN LOGIN"
    assert good.latest.greeting == "220 greeter ESMTP"
    plain = latest("streznik.avant.si", 143)
    assert plain.latest.plain_login_refused is True
    assert plain.latest.certificate_not_after is None
    expired = latest("potekel.avant.si", 993)
    assert expired.latest.problem == Problem.CERTIFICATE_EXPIRED
    assert expired.failing_since == expired.last_checked_at
    assert expired.last_success_at is None
    assert mail_lab.login_attempts() == []


def test_failing_since_stays_until_the_next_success(mail_lab, settings):
    mail_lab.server("streznik.avant.si")
    first = timezone.now() - datetime.timedelta(minutes=30)
    check_mail_servers(now=first)
    greeter = mail_lab.greeters[("streznik.avant.si", 993)]
    greeter.silent = True
    settings.CHECK_MAIL_SERVERS_TIMEOUT = 0.5
    check_mail_servers(now=first + datetime.timedelta(minutes=15))
    check_mail_servers(now=first + datetime.timedelta(minutes=30))
    endpoint = latest("streznik.avant.si", 993)
    assert endpoint.latest.problem == Problem.TIMEOUT
    assert endpoint.failing_since == first + datetime.timedelta(minutes=15)
    assert endpoint.last_success_at == first
    greeter.silent = False
    check_mail_servers(now=first + datetime.timedelta(minutes=45))
    endpoint.refresh_from_db()
    assert endpoint.failing_since is None
    assert endpoint.last_success_at == first + datetime.timedelta(minutes=45)


def test_only_the_last_checks_are_kept(mail_lab, settings):
    settings.CHECK_MAIL_SERVERS_KEEP = 2
    mail_lab.publish_ports([])
    PortSetting.objects.exclude(port=993).delete()
    mail_lab.server("streznik.avant.si")
    start = timezone.now()
    for minutes in (0, 15, 30):
        check_mail_servers(now=start + datetime.timedelta(minutes=minutes))
    kept = EndpointCheck.objects.order_by("checked_at").values_list("checked_at", flat=True)
    assert list(kept) == [start + datetime.timedelta(minutes=m) for m in (15, 30)]


def test_a_port_no_longer_published_is_forgotten(mail_lab):
    mail_lab.server("streznik.avant.si")
    check_mail_servers()
    PortSetting.objects.filter(port=25).delete()
    check_mail_servers()
    assert not CheckedEndpoint.objects.filter(port=25).exists()
    assert CheckedEndpoint.objects.count() == 7


@pytest.mark.django_db
def test_targets_come_only_from_our_rows(ports):
    Server.objects.create(hostname="streznik.avant.si")
    targets = published_targets()
    assert {t.hostname for t in targets} == {"streznik.avant.si"}
    assert sorted(t.port for t in targets) == sorted(p.port for p in PortSetting.objects.all())
