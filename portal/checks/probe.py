"""Greet one of our mail endpoints the way a mail program does, and stop before logging in.

`probe(target, ...)` connects (implicit TLS, STARTTLS or plain), verifies the certificate chain
and that it names the server, reads the greeting and the capabilities (IMAP CAPABILITY, POP3
CAPA, SMTP EHLO) and says goodbye. It never logs in and never sends a password. Everything
happens within one deadline, and every failure becomes a `ProbeResult` with a `Problem`, so
`probe_all()` can run many endpoints in parallel without one bad server holding up the rest.

The dialogues are written here on a plain socket rather than with imaplib/poplib/smtplib
because we need three things those clients do not give together: connecting to one address
while verifying the certificate for another name (CHECK_MAIL_SERVERS_CONNECT_TO), one deadline
for the whole conversation, and bounded line reads. Nothing in this module touches the database.
"""

import contextlib
import socket
import ssl
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime

from cryptography import x509

from portal.checks.choices import Problem
from portal.mail.choices import Protocol, Security

MAX_LINE = 2048  # bytes; a longer line is not a mail protocol greeting
MAX_LINES = 200  # per reply
GREETING_LENGTH = 200  # characters kept
# Login methods that send the password itself (over plain text unless the connection is TLS).
PASSWORD_METHODS = frozenset({"PLAIN", "LOGIN", "USER"})
# OpenSSL's verification codes (X509_V_ERR_*) that we name for staff.
EXPIRED_CODES = frozenset({10})  # certificate has expired
WRONG_NAME_CODES = frozenset({62})  # hostname mismatch


@dataclass(frozen=True)
class Target:
    """One endpoint of one of our servers: only ever built from our own Server/PortSetting rows."""

    hostname: str
    port: int
    protocol: str
    security: str


@dataclass(frozen=True)
class Certificate:
    not_after: datetime
    names_host: bool
    trusted: bool


@dataclass(frozen=True)
class ProbeResult:
    target: Target
    problem: str = Problem.NONE
    detail: str = ""
    greeting: str = ""
    login_methods: tuple[str, ...] = ()
    plain_login_refused: bool | None = None  # None: not known (implicit TLS has no "before")
    certificate: Certificate | None = None
    round_trip_ms: int | None = None  # the TCP handshake

    @property
    def ok(self) -> bool:
        return self.problem == Problem.NONE

    @property
    def answered(self) -> bool:
        return bool(self.greeting)


class ProtocolError(Exception):
    """The server said something a mail program would not accept."""


class StartTlsUnavailable(Exception):
    """The server does not offer STARTTLS, or refused it."""


@dataclass
class _Facts:
    """What the conversation learnt so far (kept when a later step fails)."""

    greeting: str = ""
    before_tls: tuple[str, ...] | None = None
    after_tls: tuple[str, ...] | None = None
    certificate_der: bytes | None = None
    round_trip_ms: int | None = None


class _Conversation:
    """Lines in and out of one socket, every read bounded by the probe's deadline."""

    def __init__(self, sock: socket.socket, deadline: float):
        self.sock = sock
        self.deadline = deadline
        self.buffer = b""

    def _remaining(self) -> float:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("deadline reached")
        return remaining

    def read_line(self) -> str:
        while b"\n" not in self.buffer:
            if len(self.buffer) > MAX_LINE:
                raise ProtocolError("line too long")
            self.sock.settimeout(self._remaining())
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ProtocolError("connection closed by the server")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.rstrip(b"\r").decode("utf-8", "replace")

    def send(self, line: str) -> None:
        self.sock.settimeout(self._remaining())
        self.sock.sendall(line.encode("ascii") + b"\r\n")

    def start_tls(self, context: ssl.SSLContext, hostname: str) -> None:
        if self.buffer:
            raise ProtocolError("data sent before the TLS handshake")
        self.sock.settimeout(self._remaining())
        self.sock = context.wrap_socket(self.sock, server_hostname=hostname)


# -- the three protocols -----------------------------------------------------------------------


def _imap_greeting(talk: _Conversation) -> str:
    line = talk.read_line()
    if not line.startswith(("* OK", "* PREAUTH")):
        raise ProtocolError("not an IMAP greeting")
    return line


