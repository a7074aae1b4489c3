"""Ways to connect: a port option from the ports table, and one concrete endpoint."""

from dataclasses import dataclass

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
