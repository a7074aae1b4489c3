"""The Host header is the client's to choose: it must neither shape links nor fill the cache."""

import re

import pytest
from django.test import Client


@pytest.fixture
def published(content, hosted, settings):
    settings.ALLOWED_HOSTS = ["*"]
    settings.PORTAL_HOSTNAME = "pomoc.example.si"
    category = content.category("osnove")
    return content.article(category, slug="tabela-vrat")


def absolute_hosts(text: str) -> set[str]:
    return set(re.findall(r"https?://([^/\"'<\s]+)", text))


@pytest.mark.parametrize(
    "path", ["/", "/clanek/tabela-vrat/", "/en/", "/robots.txt", "/sitemap.xml"]
)
def test_links_use_the_portal_hostname_whatever_host_the_request_names(published, path):
    response = Client().get(path, HTTP_HOST="napadalec.example:8443")
    assert response.status_code == 200
    hosts = absolute_hosts(response.text) - {"www.sitemaps.org", "www.w3.org"}
    assert hosts == {"pomoc.example.si"}


def test_the_canonical_link_names_the_portal_hostname(published):
    html = Client().get("/clanek/tabela-vrat/", HTTP_HOST="napadalec.example").text
    assert '<link rel="canonical" href="http://pomoc.example.si/clanek/tabela-vrat/">' in html


@pytest.mark.parametrize("host", ["pomoc.example.si:1234", "POMOC.example.si", "drugo.example"])
def test_host_variants_share_one_cached_page(published, host, django_assert_num_queries):
    Client().get("/clanek/tabela-vrat/", HTTP_HOST="pomoc.example.si")
    with django_assert_num_queries(0):
        response = Client().get("/clanek/tabela-vrat/", HTTP_HOST=host)
    assert response.status_code == 200
    assert "tabela-vrat" in response.text
