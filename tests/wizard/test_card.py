"""The settings card's variants, from a hand-built MailSettings (no database)."""

from django.utils import translation

from portal.wizard.card import card_variants
from tests.conftest import hand_built_settings


def summary(line):
    endpoint = line.endpoint
    return (
        endpoint.protocol,
        endpoint.hostname,
        endpoint.port,
        endpoint.security,
        line.alternatives,
    )


def test_hosted_domain_gets_encrypted_settings_first_then_plain_not_recommended():
    with translation.override("en"):
        secure, plain = card_variants(hand_built_settings())
    assert (secure.title, secure.badge, secure.recommended) == (
        "Encrypted connection (SSL/TLS)",
        "Recommended",
        True,
    )
    assert summary(secure.incoming) == ("imap", "streznik.avant.si", 993, "ssl", ())
    assert summary(secure.outgoing) == (
        "smtp",
        "streznik.avant.si",
        465,
        "ssl",
        ("or port 587 (STARTTLS)",),
    )
    assert (plain.title, plain.badge, plain.recommended) == (
        "Without encryption",
        "Not recommended",
        False,
    )
    assert summary(plain.incoming) == ("imap", "mail.vasadomena.si", 143, "none", ())
    assert summary(plain.outgoing) == ("smtp", "mail.vasadomena.si", 26, "none", ("or port 25",))


def test_pop3_card_uses_the_pop3_ports():
    secure, plain = card_variants(hand_built_settings(recommended_protocol="pop3"))
    assert summary(secure.incoming)[:3] == ("pop3", "streznik.avant.si", 995)
    assert summary(plain.incoming)[:3] == ("pop3", "mail.vasadomena.si", 110)


def test_unknown_domain_gets_only_the_general_plain_settings():
    with translation.override("sl"):
        (only,) = card_variants(hand_built_settings("ana@drugadomena.si", server=None))
    assert (only.title, only.badge) == ("Splošne nastavitve za vašo domeno", "Brez šifriranja")
    assert summary(only.incoming)[1:3] == ("mail.drugadomena.si", 143)
    assert summary(only.outgoing)[4] == ("ali vrata 25",)


def test_missing_ports_leave_rows_out_instead_of_failing():
    (secure, plain) = card_variants(hand_built_settings(ports=()))
    assert secure.incoming is None
    assert plain.outgoing is None
