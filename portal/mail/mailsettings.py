"""`MailSettings`: everything a mail program needs for one address, as one plain value.

Built once from the database (see `portal.mail.selectors.mail_settings_for`) and rendered by
the wizard's settings card, the program steps, and every machine format (Thunderbird
autoconfig, Outlook Autodiscover, Apple profile, DNS guidance). Nothing here touches the
database, so every rendering can be tested with a hand-built value.
"""

from dataclasses import dataclass, replace

from portal.mail.addresses import EmailAddress
from portal.mail.choices import Protocol, Security
from portal.mail.endpoints import SECURITY_ORDER, Endpoint, PortOption
from portal.mail.location import ProviderFacts

__all__ = ["SECURITY_ORDER", "Endpoint", "MailSettings", "PortOption"]


@dataclass(frozen=True)
class MailSettings:
    address: EmailAddress
    ports: tuple[PortOption, ...]
    server_hostname: str | None = None  # the hosting package's server; None if not hosted here
    disk_quota_mb: int | None = None
    plan: str | None = None
    recommended_protocol: str = Protocol.IMAP
    found_by_mx: bool = False  # ours, found by the domain's MX record (not in the table)
    provider: ProviderFacts | None = None  # the mail is with this provider, not with us
    login_needs_ascii: bool = False  # the server wants the xn-- form of the domain to log in
    generic_guidance: bool = True  # unknown domains: show `mail.<domain>` without encryption
    dns_failed: bool = False  # unknown because DNS did not answer

    @property
    def hosted(self) -> bool:
        """On one of our servers (in the package table, or found by MX)."""
        return self.server_hostname is not None

    @property
    def at_provider(self) -> bool:
        return self.provider is not None

    @property
    def unknown(self) -> bool:
        return not self.hosted and not self.at_provider

    @property
    def secure(self) -> bool:
        """Which connection the page leads with: encrypted for us and providers."""
        return self.hosted or self.at_provider

    @property
    def shows_settings(self) -> bool:
        """False for an unknown domain when the company switched the generic guidance off."""
        return not self.unknown or self.generic_guidance

    @property
    def username(self) -> str:
        """The login: the address as typed (Unicode), unless the server wants the xn-- form."""
        if self.provider is not None and self.provider.login_with_local_part:
            return self.address.local_part
        if self.login_needs_ascii:
            return self.address.address
        return self.address.display

    @property
    def username_is_ascii_form(self) -> bool:
        """The username differs from the address the customer reads (IDN domain, xn-- login)."""
        return self.username == self.address.address != self.address.display

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
        if self.provider is not None:
            return [e for e in self.provider.endpoints if e.protocol == protocol]
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

    def offers(self, protocol: str) -> bool:
        return bool(self.endpoints(protocol))

    @property
    def incoming(self) -> Endpoint | None:
        return self.endpoint(self.recommended_protocol, secure=self.secure)

    @property
    def outgoing(self) -> Endpoint | None:
        return self.endpoint(Protocol.SMTP, secure=self.secure)

    def incoming_order(self) -> tuple[str, str]:
        """Incoming protocols with the recommended one first (machine formats keep this order)."""
        return (self.recommended_protocol, self.other_protocol)

    def placeholder_values(self, secure: bool | None = None) -> dict[str, object]:
        """Values for `{placeholders}` in program steps (see `portal.mail.steps`)."""
        secure = self.secure if secure is None else secure
        incoming = self.endpoint(self.recommended_protocol, secure)
        outgoing = self.endpoint(Protocol.SMTP, secure)
        values: dict[str, object] = {
            "email": self.address.display,
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
