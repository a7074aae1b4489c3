"""Staff-edited data can be incomplete: every machine format then answers 404 with a message.

A ports table without POP3, without SMTP or without any incoming protocol must never make a
profile or a document for an account the mail program cannot use, and never a 500.
"""

import pytest
from django.test import Client

from portal.mail.models import PortSetting
from tests.autoconfig.expected import autodiscover_error_code, autodiscover_request

ADDRESS = "info@vasadomena.si"
THUNDERBIRD = f"/mail/config-v1.1.xml?emailaddress={ADDRESS}"


def autodiscover(client):
    body = autodiscover_request(ADDRESS)
    return client.post("/autodiscover/autodiscover.xml", body, content_type="text/xml")


def profile(client, protocol):
    return client.get("/mobileconfig/", {"emailaddress": ADDRESS, "protocol": protocol})


def test_a_pop3_profile_without_pop3_ports_is_a_404_with_a_message(hosted):
    PortSetting.objects.filter(protocol="pop3").delete()
    response = profile(Client(), "pop3")
    assert response.status_code == 404
    assert "no pop3 settings are published" in response.text
    assert profile(Client(), "imap").status_code == 200
    assert Client().get(THUNDERBIRD).status_code == 200  # IMAP alone is enough here


@pytest.mark.parametrize("missing", [["smtp"], ["imap", "pop3"]])
def test_no_outgoing_or_no_incoming_ports_is_a_404_everywhere(hosted, missing):
    PortSetting.objects.filter(protocol__in=missing).delete()
    client = Client()
    assert client.get(THUNDERBIRD).status_code == 404
    response = autodiscover(client)
    assert response.status_code == 404
    assert autodiscover_error_code(response.content) == "500"
    for protocol in ("imap", "pop3"):
        assert profile(client, protocol).status_code == 404


def test_the_wizards_profile_button_explains_a_missing_protocol_in_the_visitors_language(
    hosted,
):
    PortSetting.objects.filter(protocol="pop3").delete()
    client = Client()
    client.post("/carovnik/", {"email": ADDRESS})
    response = client.post("/carovnik/profil/", {"protocol": "pop3"})
    assert response.status_code == 404
    assert "POP3" in response.text
    assert "nastavitve strežnika niso objavljene" in response.text
