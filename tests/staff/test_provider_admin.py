"""Support staff keep known providers and guidance data current in the admin."""

import pytest
from django.core.exceptions import ValidationError

from portal.mail.models import MailProvider, ProgramStep, Server


def test_support_staff_add_a_provider_and_its_lists_are_normalised(support_client):
    response = support_client.post(
        "/admin/mail/mailprovider/add/",
        {
            "name": "Primer Pošta",
            "name_at_sl": "Primer Pošti",
            "slug": "primer",
            "active": "on",
            "address_domains": " Primer.si \n\n*.primer-posta.si\n",
            "mx_suffixes": "mx.primer.si",
            "imap_hostname": "IMAP.primer.si.",
            "imap_port": "993",
            "imap_security": "ssl",
            "pop3_hostname": "",
            "pop3_port": "",
            "pop3_security": "ssl",
            "smtp_hostname": "smtp.primer.si",
            "smtp_port": "465",
            "smtp_security": "ssl",
            "help_url": "https://primer.si/pomoc",
            "note_sl": "Potrebujete geslo za aplikacije.",
            "note_en": "",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    provider = MailProvider.objects.get(slug="primer")
    assert provider.address_domain_list == ("primer.si", "primer-posta.si")
    assert provider.imap_hostname == "imap.primer.si"
    assert provider.history.count() == 1


@pytest.mark.django_db
def test_a_provider_server_without_a_port_is_refused():
    provider = MailProvider(name="X", slug="x", imap_hostname="imap.x.si")
    with pytest.raises(ValidationError) as error:
        provider.full_clean()
    assert "imap_port" in error.value.message_dict


@pytest.mark.django_db
def test_a_server_lists_further_mx_names_one_per_line():
    server = Server(hostname="streznik.avant.si", mx_names="MX1.avant.si.\n\nmx2.avant.si")
    server.full_clean()
    assert server.mx_name_list == ("mx1.avant.si", "mx2.avant.si")
    server.mx_names = "not a host name"
    with pytest.raises(ValidationError):
        server.full_clean()


def test_a_step_whose_words_contradict_its_connection_is_refused(program):
    step = ProgramStep(
        program=program,
        order=9,
        text_sl="Vklopite **Uporabi SSL** za {incoming_security}.",
        text_en="Turn **Use SSL** on for {incoming_security}.",
    )
    with pytest.raises(ValidationError) as error:
        step.full_clean()
    assert set(error.value.message_dict) == {"text_sl", "text_en"}
    step.variant = "encrypted"
    step.full_clean()  # limited to encrypted connections, the same words are right
