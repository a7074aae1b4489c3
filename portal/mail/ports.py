"""The ports table as people read it: one row per security mode, one column per protocol."""

from dataclasses import dataclass

from portal.mail.choices import Protocol, Security
from portal.mail.mailsettings import SECURITY_ORDER, PortOption

TABLE_PROTOCOLS = (Protocol.POP3, Protocol.IMAP, Protocol.SMTP)


@dataclass(frozen=True)
class PortsRow:
    security: str
    security_label: str
    cells: tuple[tuple[int, ...], ...]  # per protocol: preferred port first, then alternatives

    @property
    def recommended(self) -> bool:
        return self.security != Security.NONE


def ports_table(options: tuple[PortOption, ...]) -> list[PortsRow]:
    rows = []
    for security in SECURITY_ORDER:
        cells = tuple(
            tuple(
                option.port
                for option in sorted(options, key=lambda o: (not o.preferred, o.port))
                if option.protocol == protocol and option.security == security
            )
            for protocol in TABLE_PROTOCOLS
        )
        if any(cells):
            rows.append(PortsRow(security, str(Security(security).label), cells))
    return rows
