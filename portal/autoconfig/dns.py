"""DNS records a hosted domain should publish so that mail programs find their settings.

- `autoconfig.<domain>` and `autodiscover.<domain>`: CNAMEs to the portal (Thunderbird asks
  `autoconfig.<domain>`; Outlook asks `autodiscover.<domain>`).
- `_autodiscover._tcp.<domain>` SRV to the portal on 443: Outlook's last resort, and the one
  that works with the portal's own certificate.
- RFC 6186 / RFC 8314 SRV records for the mail services, from the same ports table the wizard
  shows. Implicit TLS gets priority 0 and STARTTLS priority 10 (RFC 8314 §5.1 prefers implicit
  TLS). `_imap._tcp` and `_pop3._tcp` mean "IMAP/POP3 with STARTTLS" (RFC 6186); when the ports
  table offers no STARTTLS port for them, they get the target "." ("not offered", RFC 6186 §4),
  so that no program is pointed at an unencrypted connection.
"""

import ipaddress
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from portal.mail.addresses import InvalidAddress, to_ascii_domain
from portal.mail.choices import Protocol, Security
from portal.mail.mailsettings import MailSettings

TTL = 3600
NOT_OFFERED = "."
# Names that never resolve on the public internet (RFC 6761, RFC 8375).
LOCAL_ONLY_SUFFIXES = (".localhost", ".local", ".home.arpa", ".internal", ".test", ".invalid")

# (SRV service label, protocol, security, priority)
MAIL_SERVICES = (
    ("_imaps._tcp", Protocol.IMAP, Security.SSL, 0),
    ("_imap._tcp", Protocol.IMAP, Security.STARTTLS, 10),
    ("_pop3s._tcp", Protocol.POP3, Security.SSL, 0),
    ("_pop3._tcp", Protocol.POP3, Security.STARTTLS, 10),
    ("_submissions._tcp", Protocol.SMTP, Security.SSL, 0),
    ("_submission._tcp", Protocol.SMTP, Security.STARTTLS, 10),
)


@dataclass(frozen=True)
class DnsRecord:
    name: str  # fully qualified, ASCII, with the trailing dot
    type: str  # CNAME or SRV
    data: str  # the record's data as written in a zone file
    purpose: str
    offered: bool = True  # False: an SRV record with the target "." (service not offered)

    @property
    def zone_line(self) -> str:
        return f"{self.name} {TTL} IN {self.type} {self.data}"


def _fqdn(name: str) -> str:
    return name if name.endswith(".") else f"{name}."


def _srv(priority: int, weight: int, port: int, target: str) -> str:
    return f"{priority} {weight} {port} {_fqdn(target) if target != NOT_OFFERED else target}"


def can_be_a_target(hostname: str) -> bool:
    """A CNAME or SRV target must be a host name in DNS: never an IP address (RFC 1034 §3.6.2,
    RFC 2782), and not a single label such as `localhost` that only means something locally."""
    try:
        ipaddress.ip_address(hostname.strip("[]"))
    except ValueError:
        pass
    else:
        return False
    try:
        ascii_name = to_ascii_domain(hostname)
    except InvalidAddress:
        return False
    return "." in ascii_name and not ascii_name.endswith(LOCAL_ONLY_SUFFIXES)


def records_for(mail_settings: MailSettings, portal_hostname: str | None) -> list[DnsRecord]:
    """Every record for the domain of `mail_settings`, in the order the page lists them.

    Without a portal host name that can be a target (`None`), the records that point at the
    portal (autoconfig, autodiscover, _autodiscover._tcp) are left out; the mail services'
    SRV records do not depend on it.
    """
    domain = mail_settings.address.domain
    records = [] if portal_hostname is None else _portal_records(domain, _fqdn(portal_hostname))
    records += _mail_service_records(mail_settings)
    return records


def _portal_records(domain: str, portal: str) -> list[DnsRecord]:
    return [
        DnsRecord(
            f"autoconfig.{domain}.",
            "CNAME",
            portal,
            _("Thunderbird (and other programs that read autoconfig) find their settings here."),
        ),
        DnsRecord(
            f"autodiscover.{domain}.",
            "CNAME",
            portal,
            _("Outlook asks this name for its settings."),
        ),
        DnsRecord(
            f"_autodiscover._tcp.{domain}.",
            "SRV",
            _srv(0, 0, 443, portal),
            _("Outlook's fallback: it reaches the portal under the portal's own name."),
        ),
    ]


def _mail_service_records(mail_settings: MailSettings) -> list[DnsRecord]:
    domain = mail_settings.address.domain
    records = []
    purposes = {
        (Protocol.IMAP, Security.SSL): _("IMAP with SSL/TLS (RFC 6186, RFC 8314)."),
        (Protocol.IMAP, Security.STARTTLS): _("IMAP with STARTTLS (RFC 6186)."),
        (Protocol.POP3, Security.SSL): _("POP3 with SSL/TLS (RFC 6186, RFC 8314)."),
        (Protocol.POP3, Security.STARTTLS): _("POP3 with STARTTLS (RFC 6186)."),
        (Protocol.SMTP, Security.SSL): _("Sending (SMTP) with SSL/TLS (RFC 8314)."),
        (Protocol.SMTP, Security.STARTTLS): _("Sending (SMTP) with STARTTLS (RFC 6186)."),
    }
    for label, protocol, security, priority in MAIL_SERVICES:
        endpoint = next(
            (e for e in mail_settings.endpoints(protocol) if e.security == security), None
        )
        name, purpose = f"{label}.{domain}.", purposes[(protocol, security)]
        if endpoint is None:
            records.append(DnsRecord(name, "SRV", _srv(0, 0, 0, NOT_OFFERED), purpose, False))
        else:
            data = _srv(priority, 1, endpoint.port, endpoint.hostname)
            records.append(DnsRecord(name, "SRV", data, purpose))
    return records


def zone_file(records: list[DnsRecord]) -> str:
    """The records as zone-file lines, ready to paste."""
    return "\n".join(record.zone_line for record in records) + "\n"
