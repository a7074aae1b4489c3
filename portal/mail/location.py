"""Where does this mailbox live? One pure decision, from plain values (no ORM, no DNS).

In this order:
1. a hosting package in our table → ours, with its server and quota;
2. an MX host that is one of our servers (its hostname or one of the further MX names staff
   list on it) → ours on that server, quota unknown;
3. the address domain, or an MX host, of a known mail provider → that provider;
4. nothing found, or DNS failed → unknown.

`portal.mail.selectors.mailbox_location()` gathers the inputs (rows and the MX answer).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from portal.mail.dns import DnsAnswer, Outcome
from portal.mail.endpoints import Endpoint


class Where(StrEnum):
    PACKAGE = "package"  # in our hosting-package table
    OUR_MX = "our-mx"  # not in the table, but its MX record names one of our servers
    PROVIDER = "provider"  # a known mail provider
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class ServerFacts:
    hostname: str
    mx_names: tuple[str, ...] = ()
    login_needs_ascii: bool = False

    def receives_for(self, mx_host: str) -> bool:
        return mx_host == self.hostname or mx_host in self.mx_names


@dataclass(frozen=True)
class PackageFacts:
    server: ServerFacts
    disk_quota_mb: int
    plan: str


@dataclass(frozen=True)
class ProviderFacts:
    slug: str
    name: str
    address_domains: tuple[str, ...] = ()
    mx_suffixes: tuple[str, ...] = ()
    endpoints: tuple[Endpoint, ...] = ()
    login_with_local_part: bool = False
    help_url: str = ""
    note: str = ""
    name_at: str = ""  # for "Your mail is with …" in the current language (Slovenian: locative)

    @property
    def heading_name(self) -> str:
        return self.name_at or self.name

    def has_address_domain(self, domain: str) -> bool:
        return domain in self.address_domains

    def receives_for(self, mx_host: str) -> bool:
        return any(
            mx_host == suffix or mx_host.endswith("." + suffix) for suffix in self.mx_suffixes
        )


@dataclass(frozen=True)
class MailboxLocation:
    where: Where
    server: ServerFacts | None = None
    package: PackageFacts | None = None
    provider: ProviderFacts | None = None
    dns_failed: bool = False  # only for UNKNOWN: DNS did not answer, so we could not tell

    @property
    def ours(self) -> bool:
        return self.where in (Where.PACKAGE, Where.OUR_MX)


def locate_mailbox(
    domain: str,
    package: PackageFacts | None,
    servers: Iterable[ServerFacts] = (),
    providers: Iterable[ProviderFacts] = (),
    mx: DnsAnswer | None = None,
) -> MailboxLocation:
    """Decide where the mailboxes of `domain` (ASCII) live; see the module docstring."""
    if package is not None:
        return MailboxLocation(Where.PACKAGE, server=package.server, package=package)
    mx_hosts = mx.records if mx is not None and mx.outcome == Outcome.FOUND else ()
    servers = tuple(servers)
    for host in mx_hosts:
        for server in servers:
            if server.receives_for(host):
                return MailboxLocation(Where.OUR_MX, server=server)
    providers = tuple(providers)
    for provider in providers:
        if provider.has_address_domain(domain):
            return MailboxLocation(Where.PROVIDER, provider=provider)
    for host in mx_hosts:
        for provider in providers:
            if provider.receives_for(host):
                return MailboxLocation(Where.PROVIDER, provider=provider)
    return MailboxLocation(Where.UNKNOWN, dns_failed=mx is not None and mx.failed)
