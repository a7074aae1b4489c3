"""Steps agree with the settings shown: for every program x protocol x connection, each step's
security words (SSL on or off, "No encryption", STARTTLS, ...) agree with the port beside it.

Runs over the demo's programs exactly as `seed_demo` stores them, and over "Another program".
"""

import re
from html import unescape

import pytest
from django.core.management import call_command
from django.utils import translation

from portal.mail.choices import Protocol
from portal.mail.endpoints import Endpoint
from portal.mail.location import ProviderFacts
from portal.mail.models import MailProgram
from portal.mail.steps import ENCRYPTED, PLAIN, security_claims, security_mismatch
from portal.wizard.result import StepText, generic_guide_steps, shown_steps
from tests.conftest import hand_built_settings

# What each port means (RFC 8314; the seed's table): the port tells which claim is right.
PORT_SECURITY = {993: ENCRYPTED, 995: ENCRYPTED, 465: ENCRYPTED, 587: ENCRYPTED}
PORT_SECURITY |= {143: PLAIN, 110: PLAIN, 26: PLAIN, 25: PLAIN}
MICROSOFT = ProviderFacts(
    "microsoft-365",
    "Microsoft 365",
    endpoints=(
        Endpoint("imap", "outlook.office365.com", 993, "ssl"),
        Endpoint("pop3", "outlook.office365.com", 995, "ssl"),
        Endpoint("smtp", "smtp.office365.com", 587, "starttls"),
    ),
)
# (connection, settings): ours (SSL/TLS), a provider with STARTTLS for SMTP, and the plain
# general guidance for a domain we could not place.
CONNECTIONS = [
    (ENCRYPTED, hand_built_settings()),
    (ENCRYPTED, hand_built_settings("a@firma365.si", server=None, ports=(), provider=MICROSOFT)),
    (PLAIN, hand_built_settings("a@neznana.si", server=None)),
]


@pytest.fixture
def demo_programs(db):
    """The demo's programs the wizard offers, as seed_demo stores them:
    slug → [(Slovenian step, English step)]."""
    call_command("seed_demo", verbosity=0)
    return {
        program.slug: [
            (
                StepText(step.text_sl, step.protocol, step.variant),
                StepText(step.text_en, step.protocol, step.variant),
            )
            for step in program.steps.all()
        ]
        for program in MailProgram.objects.active().prefetch_related("steps")
    }


def words(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def check(steps, mail_settings, connection):
    """Every shown step: its claims fit the connection and the ports it shows; returns the texts."""
    texts = [words(str(step.html)) for step in shown_steps(mail_settings, steps)]
    ports = {mail_settings.incoming.port, mail_settings.outgoing.port}
    for text in texts:
        claims = security_claims(text)
        assert claims <= {connection}, f"{connection}: {text!r} says {claims}"
        for port in ports:
            if re.search(rf"\b{port}\b", text):
                assert claims <= {PORT_SECURITY[port]}, f"port {port}: {text!r} says {claims}"
    return texts


@pytest.mark.parametrize("language", ["sl", "en"])
def test_every_programs_steps_agree_with_the_ports_shown(demo_programs, language):
    assert len(demo_programs) >= 7
    with translation.override(language):
        check_all(demo_programs, language)


def check_all(demo_programs, language):
    for protocol in (Protocol.IMAP, Protocol.POP3):
        for connection, settings in CONNECTIONS:
            mail_settings = settings.with_protocol(protocol)
            for slug, steps in demo_programs.items():
                steps = [pair[language == "en"] for pair in steps]
                shown = " ".join(check(steps, mail_settings, connection))
                port = str(mail_settings.incoming.port)
                assert port in shown, (slug, protocol, connection, "the port is not shown")
            check(generic_guide_steps(), mail_settings, connection)


def test_every_demo_step_passes_the_admins_check(demo_programs):
    for slug, steps in demo_programs.items():
        for sl, en in steps:
            assert not security_mismatch(sl.text, sl.variant), (slug, sl.text)
            assert not security_mismatch(en.text, en.variant), (slug, en.text)


@pytest.mark.parametrize(
    ("text", "variant", "wrong"),
    [
        ("Check **Use SSL** on for {incoming_security}, port {incoming_port}.", "", True),
        ("Check **Use SSL** on, port {incoming_port}.", "plain", True),
        ("Turn **Use SSL** off, port {incoming_port}.", "plain", False),
        ("Turn **Use SSL** on, port {incoming_port}.", "encrypted", False),
        ("Choose **None** as the encryption.", "encrypted", True),
        ("Enter port {incoming_port} and security {incoming_security}.", "", False),
    ],
)
def test_the_admin_refuses_steps_whose_words_contradict_their_connection(text, variant, wrong):
    assert security_mismatch(text, variant) is wrong