def _imap_command(talk: _Conversation, tag: str, command: str) -> list[str]:
    talk.send(f"{tag} {command}")
    untagged = []
    for _ in range(MAX_LINES):
        line = talk.read_line()
        if line.startswith(f"{tag} "):
            if line.split(" ", 2)[1:2] != ["OK"]:
                raise (StartTlsUnavailable if command == "STARTTLS" else ProtocolError)(line)
            return untagged
        untagged.append(line)
    raise ProtocolError("reply too long")


def _imap_capabilities(talk: _Conversation, tag: str) -> tuple[str, ...]:
    words: list[str] = []
    for line in _imap_command(talk, tag, "CAPABILITY"):
        if line.upper().startswith("* CAPABILITY "):
            words += line.split()[2:]
    return tuple(word.upper() for word in words)


def _pop3_reply(talk: _Conversation) -> str:
    line = talk.read_line()
    if not line.startswith(("+OK", "-ERR")):
        raise ProtocolError("not a POP3 reply")
    return line


def _pop3_greeting(talk: _Conversation) -> str:
    line = _pop3_reply(talk)
    if not line.startswith("+OK"):
        raise ProtocolError(line)
    return line


def _pop3_capabilities(talk: _Conversation) -> tuple[str, ...]:
    talk.send("CAPA")
    if not _pop3_reply(talk).startswith("+OK"):
        return ()  # CAPA is optional (RFC 2449): nothing advertised
    lines = []
    for _ in range(MAX_LINES):
        line = talk.read_line()
        if line == ".":
            return tuple(line.upper() for line in lines)
        lines.append(line)
    raise ProtocolError("reply too long")


def _smtp_reply(talk: _Conversation) -> tuple[int, list[str]]:
    lines = []
    for _ in range(MAX_LINES):
        line = talk.read_line()
        if len(line) < 3 or not line[:3].isdigit():
            raise ProtocolError("not an SMTP reply")
        lines.append(line[4:])
        if line[3:4] != "-":
            return int(line[:3]), lines
    raise ProtocolError("reply too long")


def _smtp_greeting(talk: _Conversation) -> str:
    code, lines = _smtp_reply(talk)
    if code != 220:
        raise ProtocolError(f"{code} {lines[0]}")
    return f"220 {lines[0]}"


def _smtp_capabilities(talk: _Conversation, ehlo_name: str) -> tuple[str, ...]:
    talk.send(f"EHLO {ehlo_name}")
    code, lines = _smtp_reply(talk)
    if code != 250:
        raise ProtocolError(f"EHLO: {code}")
    return tuple(line.upper() for line in lines[1:])  # the first line names the server


@dataclass(frozen=True)
class _Dialogue:
    greet: Callable[[_Conversation], str]
    capabilities: Callable[[_Conversation, int], tuple[str, ...]]
    start_tls: Callable[[_Conversation], None]
    goodbye: str


def _dialogue(protocol: str, ehlo_name: str) -> _Dialogue:
    if protocol == Protocol.IMAP:

        def imap_starttls(talk: _Conversation) -> None:
            _imap_command(talk, "t1", "STARTTLS")

        return _Dialogue(
            _imap_greeting,
            lambda talk, step: _imap_capabilities(talk, f"c{step}"),
            imap_starttls,
            "z1 LOGOUT",
        )
    if protocol == Protocol.POP3:

        def pop3_stls(talk: _Conversation) -> None:
            talk.send("STLS")
            if not _pop3_reply(talk).startswith("+OK"):
                raise StartTlsUnavailable("STLS refused")

        return _Dialogue(
            _pop3_greeting, lambda talk, _step: _pop3_capabilities(talk), pop3_stls, "QUIT"
        )

    def smtp_starttls(talk: _Conversation) -> None:
        talk.send("STARTTLS")
        code, _lines = _smtp_reply(talk)
        if code != 220:
            raise StartTlsUnavailable(f"STARTTLS: {code}")

    return _Dialogue(
        _smtp_greeting,
        lambda talk, _step: _smtp_capabilities(talk, ehlo_name),
        smtp_starttls,
        "QUIT",
    )


def offers_starttls(protocol: str, capabilities: Iterable[str]) -> bool:
    word = "STLS" if protocol == Protocol.POP3 else "STARTTLS"
    return word in {capability.split()[0] for capability in capabilities if capability}


