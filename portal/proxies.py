"""Which proxies may tell the portal the client's address and scheme (PORTAL_TRUSTED_PROXIES).

Pure logic, no Django: the middleware in portal/middleware.py applies it to each request.

X-Forwarded-For and X-Forwarded-Proto are believed only when the connection itself comes from
a trusted proxy; then the client is the right-most address in X-Forwarded-For that is not a
trusted proxy (each proxy appends the address it saw, and only the entries our own proxies
appended can be trusted). With no trusted proxy, both headers are ignored: a client that
reaches the portal directly cannot choose its address or claim HTTPS.
"""

import ipaddress
from collections.abc import Iterable

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(values: Iterable[str]) -> tuple[Network, ...]:
    """Addresses or networks ("10.0.0.5", "172.16.0.0/12", "::1"); raises ValueError."""
    return tuple(ipaddress.ip_network(value.strip(), strict=False) for value in values)


def is_trusted(address: str, networks: tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_address(peer: str, forwarded_for: str, networks: tuple[Network, ...]) -> str:
    """The client's address: `peer` unless it is a trusted proxy that says who it serves."""
    if not is_trusted(peer, networks):
        return peer
    address = peer
    for hop in reversed([part.strip() for part in forwarded_for.split(",") if part.strip()]):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            return address  # garbage from before our proxies: keep the last address we trust
        address = hop
        if not is_trusted(hop, networks):
            return hop
    return address


def forwarded_scheme(peer: str, forwarded_proto: str, networks: tuple[Network, ...]) -> str | None:
    """ "https" or "http" as the trusted proxy nearest to us saw it; None if not to be trusted."""
    if not is_trusted(peer, networks) or not forwarded_proto.strip():
        return None
    nearest = forwarded_proto.split(",")[-1].strip().lower()
    return "https" if nearest == "https" else "http"
