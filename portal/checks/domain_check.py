"""Does a hosted domain's DNS send mail and mail programs where we expect? Pure logic.

`check_domain(settings, portal_hostname, lookup)` compares what DNS says (through `lookup`, a
callable `(name, rdtype) -> DnsAnswer`, see portal.checks.dns_lookup and portal.mail.dns) with the records we
recommend (portal.autoconfig.dns, the same list the DNS records page shows, plus the MX):

- MX: one of the domain's MX hosts is the package's server, or has the same address.
- `autoconfig` / `autodiscover`: a CNAME to the portal, or an address record equal to the
  portal's address.
- SRV `_submissions._tcp`, `_imaps._tcp`, `_pop3s._tcp`, `_autodiscover._tcp`: a record with
  the expected port and target (priority and weight are the customer's choice).

Each missing or wrong record comes with the exact zone-file line to add.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from portal.autoconfig.dns import TTL, DnsRecord, records_for
from portal.checks.dns_lookup import DnsAnswer, Outcome
from portal.mail.mailsettings import MailSettings

CHECKED_LABELS = (
    "autoconfig",
    "autodiscover",
    "_autodiscover._tcp",
    "_submissions._tcp",
    "_imaps._tcp",
    "_pop3s._tcp",
)
MX_PREFERENCE = 10


class DnsUnavailable(Exception):
    """DNS did not answer in time (or answered with an error): we cannot tell."""


class Status(StrEnum):
    OK = "ok"
    MISSING = "missing"
    WRONG = "wrong"


@dataclass(frozen=True)
class RecordCheck:
    expected: DnsRecord
    status: Status
    found: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.status == Status.OK


def _name(value: str) -> str:
    return value.lower().rstrip(".")


def expected_records(mail_settings: MailSettings, portal_hostname: str) -> list[DnsRecord]:
    domain = mail_settings.address.domain
    mx = DnsRecord(
        f"{domain}.",
        "MX",
        f"{MX_PREFERENCE} {mail_settings.server_hostname}.",
        _("Mail for your domain is delivered to the server of your hosting package."),
    )
    wanted = {f"{label}.{domain}." for label in CHECKED_LABELS}
    return [mx, *(r for r in records_for(mail_settings, portal_hostname) if r.name in wanted)]


class _Dns:
    """The look-ups of one check; any failure stops the check with DnsUnavailable."""

    def __init__(self, lookup):
        self.lookup = lookup
        self.addresses_of: dict[str, frozenset[str]] = {}

    def ask(self, name: str, rdtype: str) -> tuple[str, ...]:
        answer: DnsAnswer = self.lookup(name, rdtype)
        if answer.outcome == Outcome.FAILED:
            raise DnsUnavailable(name)
        return answer.records

    def addresses(self, name: str) -> frozenset[str]:
        key = _name(name)
        if key not in self.addresses_of:
            self.addresses_of[key] = frozenset(self.ask(key, "A") + self.ask(key, "AAAA"))
        return self.addresses_of[key]


def _check_mx(dns: _Dns, record: DnsRecord, server: str) -> RecordCheck:
    found = dns.ask(record.name, "MX")
    if not found:
        return RecordCheck(record, Status.MISSING)
    hosts = [_name(line.split()[-1]) for line in found]
    if _name(server) in hosts or any(dns.addresses(h) & dns.addresses(server) for h in hosts):
        return RecordCheck(record, Status.OK, found)
    return RecordCheck(record, Status.WRONG, found)


def _check_alias(dns: _Dns, record: DnsRecord) -> RecordCheck:
    target = _name(record.data)
    cnames = dns.ask(record.name, "CNAME")
    if any(_name(line) == target for line in cnames):
        return RecordCheck(record, Status.OK, cnames)
    addresses = dns.addresses(record.name)
    if not cnames and addresses and addresses & dns.addresses(target):
        return RecordCheck(record, Status.OK, tuple(sorted(addresses)))
    found = cnames or tuple(sorted(addresses))
    return RecordCheck(record, Status.WRONG if found else Status.MISSING, found)


def _check_srv(dns: _Dns, record: DnsRecord) -> RecordCheck:
    _priority, _weight, port, target = record.data.split()
    found = dns.ask(record.name, "SRV")
    for line in found:
        parts = line.split()
        if len(parts) == 4 and parts[2] == port and _name(parts[3]) == _name(target):
            return RecordCheck(record, Status.OK, found)
    return RecordCheck(record, Status.WRONG if found else Status.MISSING, found)


def check_domain(mail_settings: MailSettings, portal_hostname: str, lookup) -> list[RecordCheck]:
    """Every expected record with what DNS says; raises DnsUnavailable."""
    dns = _Dns(lookup)
    checks = []
    for record in expected_records(mail_settings, portal_hostname):
        if record.type == "MX":
            checks.append(_check_mx(dns, record, mail_settings.server_hostname))
        elif record.type == "CNAME":
            checks.append(_check_alias(dns, record))
        else:
            checks.append(_check_srv(dns, record))
    return checks


def fixes(checks: list[RecordCheck]) -> str:
    """The zone-file lines for every record that is missing or wrong."""
    return "".join(f"{c.expected.zone_line}\n" for c in checks if not c.ok)


__all__ = ["TTL", "DnsUnavailable", "RecordCheck", "Status", "check_domain", "fixes"]
