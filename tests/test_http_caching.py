"""HTTP caching of public pages: what a browser, the reverse proxy or a CDN may keep, and for how long.

Public pages and the autoconfig document are the same for every visitor without cookies of
their own: no Set-Cookie, Cache-Control with the lifetimes from settings, an ETag, 304 when
the client's copy is current. Anything rendered for one visitor (the thank-you after a vote)
is private.
"""

import pytest
from django.test import Client

PUBLIC = "public, max-age=60, s-maxage=60, stale-while-revalidate=30"
AUTOCONFIG = "/mail/config-v1.1.xml?emailaddress=info@vasadomena.si"


@pytest.fixture
def pages(content, hosted):
    category = content.category("osnove", name_sl="Osnove", name_en="Basics")
    content.article(category, slug="tabela-vrat", title_sl="Tabela vrat", title_en="Ports")
    return {
        "home": "/",
        "home in English": "/en/",
        "category": "/kategorija/osnove/",
        "article": "/clanek/tabela-vrat/",
        "article in English": "/en/article/tabela-vrat/",
        "sitemap": "/sitemap.xml",
    }


@pytest.mark.parametrize(
    "name",
    ["home", "home in English", "category", "article", "article in English", "sitemap"],
)
@pytest.mark.parametrize("visit", ["first", "repeat"])
def test_public_pages_may_be_kept_by_any_cache(pages, name, visit):
    if visit == "repeat":
        Client().get(pages[name])  # the second visit is answered from the page cache
    response = Client().get(pages[name])
    assert response.status_code == 200
    assert response["Cache-Control"] == PUBLIC
    assert response["ETag"].startswith('W/"')
    # The language is in the URL: no Accept-Language; a visitor's own cookies change the page.
    assert response["Vary"] == "Cookie"
    assert "Set-Cookie" not in response.headers
    assert not response.cookies


@pytest.mark.parametrize("visit", ["first", "repeat"])
def test_the_autoconfig_document_may_be_kept_by_any_cache(hosted, visit):
    if visit == "repeat":
        Client().get(AUTOCONFIG)
    response = Client().get(AUTOCONFIG)
    assert response.status_code == 200
    assert response["Cache-Control"] == PUBLIC
    assert response["ETag"].startswith('W/"')
    assert "Vary" not in response.headers
    assert not response.cookies


def test_the_lifetimes_come_from_settings(pages, settings):
    settings.PAGE_BROWSER_MAX_AGE = 5
    settings.PAGE_SHARED_MAX_AGE = 120
    settings.PAGE_STALE_WHILE_REVALIDATE = 15
    expected = "public, max-age=5, s-maxage=120, stale-while-revalidate=15"
    assert Client().get("/").headers["Cache-Control"] == expected
    assert Client().get("/").headers["Cache-Control"] == expected  # from the page cache
    assert Client().get(AUTOCONFIG).headers["Cache-Control"] == expected


@pytest.mark.parametrize("path", ["/clanek/tabela-vrat/", AUTOCONFIG])
def test_a_current_copy_is_answered_with_304_and_no_body(pages, path, django_assert_num_queries):
    etag = Client().get(path)["ETag"]
    with django_assert_num_queries(0):
        again = Client(headers={"If-None-Match": etag}).get(path)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert again["Cache-Control"] == PUBLIC
    # The proxy may have sent the browser the strong form of the same tag, or several.
    strong = etag.removeprefix("W/")
    assert Client(headers={"If-None-Match": strong}).get(path).status_code == 304
    listed = f'"other", {etag}'
    assert Client(headers={"If-None-Match": listed}).get(path).status_code == 304


def test_a_save_changes_the_etag_and_an_old_copy_gets_the_new_page(pages, content):
    old = Client().get("/clanek/tabela-vrat/")["ETag"]
    article = content.article(slug="drugi", title_sl="Drugi članek")
    assert article.pk
    fresh = Client(headers={"If-None-Match": old}).get("/")
    assert fresh.status_code == 200
    assert "Drugi članek" in fresh.text
    assert Client().get("/clanek/tabela-vrat/")["ETag"] != old


def test_the_thank_you_after_a_vote_is_private_and_never_shown_to_others(pages):
    Client().get("/clanek/tabela-vrat/")  # in the page cache
    voter = Client(headers={"Sec-Fetch-Site": "same-origin"})
    voted = voter.post("/clanek/tabela-vrat/glas/", {"helpful": "yes"}, follow=True)
    assert "Hvala za vaše mnenje!" in voted.text
    assert voted["Cache-Control"] == "private, no-cache"
    again = voter.get("/clanek/tabela-vrat/")  # the vote cookie: this browser's own page
    assert again["Cache-Control"] == "private, no-cache"
    assert "Ta članek ste že ocenili. Hvala!" in again.text
    other = Client().get("/clanek/tabela-vrat/")
    assert other["Cache-Control"] == PUBLIC
    assert "Hvala" not in other.text
    assert 'name="helpful"' in other.text


def test_a_query_string_makes_a_page_private(pages):
    response = Client().get("/clanek/tabela-vrat/?utm_source=novice")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-cache"


def test_a_host_not_allowed_is_refused_before_the_page_cache_answers(pages, settings):
    Client().get("/clanek/tabela-vrat/")
    settings.ALLOWED_HOSTS = ["pomoc.example.si"]
    assert Client().get("/clanek/tabela-vrat/", HTTP_HOST="napadalec.example").status_code == 400
