"""The anonymous page cache: fast repeat visits, never stale, never shared per-visitor state."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.help.models import ArticleFeedback
from portal.mail.models import PortSetting


@pytest.fixture
def article(content, hosted):
    category = content.category("osnove", name_sl="Osnove", name_en="Basics")
    return content.article(category, slug="tabela-vrat", body_sl="Vrata:\n\n[[ports-table]]")


def test_repeat_visit_is_served_without_touching_the_database(article, django_assert_num_queries):
    first = Client().get("/clanek/tabela-vrat/")
    with django_assert_num_queries(0):
        second = Client().get("/clanek/tabela-vrat/")
    assert second.status_code == 200
    assert second.content == first.content
    assert not second.cookies
    assert not first.cookies


def test_saving_content_shows_the_change_at_once(article):
    client = Client()
    assert "Članek 1" in client.get("/clanek/tabela-vrat/").text
    article.title_sl = "Nova vrata"
    article.save()
    assert "Nova vrata" in Client().get("/clanek/tabela-vrat/").text
    assert "Nova vrata" in Client().get("/").text


def test_changing_a_port_updates_the_cached_ports_table(article):
    assert "993" in Client().get("/clanek/tabela-vrat/").text
    port = PortSetting.objects.get(protocol="imap", security="ssl")
    port.port = 9993
    port.save()
    assert "9993" in Client().get("/clanek/tabela-vrat/").text


def test_each_language_has_its_own_cached_page(article):
    assert '<html lang="sl">' in Client().get("/clanek/tabela-vrat/").text
    assert '<html lang="en">' in Client().get("/en/article/tabela-vrat/").text
    assert '<html lang="sl">' in Client().get("/clanek/tabela-vrat/").text


def test_a_visitor_votes_from_the_cached_page_without_a_token(article):
    Client().get("/clanek/tabela-vrat/")  # fills the cache
    visitor = Client(enforce_csrf_checks=True, headers={"Sec-Fetch-Site": "same-origin"})
    page = visitor.get("/clanek/tabela-vrat/")
    assert "csrfmiddlewaretoken" not in page.text
    assert not page.cookies
    vote_url = reverse("help:vote", kwargs={"slug": article.slug})
    vote = visitor.post(vote_url, {"helpful": "yes"})
    assert vote.status_code == 303
    assert ArticleFeedback.objects.get(article=article).helpful == 1


def test_visitors_with_their_own_cookies_are_not_served_from_the_shared_cache(article):
    Client().get("/clanek/tabela-vrat/")
    with CaptureQueriesContext(connection) as anonymous:
        Client().get("/clanek/tabela-vrat/")
    assert len(anonymous) == 0  # the shared cache answers a visitor without cookies
    visitor = Client()
    visitor.cookies["help_votes"] = "something"
    assert visitor.get("/clanek/tabela-vrat/").status_code == 200
    with CaptureQueriesContext(connection) as own:
        response = visitor.get("/clanek/tabela-vrat/")
    assert response.status_code == 200
    assert 1 <= len(own) <= 4  # rendered for this visitor, still cheaply


def test_autoconfig_document_is_reused_until_hosting_data_changes(
    hosted, django_assert_num_queries
):
    url = "/mail/config-v1.1.xml?emailaddress=info@vasadomena.si"
    first = Client().get(url)
    with django_assert_num_queries(0):
        assert Client().get(url.replace("info@", "ana@")).content == first.content
    package = hosted["vasadomena.si"]
    package.server = hosted["čebelica.si"].server
    package.save()
    assert b"streznik2.avant.si" in Client().get(url).content


def test_unknown_domains_are_not_kept_in_the_cache(hosted):
    from django.core.cache import cache

    url = "/mail/config-v1.1.xml?emailaddress=info@ni-pri-nas.si"
    assert Client().get(url).status_code == 404
    assert cache.get("autoconfig:http:testserver:ni-pri-nas.si") is None
    assert cache.get("autoconfig:http:testserver:vasadomena.si") is None  # nothing asked yet
