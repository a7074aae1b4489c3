"""The checker against greeters on loopback: what staff and customers will be told."""

import datetime

import pytest

from portal.checks import probe
from portal.checks.choices import Problem
from tests.checks.greeters import CertificateMaker, Greeter, free_port

HOST = "streznik.avant.si"


@pytest.fixture
def certificates():
    return CertificateMaker()


@pytest.fixture
def context(certificates, tmp_path):
    return probe.verifying_context(certificates.write_ca(tmp_path / "ca.pem"))


@pytest.fixture
def greeters():
    started = []

    def start(protocol, security, tls=None, **options):
        greeter = Greeter(protocol, security, tls, **options)
        started.append(greeter)
        return greeter

    yield start
    for greeter in started:
        greeter.stop()


def check(greeter, context, security, port=993, protocol=None, timeout=3.0):
    target = probe.Target(HOST, port, protocol or greeter.protocol, security)
    return probe.probe(
        target,
        timeout=timeout,
        context=context,
        connect_to={(HOST, port): ("127.0.0.1", greeter.port)},
    )


@pytest.mark.parametrize(
    ("protocol", "greeting", "methods"),
    [
        ("imap", "* OK [greeter] IMAP4rev1 ready", ("PLAIN", "LOGIN")),
        ("pop3", "+OK greeter POP3 ready", ("USER", "PLAIN", "LOGIN")),
        ("smtp", "220 greeter ESMTP", ("PLAIN", "LOGIN")),
    ],
)
def test_implicit_tls_with_a_valid_certificate(
    greeters, certificates, context, protocol, greeting, methods
):
    greeter = greeters(protocol, "ssl", certificates.context(HOST, days_left=40))
    result = check(greeter, context, "ssl")
    assert result.ok, result.detail
    assert result.greeting == greeting
    assert result.login_methods == methods
    assert result.plain_login_refused is None  # implicit TLS: there is no "before TLS"
    assert result.certificate.trusted
    assert result.certificate.names_host
    days = (result.certificate.not_after - datetime.datetime.now(datetime.UTC)).days
    assert 38 <= days <= 40
    assert result.round_trip_ms is not None
    assert greeter.login_attempts() == []


@pytest.mark.parametrize("protocol", ["imap", "pop3", "smtp"])
@pytest.mark.parametrize("plain_allowed", [False, True])
def test_starttls_records_whether_plain_login_is_refused_before_tls(
    greeters, certificates, context, protocol, plain_allowed
):
    tls = certificates.context(HOST)
    greeter = greeters(protocol, "starttls", tls, plain_login_before_tls=plain_allowed)
    result = check(greeter, context, "starttls", port=587)
    assert result.ok, result.detail
    assert result.plain_login_refused is (not plain_allowed)
    assert "PLAIN" in result.login_methods  # offered after STARTTLS
    assert result.certificate.trusted
    assert greeter.login_attempts() == []
    assert any(c.upper().split()[-1] in {"STARTTLS", "STLS"} for c in greeter.commands)


@pytest.mark.parametrize(
    ("kind", "problem", "names_host"),
    [
        ("expired", Problem.CERTIFICATE_EXPIRED, True),
        ("wrong-name", Problem.CERTIFICATE_WRONG_NAME, False),
        ("self-signed", Problem.CERTIFICATE_UNTRUSTED, True),
    ],
)
@pytest.mark.parametrize("security", ["ssl", "starttls"])
def test_bad_certificates_are_named_and_still_described(
    greeters, certificates, context, kind, problem, names_host, security
):
    greeter = greeters("imap", security, certificates.context(HOST, kind))
    result = check(greeter, context, security)
    assert result.problem == problem
    assert result.answered  # the server answers: only its certificate is wrong
    assert result.certificate.trusted is False
    assert result.certificate.names_host is names_host
    expired = result.certificate.not_after < datetime.datetime.now(datetime.UTC)
    assert expired is (kind == "expired")
    assert greeter.login_attempts() == []


