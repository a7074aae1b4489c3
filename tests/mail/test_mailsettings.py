"""MailSettings is pure: these tests need no database."""

import pytest

from portal.mail.addresses import parse_email
from portal.mail.mailsettings import MailSettings
from tests.conftest import hand_built_settings


def summary(endpoint):
    return (endpoint.hostname, endpoint.port, endpoint.security) if endpoint else None


@pytest.mark.parametrize(
    ("protocol", "secure", "expected"),
    [
        ("imap", True, ("streznik.avant.si", 993, "ssl")),
        ("pop3", True, ("streznik.avant.si", 995, "ssl")),
        ("smtp", True, ("streznik.avant.si", 465, "ssl")),
        ("imap", False, ("mail.vasadomena.si", 143, "none")),
        ("pop3", False, ("mail.vasadomena.si", 110, "none")),
        ("smtp", False, ("mail.vasadomena.si", 26, "none")),
    ],
)
def test_hosted_endpoints_use_the_servers_name_only_when_encrypted(protocol, secure, expected):
    assert summary(hand_built_settings().endpoint(protocol, secure)) == expected


def test_smtp_alternatives_are_named_with_their_real_security_mode():
    settings = hand_built_settings()
    assert [summary(e) for e in settings.alternatives("smtp", secure=True)] == [
        ("streznik.avant.si", 587, "starttls")
    ]
    assert [summary(e) for e in settings.alternatives("smtp", secure=False)] == [
        ("mail.vasadomena.si", 25, "none")
    ]


def test_unhosted_domain_gets_only_the_generic_plain_guidance():
    settings = hand_built_settings("ana@drugadomena.si", server=None)
    assert not settings.hosted
    assert settings.endpoint("imap", secure=True) is None
    assert summary(settings.incoming) == ("mail.drugadomena.si", 143, "none")
    assert summary(settings.outgoing) == ("mail.drugadomena.si", 26, "none")


def test_idn_domain_appears_in_ascii_in_hostnames_and_unicode_for_people():
    settings = hand_built_settings("info@čebelica.si")
    assert settings.plain_hostname == "mail.xn--ebelica-i6a.si"
    assert settings.placeholder_values()["domain"] == "čebelica.si"
    assert settings.username == "info@čebelica.si"  # as typed, unless the server needs xn--
    assert settings.placeholder_values()["email"] == "info@čebelica.si"
    ascii_login = hand_built_settings("info@čebelica.si", login_needs_ascii=True)
    assert ascii_login.username == "info@xn--ebelica-i6a.si"
    assert ascii_login.username_is_ascii_form


def test_recommended_protocol_drives_incoming_and_placeholders():
    pop3 = hand_built_settings(recommended_protocol="pop3")
    assert summary(pop3.incoming) == ("streznik.avant.si", 995, "ssl")
    assert pop3.incoming_order() == ("pop3", "imap")
    values = pop3.placeholder_values()
    assert values["incoming_protocol"] == "POP3"
    assert values["incoming_port"] == 995
    assert values["outgoing_port"] == 465
    assert values["username"] == "info@vasadomena.si"


def test_missing_port_rows_leave_the_endpoint_out_instead_of_inventing_one():
    settings = MailSettings(
        address=parse_email("a@vasadomena.si"), ports=(), server_hostname="x.si"
    )
    assert settings.incoming is None
    assert "incoming_port" not in settings.placeholder_values()
