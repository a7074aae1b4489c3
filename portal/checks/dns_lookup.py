"""DNS look-ups for the domain check: the portal's resolver (`portal.mail.dns`), uncached.

`Lookup(seconds)` is a callable `(name, rdtype) -> DnsAnswer` whose look-ups share one time
budget, so a whole domain check waits at most `seconds`. It uses the same nameservers
(`PORTAL_DNS_RESOLVER`) and answer type as `portal.mail.dns.lookup`, but skips that module's
shared answer cache on purpose: a customer who has just fixed a record wants to see it.
"""

import time

import dns.exception
import dns.resolver

from portal.mail.dns import DnsAnswer, Outcome, resolver

__all__ = ["DnsAnswer", "Lookup", "Outcome"]


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
        except (dns.exception.DNSException, OSError):  # timeout, SERVFAIL, no answer at all
            return DnsAnswer(Outcome.FAILED)
        return DnsAnswer(Outcome.FOUND, tuple(record.to_text() for record in answer))
