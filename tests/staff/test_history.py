"""History in the admin: who changed what and when, readable diffs, one-click revert."""

import html

import pytest

from portal.mail.models import PortSetting


def history_url(record, app, model) -> str:
    return f"/en/admin/{app}/{model}/{record.pk}/history/"


def test_history_lists_who_changed_what_and_when(administrator_client, administrator, content):
    article = content.article(title_en="First")
    article._history_user = administrator
    article.title_en = "Second"
    article.body_en = "Changed body."
    article.save()

    page = administrator_client.get(history_url(article, "help", "article")).content.decode()

    assert "skrbnik" in page
    assert "Title (English), Text (English)" in page
    assert page.count("Revert to this version</button>") == 1  # not for the current version
    assert "current version" in page


def test_changes_page_shows_a_field_by_field_diff_with_escaped_text(administrator_client, content):
    article = content.article(body_en="Line one.\nLine two.\nLine three.")
    article.body_en = "Line one.\nLine <b>2</b>.\nLine three."
    article.title_en = "Renamed"
    article.save()
    latest = article.history.latest()

    response = administrator_client.get(
        f"/en/admin/help/article/{article.pk}/history/{latest.history_id}/changes/"
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "<del>two</del><ins>&lt;b&gt;2&lt;/b&gt;</ins>" in page
    assert "<b>2</b>" not in page
    assert "<ins>Renamed</ins>" in page
    assert "Text (Slovenian)" not in page  # unchanged fields are not listed


def test_revert_restores_a_previous_version_and_records_the_revert(administrator_client, content):
    article = content.article(title_en="Good title", body_en="Good text.")
    first = article.history.latest()
    article.title_en = "Broken title"
    article.body_en = "Broken text."
    article.save()

    response = administrator_client.post(
        f"/en/admin/help/article/{article.pk}/history/{first.history_id}/revert/"
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title_en, article.body_en) == ("Good title", "Good text.")
    assert "Good text." in article.body_html_en
    assert article.history.count() == 3  # the broken version is kept
    newest = article.history.latest()
    assert newest.history_change_reason.startswith("Reverted to version from ")
    assert newest.history_user.username == "skrbnik"
    page = administrator_client.get(response["Location"]).content.decode()
    assert "Reverted to version from" in page


@pytest.mark.parametrize("language", ["", "/en"])
def test_revert_is_one_click_from_the_history_list(support_client, program, language):
    step = program.steps.get()
    first = step.history.latest()
    step.text_sl = "Napačno besedilo."
    step.save()
    page = support_client.get(f"{language}/admin/mail/programstep/{step.pk}/history/")
    revert_url = f"{language}/admin/mail/programstep/{step.pk}/history/{first.history_id}/revert/"
    assert f'action="{revert_url}"' in page.content.decode()

    assert support_client.post(revert_url).status_code == 302
    step.refresh_from_db()
    assert step.text_sl == "Odprite program."


def test_revert_confirmation_page_shows_what_will_change(administrator_client, hosted):
    package = hosted["vasadomena.si"]
    first = package.history.latest()
    package.disk_quota_mb = 1
    package.save()

    response = administrator_client.get(
        f"/en/admin/mail/hostingpackage/{package.pk}/history/{first.history_id}/revert/"
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "<del>1</del>" in page
    assert "<ins>5000</ins>" in page
    package.refresh_from_db()
    assert package.disk_quota_mb == 1  # a GET changes nothing


def test_a_revert_that_breaks_a_rule_is_refused_with_the_reason(administrator_client, db):
    port = PortSetting.objects.create(protocol="smtp", security="none", port=26, preferred=True)
    preferred = port.history.latest()
    port.preferred = False
    port.save()
    PortSetting.objects.create(protocol="smtp", security="none", port=25, preferred=True)

    response = administrator_client.post(
        f"/en/admin/mail/portsetting/{port.pk}/history/{preferred.history_id}/revert/"
    )

    assert response.status_code == 400
    assert "There is already a preferred port" in html.unescape(response.content.decode())
    port.refresh_from_db()
    assert port.preferred is False
    assert port.history.count() == 2


def test_reverting_to_what_is_already_current_adds_no_version(administrator_client, hosted):
    server = hosted["vasadomena.si"].server
    only = server.history.latest()
    response = administrator_client.post(
        f"/en/admin/mail/server/{server.pk}/history/{only.history_id}/revert/", follow=True
    )
    assert "already matches" in response.content.decode()
    assert server.history.count() == 1


def test_the_old_revert_by_form_page_leads_to_the_diff(administrator_client, hosted):
    server = hosted["vasadomena.si"].server
    record = server.history.latest()
    response = administrator_client.get(
        f"/en/admin/mail/server/{server.pk}/history/{record.history_id}/"
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"/history/{record.history_id}/changes/")


def test_history_pages_for_nonsense_addresses_are_not_found(administrator_client, db):
    for url in (
        "/en/admin/mail/server/abc/history/1/changes/",
        "/en/admin/mail/server/999/history/1/revert/",
        "/en/admin/mail/server/1/history/abc/",
    ):
        assert administrator_client.get(url).status_code == 404, url
