"""Every wizard page makes at most 6 queries, however many programs, servers, packages or
providers exist, wherever the address's mail lives; DNS is asked once per domain."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from portal.mail.models import HostingPackage, Server
from tests.conftest import make_provider
from tests.wizard.conftest import USAGE_SHARED_OFFICE

# 6 for the wizard, plus 1 for the live check of the server on the settings card.
MAX_QUERIES = 8  # 7, and the support contact the page shows (help.SupportContact)

# (method, url, data) in the order a customer meets them; the Apple program shows everything.
PAGES = [
    ("get", "/carovnik/", None),
    ("post", "/carovnik/", {"email": "info@vasadomena.si"}),
    ("get", "/carovnik/program/", None),
    ("post", "/carovnik/program/", {"program": "mail-iphone"}),
    ("get", "/carovnik/uporaba/", None),
    ("post", "/carovnik/uporaba/", USAGE_SHARED_OFFICE),
    ("get", "/carovnik/rezultat/", None),
    ("get", "/carovnik/rezultat/?protocol=pop3", None),
    ("post", "/carovnik/profil/", {"protocol": "imap"}),
    ("post", "/carovnik/", {"email": "not an address"}),
]


def add_many(programs, count=50):
    servers = Server.objects.bulk_create(
        Server(hostname=f"streznik{n}.primer.si") for n in range(100, 100 + count)
    )
    HostingPackage.objects.bulk_create(
        HostingPackage(domain=f"domena{n}.si", plan="Start", disk_quota_mb=1000, server=server)
        for n, server in enumerate(servers)
    )
    for n in range(count):
        programs.program(
            f"extra-{n}", platform=["windows", "android", "any"][n % 3], steps=["a", "b", "c"]
        )
        make_provider(
            f"provider-{n}",
            f"Provider {n}",
            domains=(f"provider{n}.example",),
            mx=(f"mx.provider{n}.example",),
            imap=(f"imap.provider{n}.example", 993, "ssl"),
        )


# Where the mail lives: in the table, ours by MX, a provider by domain and by MX, unknown, IDN.
ADDRESSES = [
    "info@vasadomena.si",
    "ana@mx-stranka.si",
    "ana.novak@gmail.com",
    "ana@podjetje-google.si",
    "ana@firma365.si",
    "ana@brez-mx.si",
    "info@čebelica.si",
]


def pages_for(email: str) -> list:
    return [
        (m, u, {"email": email} if d == {"email": "info@vasadomena.si"} else d) for m, u, d in PAGES
    ]


def query_counts(email: str = "info@vasadomena.si") -> list[int]:
    client = Client()
    counts = []
    for method, url, data in pages_for(email):
        with CaptureQueriesContext(connection) as queries:
            response = getattr(client, method)(url, data) if data else getattr(client, method)(url)
        # The Apple profile is only for our servers: 404 elsewhere.
        allowed = (200, 302, 400, 404) if url == "/carovnik/profil/" else (200, 302, 400)
        assert response.status_code in allowed, (url, response.status_code)
        counts.append(len(queries))
    return counts


def test_query_counts_do_not_grow_with_the_amount_of_data(mx_servers, programs, providers):
    few = {email: query_counts(email) for email in ADDRESSES}
    add_many(programs)
    many = {email: query_counts(email) for email in ADDRESSES}
    assert many == few
    assert max(max(counts) for counts in many.values()) <= MAX_QUERIES
    assert few["info@vasadomena.si"][PAGES.index(("get", "/carovnik/rezultat/", None))] > 0


@pytest.mark.parametrize("email", ADDRESSES[1:6])
def test_the_domain_is_looked_up_in_dns_once_for_the_whole_wizard(
    mx_servers, programs, providers, dns_zone, email
):
    domain = email.split("@")[1]
    query_counts(email)
    query_counts(email)  # a second customer of the same domain, within the hour
    assert dns_zone.queries[(domain, "MX")] == 1
    assert {name for name, _type in dns_zone.queries} == {domain}  # never the local part


@pytest.mark.parametrize(("method", "url", "data"), PAGES, ids=[f"{m} {u}" for m, u, _d in PAGES])
def test_each_wizard_page_stays_within_its_query_budget(
    client, hosted, programs, django_assert_max_num_queries, method, url, data
):
    add_many(programs)
    for earlier_method, earlier_url, earlier_data in PAGES[: PAGES.index((method, url, data))]:
        if earlier_method == "post":
            client.post(earlier_url, earlier_data)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = getattr(client, method)(url, data) if data else getattr(client, method)(url)
    assert response.status_code in (200, 302, 400)
