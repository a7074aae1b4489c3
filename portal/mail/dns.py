"""DNS look-ups for the portal: one resolver, a time budget, answers kept in the shared cache.

- `lookup(name, rdtype)` asks for any record type and returns a `DnsAnswer`: FOUND with the
  records as zone-file text, NONE when the name or the record does not exist (a real answer),
  or FAILED when DNS did not answer in time or answered with an error.
- `mx_hosts(domain)` is the MX look-up the wizard and the machine formats need: host names,
  best preference first, without the trailing dot.

Every look-up takes at most `LOOKUP_BUDGET_SECONDS` in all (dnspython's `lifetime`, across
retries and nameservers). Answers (FOUND and NONE) are cached for an hour, failures for a few
minutes, in the shared cache (Redis in production), so a domain is asked at most once an hour
by all workers together. Only domain names are ever looked up: a name containing "@" is
refused, so the local part of an address can never reach a nameserver or a DNS log.

The `PORTAL_DNS_RESOLVER` setting (from the environment variable of that name: comma-separated
`host:port`, e.g. `127.0.0.1:5353,[::1]:53`) sets the nameservers; empty, the system's resolver
(`/etc/resolv.conf`) is used.
"""

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

import dns.exception
import dns.name
import dns.nameserver
import dns.resolver
from django.conf import settings
from django.core.cache import cache

LOOKUP_BUDGET_SECONDS = 2.0
ANSWER_CACHE_SECONDS = 60 * 60
FAILURE_CACHE_SECONDS = 5 * 60
DEFAULT_PORT = 53


class Outcome(StrEnum):
    FOUND = "found"
    NONE = "none"  # the name or the record type does not exist: a definite answer
    FAILED = "failed"  # timeout, SERVFAIL, refused: we do not know


@dataclass(frozen=True)
class DnsAnswer:
    outcome: Outcome
    records: tuple[str, ...] = ()

    @property
    def failed(self) -> bool:
        return self.outcome == Outcome.FAILED


def parse_nameservers(value: str) -> list[tuple[str, int]]:
    """`"127.0.0.1:5353, [::1]:53, 10.0.0.1"` → [(host, port), ...]; raises ValueError."""
    servers = []
    for item in (part.strip() for part in value.split(",")):
        if not item:
            continue
        if item.startswith("["):  # [IPv6]:port
            host, _, rest = item[1:].partition("]")
            port = rest.removeprefix(":") or str(DEFAULT_PORT)
        elif item.count(":") == 1:
            host, port = item.split(":")
        else:  # a bare IPv4 or IPv6 address
            host, port = item, str(DEFAULT_PORT)
        servers.append((host, int(port)))
    if not servers:
        raise ValueError("PORTAL_DNS_RESOLVER names no nameserver")
    return servers


@lru_cache(maxsize=4)
def _resolver(configured: str) -> dns.resolver.Resolver:
    """A resolver for the `PORTAL_DNS_RESOLVER` value (empty: the system's configuration)."""
    if not configured:
        resolver = dns.resolver.Resolver(configure=True)
    else:
        resolver = dns.resolver.Resolver(configure=False)
        resolver.nameservers = [
            dns.nameserver.Do53Nameserver(host, port)
            for host, port in parse_nameservers(configured)
        ]
    resolver.lifetime = LOOKUP_BUDGET_SECONDS
    resolver.timeout = LOOKUP_BUDGET_SECONDS
    resolver.cache = None  # the shared cache below is the only one
    return resolver


def resolver() -> dns.resolver.Resolver:
    return _resolver((settings.PORTAL_DNS_RESOLVER or "").strip())


def _ask(name: str, rdtype: str) -> DnsAnswer:
    try:
        answer = resolver().resolve(
            name, rdtype, lifetime=LOOKUP_BUDGET_SECONDS, search=False, raise_on_no_answer=False
        )
    except dns.resolver.NXDOMAIN:
        return DnsAnswer(Outcome.NONE)
    except (dns.exception.DNSException, OSError):  # timeout, no nameserver answered, ...
        return DnsAnswer(Outcome.FAILED)
    records = tuple(rdata.to_text() for rdata in answer.rrset or ())
    return DnsAnswer(Outcome.FOUND if records else Outcome.NONE, records)


def _cache_key(name: str, rdtype: str) -> str:
    return f"dns:{rdtype.upper()}:{name}"


def lookup(name: str, rdtype: str) -> DnsAnswer:
    """The records of type `rdtype` for the domain `name` (ASCII), from the shared cache if there.

    Raises ValueError for anything that is not a domain name (an email address, for example).
    """
    name = name.strip().rstrip(".").lower()
    if not name or "@" in name or any(char.isspace() for char in name):
        raise ValueError("only domain names are looked up")
    try:
        dns.name.from_text(name)
    except dns.exception.DNSException as error:
        raise ValueError("not a domain name") from error
    key = _cache_key(name, rdtype)
    cached = cache.get(key)
    if cached is not None:
        outcome, records = cached
        return DnsAnswer(Outcome(outcome), tuple(records))
    answer = _ask(name, rdtype)
    seconds = FAILURE_CACHE_SECONDS if answer.failed else ANSWER_CACHE_SECONDS
    cache.set(key, (str(answer.outcome), list(answer.records)), seconds)
    return answer


def _mx_host(record: str) -> tuple[int, str]:
    preference, _, host = record.partition(" ")
    return int(preference), host.strip().rstrip(".").lower()


def mx_hosts(domain: str) -> DnsAnswer:
    """The domain's MX hosts, best first. A "null MX" (RFC 7505: `0 .`) counts as no MX."""
    answer = lookup(domain, "MX")
    if answer.outcome != Outcome.FOUND:
        return answer
    hosts = tuple(host for _pref, host in sorted(map(_mx_host, answer.records)) if host)
    return DnsAnswer(Outcome.FOUND if hosts else Outcome.NONE, hosts)
