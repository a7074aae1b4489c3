"""A DNS server on loopback for the domain check's tests: dnslib in the test process."""

import socket

from dnslib import QTYPE, RCODE, RR
from dnslib.server import BaseResolver, DNSLogger, DNSServer


class ZoneResolver(BaseResolver):
    """Answers from zone-file text; follows a CNAME inside the zone for A/AAAA questions."""

    def __init__(self, zone: str):
        self.records = RR.fromZone(zone)

    def _matching(self, name, qtype: str) -> list:
        return [r for r in self.records if r.rname == name and QTYPE[r.rtype] == qtype]

    def resolve(self, request, handler):
        reply = request.reply()
        name, qtype = request.q.qname, QTYPE[request.q.qtype]
        answers = self._matching(name, qtype)
        if not answers and qtype != "CNAME":
            for alias in self._matching(name, "CNAME"):
                answers += [alias, *self._matching(alias.rdata.label, qtype)]
        for record in answers:
            reply.add_answer(record)
        if not answers and not any(r.rname == name for r in self.records):
            reply.header.rcode = RCODE.NXDOMAIN
        return reply


class LoopbackDns:
    def __init__(self, zone: str):
        self.server = DNSServer(
            ZoneResolver(zone),
            address="127.0.0.1",
            port=0,
            logger=DNSLogger("-request,-reply,-truncated,-error,-recv,-send,-data"),
        )
        self.server.start_thread()

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.server.server.server_address[1]}"

    def stop(self):
        self.server.stop()


class SilentDns:
    """A UDP port that receives questions and never answers."""

    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.sock.getsockname()[1]}"

    def stop(self):
        self.sock.close()
