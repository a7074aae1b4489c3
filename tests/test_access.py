"""Who reaches the admin, and what administrators find on its pages."""

import re

import pytest
from django.contrib.auth import get_user_model

from portal.mail.models import MailProgram

ADMIN_PAGES = [
    "/admin/",
    "/admin/mail/server/",
    "/admin/mail/hostingpackage/",
    "/admin/mail/portsetting/",
    "/admin/mail/mailprogram/",
    "/admin/help/article/",
    "/admin/help/category/",
    "/en/admin/",
]


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_anonymous_visitors_cannot_reach_the_admin(client, db, path):
    response = client.get(path)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_customers_without_staff_status_cannot_reach_the_admin(client, db, path):
    user = get_user_model().objects.create_user("stranka", password="geslo-za-test-123")
    client.force_login(user)
    response = client.get(path)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def result_rows(html: str) -> list[str]:
    """The text of each row of an admin change list, tags removed."""
    start = html.index("<tbody>", html.index('id="result_list"'))
    body = html[start : html.index("</tbody>", start)]
    return [" ".join(re.sub(r"<[^>]+>", " ", row).split()) for row in body.split("<tr")[1:]]


def shows(row: str, texts: tuple[str, ...]) -> bool:
    return all(re.search(rf"(?<!\w){re.escape(text)}(?!\w)", row) for text in texts)


@pytest.fixture
def one_of_everything(hosted, content):
    """Servers, packages and ports (from `hosted`), a program, a category and an article."""
    MailProgram.objects.create(name="Thunderbird", slug="thunderbird", platform="any")
    category = content.category("tezave", name_sl="Težave s pošto", name_en="Mail problems")
    content.article(category, title_sl="Poln poštni predal", title_en="Full mailbox")


# change list → for each record, texts its row must show.
CHANGE_LISTS = {
    "/admin/mail/server/": [("streznik.avant.si",), ("streznik2.avant.si",)],
    "/admin/mail/hostingpackage/": [
        ("vasadomena.si", "Start", "5000", "streznik.avant.si"),
        ("čebelica.si", "Pro", "20000", "streznik2.avant.si"),
    ],
    "/admin/mail/portsetting/": [
        ("POP3", "110"),
        ("POP3", "995"),
        ("IMAP", "143"),
        ("IMAP", "993"),
        ("SMTP", "26"),
        ("SMTP", "25"),
        ("SMTP", "465"),
        ("SMTP", "587"),
    ],
    "/admin/mail/mailprogram/": [("Thunderbird",)],
    "/admin/help/article/": [("Poln poštni predal", "Težave s pošto")],
    "/admin/help/category/": [("Težave s pošto",)],
}


@pytest.mark.parametrize("path", sorted(CHANGE_LISTS))
def test_administrators_see_every_record_in_the_change_lists(admin_client, one_of_everything, path):
    response = admin_client.get(path)
    assert response.status_code == 200
    rows = result_rows(response.content.decode())
    assert len(rows) == len(CHANGE_LISTS[path]), rows
    for texts in CHANGE_LISTS[path]:
        assert any(shows(row, texts) for row in rows), (texts, rows)


@pytest.mark.parametrize(
    ("path", "language", "title"),
    [("/admin/", "sl", "Portal za nastavitev pošte"), ("/en/admin/", "en", "Mail setup portal")],
)
def test_administrators_get_the_admin_index_in_their_language(
    admin_client, one_of_everything, path, language, title
):
    response = admin_client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert title in html
    for change_list in CHANGE_LISTS:
        assert f'href="{path}{change_list.removeprefix("/admin/")}"' in html, change_list
