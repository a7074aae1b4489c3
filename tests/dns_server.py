"""A DNS server on loopback, inside the test process (dnslib): no test ever asks the internet.

`LoopbackDns.zone` maps (name, type) to zone-file record texts; a name that is not in it gets
NXDOMAIN. `fail(name)` makes the server answer SERVFAIL for a name, and `queries` counts what
was asked, so tests can prove how often the portal looked a domain up.
"""

from collections import Counter

from dnslib import QTYPE, RCODE, RR
from dnslib.server import BaseResolver, DNSLogger, DNSServer


class _Resolver(BaseResolver):
    def __init__(self):
        self.zone: dict[tuple[str, str], list[str]] = {}
        self.failing: set[str] = set()
        self.queries: Counter = Counter()

    def resolve(self, request, handler):
        reply = request.reply()
        name = str(request.q.qname).rstrip(".").lower()
        rdtype = QTYPE[request.q.qtype]
        self.queries[(name, rdtype)] += 1
        if name in self.failing:
            reply.header.rcode = RCODE.SERVFAIL
            return reply
        records = self.zone.get((name, rdtype))
        if records:
            for text in records:
                reply.add_answer(*RR.fromZone(f"{name}. 300 IN {rdtype} {text}"))
        elif not any(key[0] == name for key in self.zone):
            reply.header.rcode = RCODE.NXDOMAIN
        return reply


class LoopbackDns:
    def __init__(self):
        self.resolver = _Resolver()
        logger = DNSLogger(log="-request,-reply,-truncated,-error,-recv,-send,-data", prefix=False)
        self.server = DNSServer(self.resolver, address="127.0.0.1", port=0, logger=logger)

    @property
    def address(self) -> str:
        host, port = self.server.server.server_address[:2]
        return f"{host}:{port}"

    @property
    def zone(self) -> dict:
        return self.resolver.zone

    @property
    def queries(self) -> Counter:
        return self.resolver.queries

    def add(self, name: str, rdtype: str, *records: str) -> None:
        self.zone.setdefault((name.lower(), rdtype), []).extend(records)

    def fail(self, name: str) -> None:
        self.resolver.failing.add(name.lower())

    def reset(self) -> None:
        self.zone.clear()
        self.resolver.failing.clear()
        self.queries.clear()

    def start(self) -> "LoopbackDns":
        self.server.start_thread()
        return self

    def stop(self) -> None:
        self.server.stop()
