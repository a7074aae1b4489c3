"""Small IMAP, POP3 and SMTP servers on loopback for the checker's tests and its benchmark.

Each greeter answers the few commands a mail program sends before it logs in (greeting,
capabilities, STARTTLS, goodbye) and records every command it receives, so a test can prove
that the checker never tried to log in. Certificates come from trustme (a throwaway CA), or are
self-signed, built here with `cryptography`.
"""

import contextlib
import datetime
import socket
import socketserver
import ssl
import tempfile
import threading

import trustme
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

LOGIN_COMMANDS = ("LOGIN", "AUTHENTICATE", "AUTH", "USER", "PASS", "APOP")


def self_signed_pem(hostname: str) -> tuple[bytes, bytes]:
    """A certificate naming `hostname`, signed by its own key (no CA vouches for it)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hostname)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=90))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(hostname)]), critical=False)
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return certificate.public_bytes(serialization.Encoding.PEM), key_pem


class CertificateMaker:
    """Server TLS contexts with certificates of every kind the tests need."""

    def __init__(self):
        self.ca = trustme.CA()

    def context(self, hostname: str, kind: str = "valid", days_left: int = 90) -> ssl.SSLContext:
        now = datetime.datetime.now(datetime.UTC)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        if kind == "self-signed":
            cert_pem, key_pem = self_signed_pem(hostname)
            with contextlib.ExitStack() as files:
                cert = files.enter_context(_temporary(cert_pem))
                key = files.enter_context(_temporary(key_pem))
                context.load_cert_chain(cert, key)
            return context
        names = {"wrong-name": ("www.example.net",)}.get(kind, (hostname,))
        if kind == "expired":
            leaf = self.ca.issue_cert(
                *names,
                not_before=now - datetime.timedelta(days=100),
                not_after=now - datetime.timedelta(days=3),
            )
        else:
            leaf = self.ca.issue_cert(
                *names,
                not_before=now - datetime.timedelta(days=1),
                not_after=now + datetime.timedelta(days=days_left),
            )
        leaf.configure_cert(context)
        return context

    def write_ca(self, path) -> str:
        self.ca.cert_pem.write_to_path(str(path))
        return str(path)


@contextlib.contextmanager
def _temporary(data: bytes):
    with tempfile.NamedTemporaryFile(suffix=".pem") as handle:
        handle.write(data)
        handle.flush()
        yield handle.name


class _Lines:
    def __init__(self, sock):
        self.sock = sock
        self.reader = sock.makefile("rb")

    def read(self) -> str:
        line = self.reader.readline(4096)
        if not line:
            raise ConnectionError("closed")
        return line.decode().rstrip("\r\n")

    def send(self, *lines: str) -> None:
        self.sock.sendall("".join(f"{line}\r\n" for line in lines).encode())

    def upgrade(self, context: ssl.SSLContext) -> None:
        self.reader.close()
        self.sock = context.wrap_socket(self.sock, server_side=True)
        self.reader = self.sock.makefile("rb")


class Greeter(socketserver.ThreadingTCPServer):
    """One endpoint: `protocol` (imap/pop3/smtp) with `security` (ssl/starttls/none)."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self,
        protocol: str,
        security: str,
        tls: ssl.SSLContext | None,
        *,
        silent: bool = False,
        plain_login_before_tls: bool = False,
        address: str = "127.0.0.1",
    ):
        self.protocol, self.security, self.tls = protocol, security, tls
        self.silent = silent
        self.plain_login_before_tls = plain_login_before_tls
        self.commands: list[str] = []
        self.stopped = threading.Event()
        super().__init__((address, 0), _Handler)
        self.thread = threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()

    @property
    def port(self) -> int:
        return self.server_address[1]

    def stop(self) -> None:
        self.stopped.set()
        self.shutdown()
        self.server_close()

    def login_attempts(self) -> list[str]:
        return [c for c in self.commands if any(w in LOGIN_COMMANDS for w in c.upper().split())]


class _Handler(socketserver.BaseRequestHandler):
    server: Greeter

    def handle(self):
        server = self.server
        if server.silent:  # accepts the connection and never says a word
            server.stopped.wait(30)
            return
        sock = self.request
        try:
            if server.security == "ssl":
                sock = server.tls.wrap_socket(sock, server_side=True)
            lines = _Lines(sock)
            getattr(self, f"_{server.protocol}")(lines, tls=server.security == "ssl")
        except (OSError, ConnectionError, ssl.SSLError):
            return  # the client went away (e.g. it rejected our certificate)

    def _heard(self, line: str) -> str:
        self.server.commands.append(line)
        return line

    def _imap(self, lines: _Lines, tls: bool):
        lines.send("* OK [greeter] IMAP4rev1 ready")
        while True:
            tag, _, command = self._heard(lines.read()).partition(" ")
            command = command.upper()
            if command == "CAPABILITY":
                if tls:
                    caps = "IMAP4rev1 AUTH=PLAIN AUTH=LOGIN"
                elif self.server.plain_login_before_tls:
                    caps = "IMAP4rev1 STARTTLS AUTH=PLAIN"
                else:
                    caps = "IMAP4rev1 STARTTLS LOGINDISABLED"
                lines.send(f"* CAPABILITY {caps}", f"{tag} OK done")
            elif command == "STARTTLS" and not tls:
                lines.send(f"{tag} OK begin TLS")
                lines.upgrade(self.server.tls)
                tls = True
            elif command == "LOGOUT":
                lines.send("* BYE", f"{tag} OK bye")
                return
            else:
                lines.send(f"{tag} BAD not here")

    def _pop3(self, lines: _Lines, tls: bool):
        lines.send("+OK greeter POP3 ready")
        while True:
            command = self._heard(lines.read()).upper()
            if command == "CAPA":
                if tls:
                    caps = ["USER", "SASL PLAIN LOGIN"]
                elif self.server.plain_login_before_tls:
                    caps = ["STLS", "USER"]
                else:
                    caps = ["STLS"]
                lines.send("+OK", *caps, ".")
            elif command == "STLS" and not tls:
                lines.send("+OK begin TLS")
                lines.upgrade(self.server.tls)
                tls = True
            elif command == "QUIT":
                lines.send("+OK bye")
                return
            else:
                lines.send("-ERR not here")

    def _smtp(self, lines: _Lines, tls: bool):
        lines.send("220-greeter ESMTP", "220 ready")
        while True:
            command = self._heard(lines.read()).upper()
            if command.startswith("EHLO "):
                caps = ["PIPELINING"]
                if tls:
                    caps.append("AUTH PLAIN LOGIN")
                else:
                    caps.append("STARTTLS")
                    if self.server.plain_login_before_tls:
                        caps.append("AUTH PLAIN LOGIN")
                caps.append("8BITMIME")
                replies = ["greeter hello", *caps]
                lines.send(*[f"250-{r}" for r in replies[:-1]], f"250 {replies[-1]}")
            elif command == "STARTTLS" and not tls:
                lines.send("220 go ahead")
                lines.upgrade(self.server.tls)
                tls = True
            elif command == "QUIT":
                lines.send("221 bye")
                return
            else:
                lines.send("502 not here")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