def login_methods(protocol: str, capabilities: Iterable[str]) -> tuple[str, ...]:
    """The ways to log in a server advertises: SASL mechanisms, plus USER (POP3) and LOGIN (IMAP)."""
    capabilities = tuple(capabilities)
    methods: list[str] = []
    if protocol == Protocol.IMAP:
        methods = [c.removeprefix("AUTH=") for c in capabilities if c.startswith("AUTH=")]
        if "LOGINDISABLED" not in capabilities:
            methods.append("LOGIN")
    elif protocol == Protocol.POP3:
        for capability in capabilities:
            words = capability.split()
            if words[:1] == ["SASL"]:
                methods += words[1:]
            elif words == ["USER"]:
                methods.append("USER")
    else:
        for capability in capabilities:
            words = capability.replace("=", " ", 1).split()
            if words[:1] == ["AUTH"]:
                methods += words[1:]
    return tuple(dict.fromkeys(methods))


def plain_login_refused(protocol: str, capabilities: Iterable[str]) -> bool:
    """True when no method that sends the password as it is is offered (before TLS)."""
    return not PASSWORD_METHODS & set(login_methods(protocol, capabilities))


# -- certificates -----------------------------------------------------------------------------


def name_matches(pattern: str, hostname: str) -> bool:
    """RFC 6125 matching: exact, or a wildcard for exactly the left-most label."""
    pattern, hostname = pattern.lower().rstrip("."), hostname.lower().rstrip(".")
    if pattern.startswith("*."):
        first, _, rest = hostname.partition(".")
        return bool(first) and rest == pattern[2:]
    return pattern == hostname


def certificate_facts(der: bytes, hostname: str, *, trusted: bool) -> Certificate:
    certificate = x509.load_der_x509_certificate(der)
    try:
        names = certificate.extensions.get_extension_for_class(
            x509.SubjectAlternativeName
        ).value.get_values_for_type(x509.DNSName)
    except x509.ExtensionNotFound:
        names = []
    return Certificate(
        not_after=certificate.not_valid_after_utc,
        names_host=any(name_matches(name, hostname) for name in names),
        trusted=trusted,
    )


def verifying_context(ca_file: str = "") -> ssl.SSLContext:
    """The system's roots (plus `ca_file`), hostname checked: what a careful mail program does."""
    context = ssl.create_default_context()
    if ca_file:
        context.load_verify_locations(cafile=ca_file)
    return context


