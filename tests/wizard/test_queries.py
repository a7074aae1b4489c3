"""Every wizard page makes at most 6 queries, however many programs, servers or packages exist."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from portal.mail.models import HostingPackage, Server
from tests.wizard.conftest import USAGE_SHARED_OFFICE

MAX_QUERIES = 6

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


def query_counts() -> list[int]:
    client = Client()
    counts = []
    for method, url, data in PAGES:
        with CaptureQueriesContext(connection) as queries:
            response = getattr(client, method)(url, data) if data else getattr(client, method)(url)
        assert response.status_code in (200, 302, 400), (url, response.status_code)
        counts.append(len(queries))
    return counts


def test_query_counts_do_not_grow_with_the_amount_of_data(hosted, programs):
    few = query_counts()
    add_many(programs)
    many = query_counts()
    assert many == few
    assert max(many) <= MAX_QUERIES
    assert few[PAGES.index(("get", "/carovnik/rezultat/", None))] > 0  # it does measure


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