def test_an_unknown_ca_is_trusted_only_through_the_ca_file(greeters, certificates):
    greeter = greeters("smtp", "ssl", certificates.context(HOST))
    result = check(greeter, probe.verifying_context(), "ssl", port=465)
    assert result.problem == Problem.CERTIFICATE_UNTRUSTED


def test_a_server_that_never_greets_times_out(greeters, context):
    greeter = greeters("imap", "none", silent=True)
    result = check(greeter, context, "none", port=143, timeout=0.5)
    assert result.problem == Problem.TIMEOUT
    assert not result.answered


def test_a_closed_port_is_refused(context):
    target = probe.Target(HOST, 995, "pop3", "ssl")
    result = probe.probe(
        target, timeout=1, context=context, connect_to={(HOST, 995): ("127.0.0.1", free_port())}
    )
    assert result.problem == Problem.REFUSED


def test_starttls_not_offered_is_a_problem(greeters, certificates, context):
    greeter = greeters("imap", "ssl", certificates.context(HOST))
    # An implicit-TLS port spoken to as if it were plain: the handshake bytes are no greeting.
    result = check(greeter, context, "starttls")
    assert result.problem in {Problem.PROTOCOL, Problem.TIMEOUT}


def test_one_silent_server_does_not_hold_up_the_others(greeters, certificates, context):
    good = greeters("imap", "ssl", certificates.context(HOST))
    silent = greeters("imap", "ssl", silent=True)
    other = "streznik2.avant.si"
    results = probe.probe_all(
        [probe.Target(HOST, 993, "imap", "ssl"), probe.Target(other, 993, "imap", "ssl")],
        timeout=0.5,
        context=context,
        workers=4,
        connect_to={
            (HOST, 993): ("127.0.0.1", good.port),
            (other, 993): ("127.0.0.1", silent.port),
        },
    )
    assert [r.problem for r in results] == [Problem.NONE, Problem.TIMEOUT]


@pytest.mark.parametrize(
    ("protocol", "capabilities", "methods", "refused"),
    [
        ("imap", ["IMAP4REV1", "STARTTLS", "LOGINDISABLED"], (), True),
        ("imap", ["IMAP4REV1", "STARTTLS"], ("LOGIN",), False),
        ("imap", ["IMAP4REV1", "AUTH=CRAM-MD5", "LOGINDISABLED"], ("CRAM-MD5",), True),
        ("pop3", ["STLS", "USER"], ("USER",), False),
        ("pop3", ["STLS", "SASL PLAIN"], ("PLAIN",), False),
        ("pop3", ["STLS", "TOP"], (), True),
        ("smtp", ["PIPELINING", "STARTTLS"], (), True),
        ("smtp", ["AUTH PLAIN LOGIN", "AUTH=LOGIN"], ("PLAIN", "LOGIN"), False),
    ],
)
def test_login_methods_and_plain_refusal(protocol, capabilities, methods, refused):
    assert probe.login_methods(protocol, capabilities) == methods
    assert probe.plain_login_refused(protocol, capabilities) is refused


@pytest.mark.parametrize(
    ("pattern", "hostname", "matches"),
    [
        ("streznik.avant.si", "streznik.avant.si", True),
        ("STREZNIK.avant.si.", "streznik.avant.si", True),
        ("*.avant.si", "streznik.avant.si", True),
        ("*.avant.si", "avant.si", False),
        ("*.avant.si", "a.streznik.avant.si", False),
        ("mail.avant.si", "streznik.avant.si", False),
    ],
)
def test_certificate_names(pattern, hostname, matches):
    assert probe.name_matches(pattern, hostname) is matches


def test_connect_to_entries_are_parsed():
    assert probe.parse_connect_to(
        ["Streznik.avant.si:993:127.0.0.1:10993", "b.avant.si:465:[::1]:1465"]
    ) == {("streznik.avant.si", 993): ("127.0.0.1", 10993), ("b.avant.si", 465): ("::1", 1465)}
    with pytest.raises(ValueError, match="not enough"):
        probe.parse_connect_to(["streznik.avant.si:993"])
