import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import translation

from portal.demo.loader import ContentError, load_demo
from portal.help.models import Article
from portal.mail.models import (
    HostingPackage,
    MailProgram,
    PortSetting,
    ProgramStep,
    ProgramWarning,
)


def history_rows() -> int:
    return sum(
        model.history.count()
        for model in (
            Article,
            HostingPackage,
            MailProgram,
            PortSetting,
            ProgramStep,
            ProgramWarning,
        )
    )


@pytest.mark.django_db
def test_seed_demo_builds_the_demo_and_a_second_run_changes_nothing(capsys):
    call_command("seed_demo")
    first = capsys.readouterr().out
    assert "0 unchanged" in first
    articles = Article.objects.count()
    history = history_rows()

    call_command("seed_demo")
    second = capsys.readouterr().out
    assert "0 created, 0 updated" in second
    assert Article.objects.count() == articles
    assert history_rows() == history


@pytest.mark.django_db
def test_demo_has_the_facts_the_seed_text_gives():
    call_command("seed_demo")
    package = HostingPackage.objects.get(domain="vasadomena.si")
    assert package.server.hostname == "streznik.avant.si"
    assert HostingPackage.objects.filter(domain__startswith="xn--").exists()
    ports = set(PortSetting.objects.values_list("protocol", "security", "port"))
    assert {
        ("pop3", "none", 110),
        ("pop3", "ssl", 995),
        ("imap", "none", 143),
        ("imap", "ssl", 993),
    } <= ports
    assert {("smtp", "none", 26), ("smtp", "none", 25), ("smtp", "ssl", 465)} <= ports
    assert ("smtp", "starttls", 587) in ports
    assert Group.objects.filter(
        name="Support staff", permissions__codename="change_article"
    ).exists()


@pytest.mark.django_db
def test_demo_programs_and_articles_cover_what_customers_need():
    call_command("seed_demo")
    platforms = set(MailProgram.objects.values_list("platform", flat=True))
    assert {"windows", "macos", "ios", "android"} <= platforms
    assert MailProgram.objects.filter(slug="thunderbird").exists()
    assert MailProgram.objects.count() >= 6
    for program in MailProgram.objects.active():
        assert program.steps.count() >= 3, program.slug
    slugs = set(Article.objects.published().values_list("slug", flat=True))
    assert {"kaj-je-pop3", "kaj-je-imap", "kaj-je-smtp", "kaj-je-ssl", "tabela-vrat"} <= slugs
    assert "[[ports-table]]" in Article.objects.get(slug="tabela-vrat").body_sl
    for article in Article.objects.all():
        assert article.title_en, article.slug
        assert article.body_en, article.slug
        article.full_clean()  # macros and fields valid


@pytest.mark.django_db
def test_demo_programs_match_the_current_versions():
    call_command("seed_demo")
    offered = list(MailProgram.objects.active().values_list("slug", flat=True))
    assert offered == [
        "outlook-windows", "outlook-new", "outlook-mac", "thunderbird", "apple-mail-macos",
        "mail-iphone", "gmail-android", "samsung-email",
    ]  # fmt: skip
    windows_mail = MailProgram.objects.get(slug="windows-mail")
    assert (windows_mail.active, windows_mail.retired) == (False, True)
    assert "31. decembra 2024" in windows_mail.warnings.get().text_sl
    new_outlook = MailProgram.objects.get(slug="outlook-new")
    assert (new_outlook.name, new_outlook.name_en) == (
        "Novi Outlook za Windows",
        "New Outlook for Windows",
    )
    assert "Microsoftovega oblaka" in new_outlook.warnings.first().text_sl
    iphone_warnings = " ".join(
        MailProgram.objects.get(slug="mail-iphone").warnings.values_list("text_en", flat=True)
    )
    assert "within minutes" in iphone_warnings
    assert "Stolen Device Protection" in iphone_warnings
    assert "by itself" in MailProgram.objects.get(slug="thunderbird").warnings.get().text_en
    for program in MailProgram.objects.all():
        program.full_clean()  # a retired program is not active; aliases are clean
        for row in [*program.steps.all(), *program.warnings.all()]:
            row.full_clean()  # placeholders known, encryption words match the variant


def test_demo_content_is_valid_data():
    demo = load_demo()
    slugs = {article.slug for article in demo.articles}
    categories = {category.slug for category in demo.categories}
    for article in demo.articles:
        assert set(article.related) <= slugs, article.slug
        assert article.slug not in article.related
        assert article.category in categories, article.slug
    for synonym in demo.synonyms:
        assert synonym.article is None or synonym.article in slugs, synonym.phrase


ARTICLE = """+++
category = "osnove"
order = 1
related = ["kaj-je-imap"]

[sl]
title = "Kaj je POP3?"
summary = "Povzetek."

[en]
title = "What is POP3?"
summary = "Summary."
+++

<!-- sl -->

## Naslov

Besedilo.

<!-- en -->

## Heading

Text.
"""


def write_content(tmp_path, article_text):
    (tmp_path / "articles").mkdir()
    (tmp_path / "demo.toml").write_text(
        '[[categories]]\nslug = "osnove"\norder = 1\n'
        'name_sl = "Osnove"\nname_en = "Basics"\ndescription_sl = ""\ndescription_en = ""\n'
    )
    (tmp_path / "articles" / "kaj-je-pop3.md").write_text(article_text)


def test_an_article_file_gives_both_languages(tmp_path):
    write_content(tmp_path, ARTICLE.replace("\n", "\r\n"))  # saved on Windows
    (article,) = load_demo(tmp_path).articles
    assert article.slug == "kaj-je-pop3"
    assert (article.title_sl, article.title_en) == ("Kaj je POP3?", "What is POP3?")
    assert article.related == ("kaj-je-imap",)
    assert article.body_sl == "## Naslov\n\nBesedilo."
    assert article.body_en == "## Heading\n\nText."


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (ARTICLE.replace("<!-- en -->", ""), "<!-- en --> section"),
        (ARTICLE.replace('title = "What is POP3?"', ""), "lacks 'title'"),
        (ARTICLE.replace("+++\n", "", 1), "front matter between +++ lines"),
        (ARTICLE.replace("order = 1", "order = "), "front matter"),
    ],
)
def test_a_broken_article_file_names_the_file_and_the_fault(tmp_path, broken, message):
    write_content(tmp_path, broken)
    with pytest.raises(ContentError, match=r"kaj-je-pop3\.md") as error:
        load_demo(tmp_path)
    assert message in str(error.value)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "dns_page"),
    [
        ("/clanek/ime-streznika/", "/dns/"),
        ("/clanek/kje-najdem-ime-streznika/", "/dns/"),
        ("/en/article/ime-streznika/", "/en/dns/"),
        ("/en/article/kje-najdem-ime-streznika/", "/en/dns/"),
    ],
)
def test_the_server_name_articles_link_the_dns_records_page(client, path, dns_page):
    call_command("seed_demo")
    with translation.override(translation.get_language()):  # /en/ would stay active otherwise
        response = client.get(path)
        assert response.status_code == 200
        assert f'href="{dns_page}"' in response.text
        assert client.get(dns_page).status_code == 200
