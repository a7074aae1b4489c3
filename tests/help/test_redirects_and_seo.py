"""Renames never break links; sitemap.xml, robots.txt, canonical links and descriptions."""

import defusedxml.ElementTree as ET
import pytest
from django.test import Client

from portal.help.models import ArticleSlugRedirect

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture
def article(content):
    return content.article(slug="kaj-je-imap", title_sl="Kaj je IMAP?", title_en="What is IMAP?")


def rename(article, slug):
    article.slug = slug
    article.save()


@pytest.mark.parametrize(
    ("old", "new"),
    [("/clanek/kaj-je-imap/", "/clanek/imap/"), ("/en/article/kaj-je-imap/", "/en/article/imap/")],
)
def test_a_renamed_article_answers_its_old_address_with_a_301(client, article, old, new):
    rename(article, "imap")
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new
    assert client.get(new).status_code == 200


@pytest.mark.parametrize("prefix", ["/clanek/", "/en/article/"])
def test_chains_of_renames_collapse_to_one_redirect(client, article, prefix):
    rename(article, "imap")
    rename(article, "imap-razlozen")
    for old in ("kaj-je-imap", "imap"):
        response = client.get(f"{prefix}{old}/")
        assert response.status_code == 301
        assert response["Location"] == f"{prefix}imap-razlozen/"  # one hop, not a chain
    assert ArticleSlugRedirect.objects.count() == 2


def test_renaming_back_removes_the_redirect_for_the_live_slug(client, article):
    rename(article, "imap")
    rename(article, "kaj-je-imap")
    assert client.get("/clanek/kaj-je-imap/").status_code == 200
    assert client.get("/clanek/imap/")["Location"] == "/clanek/kaj-je-imap/"


def test_a_new_article_may_take_over_an_old_slug(client, article, content):
    rename(article, "imap")
    content.article(slug="kaj-je-imap", title_sl="Nov članek o IMAP")
    response = client.get("/clanek/kaj-je-imap/")
    assert response.status_code == 200
    assert "Nov članek o IMAP" in response.text


def test_old_addresses_of_unpublished_articles_are_404(client, article):
    rename(article, "imap")
    article.published = False
    article.save()
    assert client.get("/clanek/kaj-je-imap/").status_code == 404


def test_saving_without_a_rename_records_nothing(article):
    article.title_sl = "Kaj je protokol IMAP?"
    article.save()
    assert not ArticleSlugRedirect.objects.exists()


def sitemap_urls(client) -> dict[str, dict[str, str]]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.find(f"{SITEMAP}loc").text: {
            link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")
        }
        for url in root.iter(f"{SITEMAP}url")
    }


def test_sitemap_lists_both_languages_with_hreflang_alternates(client, article, content):
    content.article(slug="osnutek", published=False)
    urls = sitemap_urls(client)
    sl, en = "http://testserver/clanek/kaj-je-imap/", "http://testserver/en/article/kaj-je-imap/"
    assert urls[sl] == urls[en] == {"sl": sl, "en": en, "x-default": sl}
    assert "http://testserver/" in urls
    assert "http://testserver/en/" in urls
    assert "http://testserver/kategorija/osnove/" in urls
    assert not any("osnutek" in url for url in urls)


def test_sitemap_lists_an_untranslated_article_in_slovenian_only(client, content):
    content.article(slug="samo-slovensko", title_en="", body_en="")
    urls = sitemap_urls(client)
    assert "http://testserver/clanek/samo-slovensko/" in urls
    assert "http://testserver/en/article/samo-slovensko/" not in urls


def test_sitemap_queries_do_not_grow_with_articles(content, django_assert_max_num_queries):
    category = content.category()
    for number in range(50):
        content.article(category, slug=f"clanek-st-{number}")
    with django_assert_max_num_queries(3):  # categories, articles, program guides
        assert Client().get("/sitemap.xml").status_code == 200


def test_robots_txt_allows_the_site_hides_the_admin_and_names_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.text.splitlines()
    assert "User-agent: *" in lines
    assert "Allow: /" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /en/admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


@pytest.mark.parametrize(
    ("path", "canonical", "other", "description"),
    [
        ("/clanek/kaj-je-imap/", "http://testserver/clanek/kaj-je-imap/", "/en/article/kaj-je-imap/", "Kratek povzetek."),
        ("/en/article/kaj-je-imap/", "http://testserver/en/article/kaj-je-imap/", "/clanek/kaj-je-imap/", "A short summary."),
    ],
)  # fmt: skip
def test_article_has_canonical_link_description_and_other_language(
    client, article, path, canonical, other, description
):
    html = client.get(path + "?utm_source=x").text
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert f'<meta name="description" content="{description}">' in html
    label = (
        "Preberite ta članek v angleščini" if "/en/" in other else "Read this article in Slovenian"
    )
    assert f'<a href="{other}" hreflang="{"en" if "/en/" in other else "sl"}">{label}</a>' in html


def test_untranslated_article_points_english_readers_and_search_engines_to_slovenian(
    client, content
):
    content.article(slug="samo-slovensko", title_en="", body_en="")
    sl = client.get("/clanek/samo-slovensko/").text
    assert "Preberite ta članek v angleščini" not in sl
    en = client.get("/en/article/samo-slovensko/").text
    assert '<link rel="canonical" href="http://testserver/clanek/samo-slovensko/">' in en
    assert "has not been translated into English yet" in en
    assert '<article class="article" lang="sl">' in en


def test_every_page_has_a_canonical_link_without_the_query_string(client, db):
    html = client.get("/en/?x=1").text
    assert '<link rel="canonical" href="http://testserver/en/">' in html
