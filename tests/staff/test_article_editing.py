"""Editing an article in the admin: preview without saving, macro errors, edit conflicts."""

import html
import re

import pytest
from django.test import Client
from django.utils import translation

from portal.help.forms import ArticleAdminForm
from portal.help.models import Article
from tests.staff.conftest import make_staff

FIELDS = [
    "category", "slug", "order", "title_sl", "summary_sl", "body_sl",
    "title_en", "summary_en", "body_en",
]  # fmt: skip


def version_in(page: str) -> str:
    match = re.search(r'name="version" value="([^"]*)"', page)
    assert match, "the form carries the version it was opened at"
    return html.unescape(match.group(1))


def form_data(article: Article, version: str, **changes) -> dict:
    data = {name: getattr(article, name) for name in FIELDS}
    data["category"] = article.category_id
    data["published"] = "on" if article.published else ""
    data["version"] = version
    data["_save"] = "Save"
    return {key: value for key, value in (data | changes).items() if value != ""}


def change_url(article, language="en") -> str:
    prefix = "/en" if language == "en" else ""
    return f"{prefix}/admin/help/article/{article.pk}/change/"


def preview_section(page: str) -> str:
    start = page.index('id="preview"')
    return page[start : page.index("</section>", start)]


def test_preview_renders_both_languages_and_saves_nothing(support_client, content, hosted):
    article = content.article(body_sl="Stari tekst.")
    page = support_client.get(change_url(article)).content.decode()
    data = form_data(
        article,
        version_in(page),
        title_en="Draft title",
        body_sl="## Nov razdelek\n\nNovo **besedilo**.\n\n<script>alert(1)</script>\n\n[[servers]]",
        body_en="New *English* text.",
        _preview="Preview",
    )
    del data["_save"]
    history_before = article.history.count()

    response = support_client.post(change_url(article), data)

    assert response.status_code == 200
    page = response.content.decode()
    preview = preview_section(page)
    assert "Preview — not saved yet" in preview
    assert '<h2 id="nov-razdelek">Nov razdelek</h2>' in preview
    assert "Novo <strong>besedilo</strong>." in preview
    assert "New <em>English</em> text." in preview
    assert "streznik2.avant.si" in preview  # the [[servers]] macro, from live data
    assert "<script" not in preview  # raw HTML is never passed through
    # The typed text is kept in the form, and nothing was saved.
    assert "## Nov razdelek" in page
    assert "Draft title" in page
    article.refresh_from_db()
    assert article.body_sl == "Stari tekst."
    assert article.history.count() == history_before


def test_preview_works_on_the_add_form(support_client, content):
    category = content.category()
    data = {
        "category": category.pk,
        "slug": "osnutek",
        "order": 0,
        "title_sl": "Osnutek",
        "body_sl": "Prvi **odstavek**.",
        "_preview": "Preview",
    }
    response = support_client.post("/en/admin/help/article/add/", data)
    assert response.status_code == 200
    assert "Prvi <strong>odstavek</strong>." in response.content.decode()
    assert not Article.objects.filter(slug="osnutek").exists()


def test_unknown_and_malformed_macros_are_form_errors_naming_the_line(support_client, content):
    article = content.article()
    page = support_client.get(change_url(article)).content.decode()
    body = "Uvod.\n\n[[vrata]]\n\nGlej [[servers]] spodaj.\n\n`[[servers]]` je primer."
    response = support_client.post(
        change_url(article), form_data(article, version_in(page), body_sl=body)
    )
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "Line 3: unknown macro [[vrata]]." in page
    assert "Line 5: a macro must stand alone on its line" in page
    assert "Line 7" not in page  # inside a code span it is just text
    assert body in page  # what was typed is still in the form
    article.refresh_from_db()
    assert "vrata" not in article.body_sl


def test_the_form_refuses_a_save_over_a_newer_version(content):
    article = content.article()
    stale = "2000-01-01T00:00:00+00:00"
    form = ArticleAdminForm(data=form_data(article, stale), instance=article)
    assert not form.is_valid()
    assert form.non_field_errors().as_data()[0].code == "edit_conflict"
    assert form.started_version == stale
    assert form.version_to_submit == article.updated.isoformat()


def test_second_editor_gets_a_conflict_their_text_back_and_the_changes(db, content):
    article = content.article(title_en="Original title", body_en="First line.\nSecond line.")
    anna, bojan = Client(), Client()
    anna.force_login(make_staff("ana", "Support staff"))
    bojan.force_login(make_staff("bojan", "Support staff"))
    anna_version = version_in(anna.get(change_url(article)).content.decode())
    bojan_version = version_in(bojan.get(change_url(article)).content.decode())

    saved = anna.post(
        change_url(article),
        form_data(
            article, anna_version, title_en="Anna's title", body_en="First line.\nAnna's line."
        ),
    )
    assert saved.status_code == 302

    refused = bojan.post(
        change_url(article), form_data(article, bojan_version, body_en="Bojan's careful rewrite.")
    )
    assert refused.status_code == 200
    page = html.unescape(refused.content.decode())
    assert "Someone else saved this article after you opened it" in page
    assert "Bojan's careful rewrite." in page  # their text is back in the form
    assert "The current version was saved by ana" in page
    assert "<ins>Anna's title</ins>" in page  # what changed meanwhile
    assert "<del>Second</del>" in page
    article.refresh_from_db()
    assert article.title_en == "Anna's title"
    assert article.history.count() == 2

    # Having seen Anna's changes, Bojan saves deliberately: the form now carries the current
    # version, and every version, Anna's included, stays in the history.
    retry = bojan.post(
        change_url(article),
        form_data(
            article, version_in(refused.content.decode()), body_en="Bojan's careful rewrite."
        ),
    )
    assert retry.status_code == 302
    titles = list(article.history.order_by("history_id").values_list("title_en", flat=True))
    bodies = list(article.history.order_by("history_id").values_list("body_en", flat=True))
    assert titles == ["Original title", "Anna's title", "Anna's title"]
    assert bodies[1] == "First line.\nAnna's line."
    assert bodies[2] == "Bojan's careful rewrite."


def test_the_conflict_message_is_translated(db, content):
    article = content.article()
    editor = Client()
    editor.force_login(make_staff("urednica", "Support staff"))
    response = editor.post(
        change_url(article, "sl"), form_data(article, "2000-01-01T00:00:00+00:00")
    )
    assert response.status_code == 200
    assert "Nekdo drug je shranil ta članek" in response.content.decode()


@pytest.mark.parametrize("language", ["sl", "en"])
def test_change_form_offers_a_preview_button(support_client, content, language):
    article = content.article()
    page = support_client.get(change_url(article, language)).content.decode()
    assert 'name="_preview"' in page
    assert page.index('name="_save"') < page.index('name="_preview"')  # Enter still saves


def test_macro_checks_see_lines_typed_in_a_browser(content):
    """Browsers send CRLF line ends; a macro line must still be recognised as one."""
    article = content.article()
    body = "Uvod.\r\n\r\n[[vrata]]\r\n\r\n[[servers]]\r\n"
    form = ArticleAdminForm(
        data=form_data(article, article.updated.isoformat(), body_sl=body), instance=article
    )
    with translation.override("en"):
        assert not form.is_valid()
        assert form.errors["body_sl"] == ["Line 3: unknown macro [[vrata]]."]
    valid = ArticleAdminForm(
        data=form_data(article, article.updated.isoformat(), body_sl="A\r\n\r\n[[servers]]\r\n"),
        instance=article,
    )
    assert valid.is_valid(), valid.errors
    assert valid.cleaned_data["body_sl"] == "A\n\n[[servers]]"