def inspecting_context() -> ssl.SSLContext:
    """Only to read a certificate that already failed verification (its expiry and names)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # the verifying attempt before this one decided trust
    return context


def certificate_problem(error: ssl.SSLCertVerificationError) -> str:
    if error.verify_code in EXPIRED_CODES:
        return Problem.CERTIFICATE_EXPIRED
    if error.verify_code in WRONG_NAME_CODES:
        return Problem.CERTIFICATE_WRONG_NAME
    return Problem.CERTIFICATE_UNTRUSTED


# -- one endpoint -----------------------------------------------------------------------------


def _converse(
    target: Target,
    address: tuple[str, int],
    context: ssl.SSLContext,
    deadline: float,
    ehlo_name: str,
    facts: _Facts,
) -> None:
    """The whole conversation; fills `facts` as it goes and raises on the first failure."""
    dialogue = _dialogue(target.protocol, ehlo_name)
    started = time.monotonic()
    sock = socket.create_connection(address, timeout=max(deadline - started, 0.001))
    facts.round_trip_ms = round((time.monotonic() - started) * 1000)
    talk = _Conversation(sock, deadline)
    try:
        if target.security == Security.SSL:
            talk.start_tls(context, target.hostname)
            facts.certificate_der = talk.sock.getpeercert(binary_form=True)
        facts.greeting = dialogue.greet(talk)[:GREETING_LENGTH]
        if target.security == Security.SSL:
            facts.after_tls = dialogue.capabilities(talk, 1)
        else:
            facts.before_tls = dialogue.capabilities(talk, 1)
        if target.security == Security.STARTTLS:
            if not offers_starttls(target.protocol, facts.before_tls):
                raise StartTlsUnavailable("STARTTLS not advertised")
            dialogue.start_tls(talk)
            talk.start_tls(context, target.hostname)
            facts.certificate_der = talk.sock.getpeercert(binary_form=True)
            facts.after_tls = dialogue.capabilities(talk, 2)
        talk.send(dialogue.goodbye)
    finally:
        talk.sock.close()


def _result(
    target: Target,
    facts: _Facts,
    problem: str = Problem.NONE,
    detail: str = "",
    certificate: Certificate | None = None,
) -> ProbeResult:
    methods = facts.after_tls if facts.after_tls is not None else facts.before_tls
    return ProbeResult(
        target=target,
        problem=problem,
        detail=detail[:GREETING_LENGTH],
        greeting=facts.greeting,
        login_methods=login_methods(target.protocol, methods or ()),
        plain_login_refused=(
            None
            if facts.before_tls is None
            else plain_login_refused(target.protocol, facts.before_tls)
        ),
        certificate=certificate,
        round_trip_ms=facts.round_trip_ms,
    )


def probe(
    target: Target,
    *,
    timeout: float,
    context: ssl.SSLContext,
    connect_to: dict[tuple[str, int], tuple[str, int]] | None = None,
    ehlo_name: str = "localhost",
) -> ProbeResult:
    """Check one endpoint within `timeout` seconds; never raises for anything the server does."""
    deadline = time.monotonic() + timeout
    address = (connect_to or {}).get((target.hostname, target.port), (target.hostname, target.port))
    facts = _Facts()
    try:
        _converse(target, address, context, deadline, ehlo_name, facts)
    except ssl.SSLCertVerificationError as error:
        return _failed_certificate(target, address, deadline, ehlo_name, error)
    except TimeoutError:
        return _result(target, facts, Problem.TIMEOUT, "no answer in time")
    except ConnectionRefusedError as error:
        return _result(target, facts, Problem.REFUSED, str(error))
    except StartTlsUnavailable as error:
        return _result(target, facts, Problem.NO_STARTTLS, str(error))
    except ProtocolError as error:
        return _result(target, facts, Problem.PROTOCOL, str(error))
    except ssl.SSLError as error:
        return _result(target, facts, Problem.TLS, str(error))
    except OSError as error:
        return _result(target, facts, Problem.UNREACHABLE, str(error))
    certificate = None
    if facts.certificate_der:
        certificate = certificate_facts(facts.certificate_der, target.hostname, trusted=True)
    return _result(target, facts, certificate=certificate)


def _failed_certificate(
    target: Target,
    address: tuple[str, int],
    deadline: float,
    ehlo_name: str,
    error: ssl.SSLCertVerificationError,
) -> ProbeResult:
    """Connect once more without verifying, only to tell staff what the certificate says."""
    problem, detail = certificate_problem(error), error.verify_message or str(error)
    facts = _Facts()
    # Whatever this second attempt learns before any failure is kept.
    with contextlib.suppress(OSError, ProtocolError, StartTlsUnavailable):
        _converse(target, address, inspecting_context(), deadline, ehlo_name, facts)
    certificate = None
    if facts.certificate_der:
        certificate = certificate_facts(facts.certificate_der, target.hostname, trusted=False)
    return _result(target, facts, problem, detail, certificate)


def probe_all(
    targets: Iterable[Target],
    *,
    timeout: float,
    context: ssl.SSLContext,
    workers: int,
    connect_to: dict[tuple[str, int], tuple[str, int]] | None = None,
    ehlo_name: str = "localhost",
) -> list[ProbeResult]:
    """Every target at once (up to `workers` in parallel), in the order given."""
    targets = list(targets)
    if not targets:
        return []
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(targets)))) as pool:
        return list(
            pool.map(
                lambda target: probe(
                    target,
                    timeout=timeout,
                    context=context,
                    connect_to=connect_to,
                    ehlo_name=ehlo_name,
                ),
                targets,
            )
        )


def parse_connect_to(entries: Iterable[str]) -> dict[tuple[str, int], tuple[str, int]]:
    """curl-style "host:port:address:port" entries → {(host, port): (address, port)}.

    An IPv6 address goes in brackets: "streznik.avant.si:993:[::1]:10993". Raises ValueError.
    """
    mapping = {}
    for entry in entries:
        host, port, rest = entry.strip().split(":", 2)
        if rest.startswith("["):
            address, _, tail = rest[1:].partition("]")
            new_port = tail.removeprefix(":")
        else:
            address, new_port = rest.rsplit(":", 1)
        mapping[(host.lower(), int(port))] = (address, int(new_port))
    return mapping
