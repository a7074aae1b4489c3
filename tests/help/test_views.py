import pytest
from django.test import Client
from django.utils import translation

from portal.help.models import Article

PAGES = ["/", "/kategorija/osnove/", "/clanek/tabela-vrat/"]
EN_PAGES = ["/en/", "/en/category/osnove/", "/en/article/tabela-vrat/"]


@pytest.fixture
def ports_article(content, hosted):
    category = content.category("osnove", name_sl="Osnove", name_en="Basics")
    related = content.article(
        category, slug="kaj-je-imap", title_sl="Kaj je IMAP?", title_en="What is IMAP?"
    )
    article = content.article(
        category,
        slug="tabela-vrat",
        title_sl="Tabela vrat",
        title_en="Ports table",
        body_sl="## Vrata\n\nUporabite ta vrata:\n\n[[ports-table]]\n\n## Strežniki\n\n[[servers]]\n\n## Konec\n\nTo je vse.",
        body_en="## Ports\n\nUse these ports:\n\n[[ports-table]]",
    )
    article.related.add(related)
    return article


@pytest.mark.parametrize(
    ("path", "language"), [(p, "sl") for p in PAGES] + [(p, "en") for p in EN_PAGES]
)
def test_every_page_answers_in_its_language(client, ports_article, path, language):
    response = client.get(path)
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.text


def test_article_shows_breadcrumbs_toc_related_and_live_ports_table(client, ports_article):
    response = client.get("/clanek/tabela-vrat/")
    html = response.text
    assert "<article" in html
    assert 'aria-label="Drobtinice"' in html
    assert 'href="/kategorija/osnove/"' in html
    assert 'href="#strezniki"' in html  # table of contents
    assert 'href="/clanek/kaj-je-imap/"' in html  # related article
    assert "<td>26 ali 25</td>" in html  # plain SMTP: preferred port, then the alternative
    assert "<td>587</td>" in html  # its own STARTTLS row, not called "SSL"
    assert "<code>streznik.avant.si</code>" in html
    assert "[[ports-table]]" not in html


def test_ports_table_follows_the_data_without_resaving_the_article(client, ports_article):
    from portal.mail.models import PortSetting

    PortSetting.objects.filter(protocol="imap", security="ssl").update(port=9993)
    assert "9993" in client.get("/clanek/tabela-vrat/").text


def test_english_article_uses_english_text_and_links(client, ports_article):
    html = client.get("/en/article/tabela-vrat/").text
    assert "<h1>Ports table</h1>" in html
    assert 'href="/en/category/osnove/"' in html
    assert "<td>26 or 25</td>" in html


def test_language_switcher_links_to_the_same_page(client, ports_article):
    sl = client.get("/clanek/tabela-vrat/").text
    en = client.get("/en/article/tabela-vrat/").text
    assert 'href="/en/article/tabela-vrat/" hreflang="en"' in sl
    assert 'href="/clanek/tabela-vrat/" hreflang="sl"' in en


def test_unpublished_article_is_not_found(client, content):
    content.article(slug="osnutek", published=False)
    assert client.get("/clanek/osnutek/").status_code == 404


@pytest.mark.parametrize(
    ("path", "language", "text"),
    [
        ("/ni-take-strani/", "sl", "Strani ni mogoče najti"),
        ("/en/no-such-page/", "en", "Page not found"),
    ],
)
def test_404_in_both_languages(client, db, path, language, text):
    response = client.get(path)
    assert response.status_code == 404
    assert f'<html lang="{language}">' in response.text
    assert text in response.text


def test_500_page_is_translated(rf):
    from portal.errors import server_error

    request = rf.get("/")
    with translation.override("sl"):
        response = server_error(request)
    assert response.status_code == 500
    assert "Prišlo je do napake" in response.content.decode()


@pytest.mark.parametrize("count", [1, 30, 500])
def test_article_page_queries_do_not_grow_with_content(
    content, hosted, count, django_assert_max_num_queries
):
    category = content.category("osnove")
    article = content.article(category, slug="glavni", body_sl="[[ports-table]]\n\n[[servers]]")
    others = [content.article(category) for _ in range(count)]
    article.related.set(others)
    # Each page: its own queries, and the support contact in the footer.
    with django_assert_max_num_queries(5):
        assert Client().get("/clanek/glavni/").status_code == 200
    with django_assert_max_num_queries(3):
        assert Client().get("/").status_code == 200


def test_article_saved_with_unsafe_body_shows_it_escaped(client, content):
    content.article(
        slug="xss", body_sl='<script>alert("x")</script>\n\n<img src=x onerror=alert(1)>'
    )
    html = client.get("/clanek/xss/").text
    assert '<script>alert("x")</script>' not in html
    assert "<img src=x onerror" not in html
    assert "&lt;script&gt;" in html


def test_unknown_macro_is_rejected_with_its_line(content):
    from django.core.exceptions import ValidationError

    article = Article(category=content.category(), slug="x", title_sl="X", body_sl="a\n\n[[nope]]")
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "Vrstica 3: neznan makro [[nope]]." in error.value.message_dict["body_sl"]
