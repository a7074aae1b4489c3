"""`MailSettings`: everything a mail program needs for one address, as one plain value.

Built once from the database (see `portal.mail.selectors.mail_settings_for`) and rendered by
the wizard's settings card, the program steps, and every machine format (Thunderbird
autoconfig, Outlook Autodiscover, Apple profile, DNS guidance). Nothing here touches the
database, so every rendering can be tested with a hand-built value.
"""

from dataclasses import dataclass, replace

from portal.mail.addresses import EmailAddress
from portal.mail.choices import Protocol, Security

SECURITY_ORDER = (Security.SSL, Security.STARTTLS, Security.NONE)


@dataclass(frozen=True)
class PortOption:
    protocol: str
    security: str
    port: int
    preferred: bool


@dataclass(frozen=True)
class Endpoint:
    """One way to connect: protocol, host, port and security mode."""

    protocol: str
    hostname: str
    port: int
    security: str

    @property
    def encrypted(self) -> bool:
        return self.security != Security.NONE

    @property
    def protocol_label(self) -> str:
        return Protocol(self.protocol).label

    @property
    def security_label(self) -> str:
        return str(Security(self.security).label)


@dataclass(frozen=True)
class MailSettings:
    address: EmailAddress
    ports: tuple[PortOption, ...]
    server_hostname: str | None = None  # the hosting package's server; None if not hosted here
    disk_quota_mb: int | None = None
    plan: str | None = None
    recommended_protocol: str = Protocol.IMAP

    @property
    def hosted(self) -> bool:
        return self.server_hostname is not None

    @property
    def username(self) -> str:
        return self.address.address

    @property
    def plain_hostname(self) -> str:
        """`mail.<domain>`: right for unencrypted connections, wrong on an SSL certificate."""
        return f"mail.{self.address.domain}"

    @property
    def other_protocol(self) -> str:
        return Protocol.POP3 if self.recommended_protocol == Protocol.IMAP else Protocol.IMAP

    def with_protocol(self, protocol: str) -> "MailSettings":
        return replace(self, recommended_protocol=Protocol(protocol))

    def hostname_for(self, security: str) -> str | None:
        """Encrypted connections need the name on the certificate: the package's server."""
        if security == Security.NONE:
            return self.plain_hostname
        return self.server_hostname

    def endpoints(self, protocol: str) -> list[Endpoint]:
        """Every way to reach `protocol`, best first: SSL/TLS, STARTTLS, plain; preferred port first."""
        options = sorted(
            (option for option in self.ports if option.protocol == protocol),
            key=lambda option: (
                SECURITY_ORDER.index(option.security),
                not option.preferred,
                option.port,
            ),
        )
        endpoints = []
        for option in options:
            hostname = self.hostname_for(option.security)
            if hostname:
                endpoints.append(Endpoint(protocol, hostname, option.port, option.security))
        return endpoints

    def endpoint(self, protocol: str, secure: bool = True) -> Endpoint | None:
        """The one to show: the best encrypted endpoint, or the preferred plain one."""
        for candidate in self.endpoints(protocol):
            if candidate.encrypted == secure:
                return candidate
        return None

    def alternatives(self, protocol: str, secure: bool = True) -> list[Endpoint]:
        """Other endpoints of the same kind (e.g. 587 STARTTLS next to 465, 25 next to 26)."""
        main = self.endpoint(protocol, secure)
        return [e for e in self.endpoints(protocol) if e.encrypted == secure and e != main]

    @property
    def incoming(self) -> Endpoint | None:
        return self.endpoint(self.recommended_protocol, secure=self.hosted)

    @property
    def outgoing(self) -> Endpoint | None:
        return self.endpoint(Protocol.SMTP, secure=self.hosted)

    def incoming_order(self) -> tuple[str, str]:
        """Incoming protocols with the recommended one first (machine formats keep this order)."""
        return (self.recommended_protocol, self.other_protocol)

    def placeholder_values(self, secure: bool | None = None) -> dict[str, object]:
        """Values for `{placeholders}` in program steps (see `portal.mail.steps`)."""
        secure = self.hosted if secure is None else secure
        incoming = self.endpoint(self.recommended_protocol, secure)
        outgoing = self.endpoint(Protocol.SMTP, secure)
        values: dict[str, object] = {
            "email": self.address.address,
            "username": self.username,
            "domain": self.address.domain_display,
            "incoming_protocol": Protocol(self.recommended_protocol).label,
        }
        if incoming:
            values |= {
                "incoming_server": incoming.hostname,
                "incoming_port": incoming.port,
                "incoming_security": incoming.security_label,
            }
        if outgoing:
            values |= {
                "outgoing_server": outgoing.hostname,
                "outgoing_port": outgoing.port,
                "outgoing_security": outgoing.security_label,
            }
        return values
