"""Staff in a real Chromium: the Markdown preview (without JavaScript) and an edit conflict."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from portal.help.models import Article, Category
from portal.mail.models import Server
from portal.staff.roles import SUPPORT_STAFF

PASSWORD = "brskalnik-geslo-za-test-9"


@pytest.fixture
def article(transactional_db):
    Server.objects.create(hostname="streznik.avant.si")
    category = Category.objects.create(slug="osnove", name_sl="Osnove", name_en="Basics")
    return Article.objects.create(
        category=category,
        slug="kaj-je-imap",
        title_sl="Kaj je IMAP",
        title_en="What is IMAP",
        body_sl="IMAP hrani pošto na strežniku.",
        body_en="IMAP keeps mail on the server.",
        published=True,
    )


def staff_member(username: str):
    user = get_user_model().objects.create_user(username, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=SUPPORT_STAFF))
    return user


def log_in(page, username: str) -> None:
    page.goto("/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("#login-form [type=submit]").click()
    page.wait_for_url("**/admin/")


def new_tab(chromium, live_server, **options):
    context = chromium.new_context(base_url=live_server.url, locale="sl-SI", **options)
    context.route(lambda url: not url.startswith(live_server.url), lambda route: route.abort())
    return context, context.new_page()


def test_preview_shows_both_languages_without_saving_and_without_javascript(
    chromium, live_server, article
):
    staff_member("urednica")
    context, page = new_tab(chromium, live_server, java_script_enabled=False)
    log_in(page, "urednica")
    page.goto(f"/admin/help/article/{article.pk}/change/")
    typed = "## Nastavitve\n\nUporabite **SSL/TLS**.\n\n[[servers]]"
    page.fill("#id_body_sl", typed)
    page.fill("#id_body_en", "Use *SSL/TLS*.")

    page.get_by_role("button", name="Predogled").click()

    preview = page.locator("#preview")
    expect(preview.get_by_role("heading", name="Predogled – še ni shranjeno")).to_be_visible()
    assert preview.locator("h2#nastavitve").inner_text() == "Nastavitve"
    expect(preview.locator("strong", has_text="SSL/TLS")).to_be_visible()
    expect(preview.locator("em", has_text="SSL/TLS")).to_be_visible()
    assert "streznik.avant.si" in preview.inner_text()
    assert page.input_value("#id_body_sl").replace("\r\n", "\n") == typed
    article.refresh_from_db()
    assert article.body_sl == "IMAP hrani pošto na strežniku."
    context.close()


def test_second_editor_sees_the_conflict_keeps_their_text_and_can_save(
    chromium, live_server, article
):
    staff_member("ana")
    staff_member("bojan")
    anas_context, ana = new_tab(chromium, live_server)
    bojans_context, bojan = new_tab(chromium, live_server)
    log_in(ana, "ana")
    log_in(bojan, "bojan")
    url = f"/admin/help/article/{article.pk}/change/"
    ana.goto(url)
    bojan.goto(url)

    ana.fill("#id_title_sl", "Kaj je IMAP in kdaj ga izbrati")
    ana.get_by_role("button", name="Shrani", exact=True).click()
    ana.wait_for_url("**/admin/help/article/")

    bojans_text = "IMAP hrani pošto na strežniku in jo usklajuje med napravami."
    bojan.fill("#id_body_sl", bojans_text)
    bojan.get_by_role("button", name="Shrani", exact=True).click()

    conflict = bojan.locator(".staff-conflict")
    expect(
        conflict.get_by_role("heading", name="Članek je bil spremenjen, medtem ko ste ga urejali")
    ).to_be_visible()
    assert "ana" in conflict.inner_text()
    expect(conflict.locator("ins", has_text="kdaj ga izbrati")).to_be_visible()
    expect(bojan.get_by_text("Nekdo drug je shranil ta članek")).to_be_visible()
    assert bojan.input_value("#id_body_sl") == bojans_text
    article.refresh_from_db()
    assert article.body_sl == "IMAP hrani pošto na strežniku."

    # Bojan has seen Ana's change; he keeps her title and saves his text deliberately.
    bojan.fill("#id_title_sl", "Kaj je IMAP in kdaj ga izbrati")
    bojan.get_by_role("button", name="Shrani", exact=True).click()
    bojan.wait_for_url("**/admin/help/article/")
    article.refresh_from_db()
    assert (article.title_sl, article.body_sl) == ("Kaj je IMAP in kdaj ga izbrati", bojans_text)
    assert article.history.count() == 3
    anas_context.close()
    bojans_context.close()
