"""Where does this mailbox live? The pure decision, as a table of cases (no database, no DNS)."""

import pytest

from portal.mail.dns import DnsAnswer, Outcome
from portal.mail.location import (
    PackageFacts,
    ProviderFacts,
    ServerFacts,
    Where,
    locate_mailbox,
)

OURS = ServerFacts("streznik.avant.si", mx_names=("mx1.avant.si",))
OTHER = ServerFacts("streznik2.avant.si")
GOOGLE = ProviderFacts(
    "google", "Google (Gmail)", ("gmail.com", "googlemail.com"), ("google.com", "googlemail.com")
)
M365 = ProviderFacts(
    "microsoft-365", "Microsoft 365", ("onmicrosoft.com",), ("mail.protection.outlook.com",)
)
PACKAGE = PackageFacts(OTHER, 5000, "Start")


def mx(*hosts):
    return DnsAnswer(Outcome.FOUND, hosts) if hosts else DnsAnswer(Outcome.NONE)


CASES = [
    # (domain, package, mx answer, where, server, provider)
    ("vasadomena.si", PACKAGE, mx("aspmx.l.google.com"), Where.PACKAGE, OTHER, None),
    ("stranka.si", None, mx("streznik.avant.si"), Where.OUR_MX, OURS, None),
    ("stranka.si", None, mx("MX1.avant.si".lower()), Where.OUR_MX, OURS, None),
    ("stranka.si", None, mx("other.example", "mx1.avant.si"), Where.OUR_MX, OURS, None),
    ("gmail.com", None, mx("gmail-smtp-in.l.google.com"), Where.PROVIDER, None, GOOGLE),
    ("gmail.com", None, DnsAnswer(Outcome.FAILED), Where.PROVIDER, None, GOOGLE),
    ("podjetje.si", None, mx("aspmx.l.google.com"), Where.PROVIDER, None, GOOGLE),
    ("podjetje.si", None, mx("aspmx2.googlemail.com"), Where.PROVIDER, None, GOOGLE),
    ("firma.si", None, mx("firma-si.mail.protection.outlook.com"), Where.PROVIDER, None, M365),
    ("firma.si", None, mx("notgoogle.com"), Where.UNKNOWN, None, None),  # suffix, not substring
    ("firma.si", None, mx(), Where.UNKNOWN, None, None),
    ("firma.si", None, DnsAnswer(Outcome.FAILED), Where.UNKNOWN, None, None),
]


@pytest.mark.parametrize(("domain", "package", "answer", "where", "server", "provider"), CASES)
def test_where_a_mailbox_lives(domain, package, answer, where, server, provider):
    location = locate_mailbox(domain, package, (OURS, OTHER), (GOOGLE, M365), answer)
    assert (location.where, location.server, location.provider) == (where, server, provider)
    assert location.ours == (where in (Where.PACKAGE, Where.OUR_MX))


def test_our_mx_wins_over_a_provider_and_quota_is_known_only_from_the_table():
    # A Google address domain whose MX points at us is ours (order: our MX before providers).
    location = locate_mailbox("gmail.com", None, (OURS,), (GOOGLE,), mx("streznik.avant.si"))
    assert location.where == Where.OUR_MX
    assert location.package is None
    assert locate_mailbox("a.si", PACKAGE).package.disk_quota_mb == 5000


def test_unknown_says_whether_dns_failed():
    assert locate_mailbox("a.si", None, (), (), DnsAnswer(Outcome.FAILED)).dns_failed
    assert not locate_mailbox("a.si", None, (), (), mx()).dns_failed
