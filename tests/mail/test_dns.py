"""The resolver module against the DNS server the tests run on loopback (tests/dns_server.py)."""

import pytest
from django.core.cache import cache

from portal.mail import dns
from portal.mail.dns import DnsAnswer, Outcome, mx_hosts, parse_nameservers


def test_mx_hosts_are_best_first_without_the_trailing_dot(dns_zone):
    dns_zone.add("primer.si", "MX", "20 Backup.Primer.si.", "10 mx.primer.si.")
    assert mx_hosts("primer.si") == DnsAnswer(Outcome.FOUND, ("mx.primer.si", "backup.primer.si"))


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        (lambda zone: None, Outcome.NONE),  # NXDOMAIN
        (lambda zone: zone.add("primer.si", "A", "192.0.2.1"), Outcome.NONE),  # no MX record
        (lambda zone: zone.add("primer.si", "MX", "0 ."), Outcome.NONE),  # RFC 7505 null MX
        (lambda zone: zone.fail("primer.si"), Outcome.FAILED),  # SERVFAIL
    ],
)
def test_no_mail_and_failures_are_told_apart(dns_zone, setup, expected):
    setup(dns_zone)
    assert mx_hosts("primer.si").outcome == expected


def test_an_answer_is_asked_once_and_then_served_from_the_shared_cache(dns_zone):
    for _ in range(3):
        assert mx_hosts("vasadomena.si").records == ("streznik.avant.si",)
    assert dns_zone.queries[("vasadomena.si", "MX")] == 1
    assert cache.get("dns:MX:vasadomena.si") == ("found", ["10 streznik.avant.si."])


def test_answers_are_kept_an_hour_and_failures_a_few_minutes(dns_zone, monkeypatch):
    stored = {}
    monkeypatch.setattr(dns.cache, "set", lambda key, value, seconds: stored.update({key: seconds}))
    dns_zone.fail("broken.si")
    mx_hosts("vasadomena.si")
    mx_hosts("broken.si")
    mx_hosts("nowhere.si")
    assert stored == {
        "dns:MX:vasadomena.si": 3600,
        "dns:MX:nowhere.si": 3600,
        "dns:MX:broken.si": 300,
    }


def test_a_silent_nameserver_fails_within_the_budget(monkeypatch, settings):
    # A UDP port nobody answers on (the discard port on loopback): the look-up gives up.
    settings.PORTAL_DNS_RESOLVER = "127.0.0.1:9"
    monkeypatch.setattr(dns, "LOOKUP_BUDGET_SECONDS", 0.3)
    dns._resolver.cache_clear()
    try:
        assert mx_hosts("vasadomena.si").outcome == Outcome.FAILED
    finally:
        dns._resolver.cache_clear()


@pytest.mark.parametrize("value", ["ana@vasadomena.si", "ana novak.si", "", "a..b.si"])
def test_only_domain_names_are_ever_looked_up(value, dns_zone):
    with pytest.raises(ValueError, match="domain"):
        dns.lookup(value, "MX")
    assert not dns_zone.queries


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("127.0.0.1:5353", [("127.0.0.1", 5353)]),
        ("10.0.0.1, [::1]:53", [("10.0.0.1", 53), ("::1", 53)]),
        ("::1", [("::1", 53)]),
    ],
)
def test_portal_dns_resolver_names_host_and_port(value, expected):
    assert parse_nameservers(value) == expected


def test_the_resolver_uses_portal_dns_resolver(loopback_dns):
    (server,) = dns.resolver().nameservers
    assert f"{server.address}:{server.port}" == loopback_dns.address
    assert dns.resolver().lifetime == 2.0
