"""DNS look-ups for the domain check, through dnspython.

`lookup(name, rdtype)` returns a `DnsAnswer`: FOUND with the records as zone-file text, NONE
when the name or the type does not exist (a real answer), FAILED when DNS did not answer in
time or answered with an error. `PORTAL_DNS_RESOLVER` (comma-separated host:port) picks the
nameservers; unset, the system's resolver is used.

The same interface as the resolver module of issue 12 (portal/mail/dns.py, in progress on
another branch): once both are on main, this module becomes an import of that one. Unlike
that module, nothing is cached here: a customer who has just fixed a record wants to see it.
"""

import time
from dataclasses import dataclass
from enum import StrEnum

import dns.exception
import dns.nameserver
import dns.resolver
from django.conf import settings

DEFAULT_PORT = 53


class Outcome(StrEnum):
    FOUND = "found"
    NONE = "none"
    FAILED = "failed"


@dataclass(frozen=True)
class DnsAnswer:
    outcome: Outcome
    records: tuple[str, ...] = ()

    @property
    def failed(self) -> bool:
        return self.outcome == Outcome.FAILED


def parse_nameservers(value: str) -> list[tuple[str, int]]:
    """ "127.0.0.1:5353, [::1]:53, 10.0.0.1" → [(host, port), ...]; raises ValueError."""
    servers = []
    for item in (part.strip() for part in value.split(",")):
        if not item:
            continue
        if item.startswith("["):
            host, _, rest = item[1:].partition("]")
            port = rest.removeprefix(":") or str(DEFAULT_PORT)
        elif item.count(":") == 1:
            host, port = item.split(":")
        else:
            host, port = item, str(DEFAULT_PORT)
        servers.append((host, int(port)))
    return servers


def resolver() -> dns.resolver.Resolver:
    configured = settings.PORTAL_DNS_RESOLVER
    if not configured:
        return dns.resolver.Resolver(configure=True)
    made = dns.resolver.Resolver(configure=False)
    made.nameservers = [
        dns.nameserver.Do53Nameserver(host, port) for host, port in parse_nameservers(configured)
    ]
    return made


class Lookup:
    """Look-ups that share one time budget (a whole domain check waits at most `seconds`)."""

    def __init__(self, seconds: float):
        self.resolver = resolver()
        self.deadline = time.monotonic() + seconds

    def __call__(self, name: str, rdtype: str) -> DnsAnswer:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            return DnsAnswer(Outcome.FAILED)
        try:
            answer = self.resolver.resolve(name, rdtype, lifetime=remaining, search=False)
        except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
            return DnsAnswer(Outcome.NONE)
        except dns.exception.DNSException:  # timeout, SERVFAIL, no nameserver answered
            return DnsAnswer(Outcome.FAILED)
        return DnsAnswer(Outcome.FOUND, tuple(record.to_text() for record in answer))
