import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from portal.mail.addresses import parse_email
from portal.mail.models import HostingPackage, MailProgram, PortSetting, ProgramStep, Server
from portal.mail.selectors import mail_settings_for


@pytest.fixture
def server(db):
    return Server.objects.create(hostname="streznik.avant.si")


def test_idn_domain_is_stored_once_whichever_form_staff_type(server):
    HostingPackage.objects.create(domain="čebelica.si", plan="A", disk_quota_mb=1, server=server)
    duplicate = HostingPackage(
        domain="XN--EBELICA-I6A.si", plan="B", disk_quota_mb=1, server=server
    )
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "domain" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_package_domain_shows_in_unicode_and_is_stored_in_ascii(server):
    package = HostingPackage.objects.create(
        domain=" Čebelica.si ", plan="A", disk_quota_mb=1, server=server
    )
    assert package.domain == "xn--ebelica-i6a.si"
    assert str(package) == "čebelica.si"


def test_invalid_package_domain_is_a_form_error(server):
    package = HostingPackage(domain="not a domain", plan="A", disk_quota_mb=1, server=server)
    with pytest.raises(ValidationError) as error:
        package.full_clean()
    assert "domain" in error.value.message_dict


def test_only_one_preferred_port_per_protocol_and_security(db):
    PortSetting.objects.create(protocol="smtp", security="none", port=26, preferred=True)
    PortSetting.objects.create(protocol="smtp", security="none", port=25, preferred=False)
    second_preferred = PortSetting(protocol="smtp", security="none", port=2525, preferred=True)
    with pytest.raises(ValidationError) as error:
        second_preferred.full_clean()
    assert "že obstajajo prednostna vrata" in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        second_preferred.save()


def test_587_is_its_own_starttls_port_next_to_465(db):
    PortSetting.objects.create(protocol="smtp", security="ssl", port=465, preferred=True)
    PortSetting.objects.create(protocol="smtp", security="starttls", port=587, preferred=True)
    assert PortSetting.objects.filter(preferred=True).count() == 2


def test_port_must_be_a_real_port(db):
    with pytest.raises(ValidationError):
        PortSetting(protocol="imap", security="ssl", port=70000).full_clean()


def test_unknown_step_placeholder_is_a_form_error(db):
    program = MailProgram.objects.create(name="Test", slug="test", platform="any")
    step = ProgramStep(program=program, order=1, text_sl="Vpišite {incoming_sever}.", text_en="")
    with pytest.raises(ValidationError) as error:
        step.full_clean()
    assert "{incoming_sever}" in str(error.value.message_dict["text_sl"])


def test_mail_settings_come_from_the_package_and_ports_in_two_queries(
    hosted, django_assert_num_queries
):
    with django_assert_num_queries(2):
        settings = mail_settings_for(parse_email("info@čebelica.si"))
    assert settings.server_hostname == "streznik2.avant.si"
    assert settings.disk_quota_mb == 20000
    assert settings.incoming.port == 993


def test_inactive_server_is_not_offered(hosted):
    Server.objects.filter(hostname="streznik.avant.si").update(active=False)
    assert not mail_settings_for(parse_email("info@vasadomena.si")).hosted
