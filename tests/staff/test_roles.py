"""Who may do what in the admin: the two roles, through the admin's own URLs."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.forms.models import model_to_dict
from django.test import Client

from portal.help.models import ArticleFeedback, SearchMiss, SearchSynonym
from portal.staff.roles import ADMINISTRATORS, SUPPORT_STAFF

APP = {
    "article": "help",
    "category": "help",
    "mailprogram": "mail",
    "programstep": "mail",
    "server": "mail",
    "hostingpackage": "mail",
    "portsetting": "mail",
}

# model → (list, add, change page, delete page) status codes for Support staff.
SUPPORT_STAFF_CAN = {
    "article": (200, 200, 200, 403),
    "category": (200, 200, 200, 403),
    "mailprogram": (200, 200, 200, 403),
    "programstep": (200, 200, 200, 200),
    "server": (200, 403, 200, 403),
    "hostingpackage": (200, 403, 200, 403),
    "portsetting": (200, 403, 200, 403),
}
EDITABLE = {"article", "category", "mailprogram", "programstep"}


def urls(model: str, pk: int) -> tuple[str, str, str, str]:
    base = f"/admin/{APP[model]}/{model}/"
    return base, f"{base}add/", f"{base}{pk}/change/", f"{base}{pk}/delete/"


@pytest.mark.django_db
def test_the_migration_creates_both_roles_with_their_permissions():
    support = Group.objects.get(name=SUPPORT_STAFF)
    codenames = set(support.permissions.values_list("codename", flat=True))
    assert {"add_article", "change_article", "view_article", "add_category"} <= codenames
    assert {"add_mailprogram", "change_mailprogram", "change_programstep"} <= codenames
    assert {"view_server", "view_hostingpackage", "view_portsetting"} <= codenames
    assert {"add_searchsynonym", "change_searchsynonym", "view_searchmiss"} <= codenames
    assert not {"change_server", "add_hostingpackage", "change_portsetting"} & codenames
    assert not {"delete_article", "delete_category", "delete_mailprogram"} & codenames
    assert not any(codename.endswith("_user") for codename in codenames)
    administrators = Group.objects.get(name=ADMINISTRATORS)
    assert administrators.permissions.count() == Permission.objects.count()


@pytest.mark.parametrize("model", sorted(SUPPORT_STAFF_CAN))
def test_support_staff_can_and_cannot(support_client, records, model):
    record = records[model]
    expected = SUPPORT_STAFF_CAN[model]
    got = tuple(support_client.get(url).status_code for url in urls(model, record.pk))
    assert got == expected
    change_page = support_client.get(urls(model, record.pk)[2]).content.decode()
    assert ('name="_save"' in change_page) == (model in EDITABLE)


@pytest.mark.parametrize(
    ("model", "field", "value"),
    [
        ("server", "hostname", "napad.example.si"),
        ("hostingpackage", "plan", "Zastonj"),
        ("portsetting", "port", 2525),
    ],
)
def test_support_staff_cannot_save_servers_packages_or_ports(
    support_client, records, model, field, value
):
    record = records[model]
    before = model_to_dict(record)
    form = {key: "" if item is None else item for key, item in before.items()} | {field: value}
    response = support_client.post(urls(model, record.pk)[2], form)
    assert response.status_code == 403
    record.refresh_from_db()
    assert model_to_dict(record) == before


def found_articles(query: str) -> list[str]:
    """The slugs a visitor (not logged in) finds on the Slovenian search page, best first."""
    page = Client().get("/iskanje/", {"q": query}).content.decode()
    return re.findall(r'class="search-result__title"><a href="/clanek/([^/"]+)/"', page)


def test_support_staff_edit_search_synonyms_and_search_follows(support_client, content):
    content.article(slug="poln-predal", body_sl="Ko je predal poln, izbrišite stara sporočila.")
    password = content.article(slug="geslo", body_sl="Ponastavite geslo v naročniškem centru.")
    assert found_articles("nabiralnik") == []

    added = support_client.post(
        "/admin/help/searchsynonym/add/", {"phrase": "nabiralnik", "expansion": "predal, predala"}
    )
    assert added.status_code == 302
    assert found_articles("nabiralnik") == ["poln-predal"]

    synonym = SearchSynonym.objects.get(phrase="nabiralnik")
    edited = support_client.post(
        f"/admin/help/searchsynonym/{synonym.pk}/change/",
        {"phrase": "nabiralnik", "expansion": "predal", "article": password.pk},
    )
    assert edited.status_code == 302
    assert found_articles("nabiralnik") == ["geslo", "poln-predal"]


def test_support_staff_read_searches_without_results_and_article_feedback(support_client, content):
    article = content.article(title_sl="Poln poštni predal")
    ArticleFeedback.objects.create(article=article, helpful=3, not_helpful=1)
    assert found_articles("qqqxyzzy") == []  # recorded as a search without results

    misses = support_client.get("/admin/help/searchmiss/").content.decode()
    assert "qqqxyzzy" in misses
    feedback = support_client.get("/admin/help/articlefeedback/").content.decode()
    assert "Poln poštni predal" in feedback


def test_searches_without_results_show_and_filter_by_language(support_client, content):
    content.article(title_sl="Poln poštni predal")
    client = Client()
    client.get("/iskanje/", {"q": "qqqslo"})
    client.get("/en/search/", {"q": "qqqeng"})
    everything = support_client.get("/admin/help/searchmiss/").content.decode()
    assert "qqqslo" in everything
    assert "qqqeng" in everything
    assert "?language__exact=en" in everything  # the language filter
    english = support_client.get("/admin/help/searchmiss/?language__exact=en").content.decode()
    assert "qqqeng" in english
    assert "qqqslo" not in english
    assert SearchMiss.objects.get(query="qqqeng").language == "en"


def test_support_staff_cannot_manage_users_groups_or_login_attempts(support_client, db):
    for url in ("/admin/auth/user/", "/admin/auth/group/", "/admin/axes/accessattempt/"):
        assert support_client.get(url).status_code == 403, url


def test_support_staff_see_the_overview_and_export_but_cannot_import(support_client, records):
    SearchMiss.objects.create(query="qqqxyzzy", count=4)
    overview = support_client.get("/admin/overview/")
    assert overview.status_code == 200
    assert (
        '<th scope="row">qqqxyzzy</th><td>slovenščina</td><td>4</td>' in overview.content.decode()
    )
    export = support_client.get("/admin/mail/hostingpackage/export/")
    assert export.status_code == 200
    rows = b"".join(export.streaming_content if export.streaming else [export.content])
    exported = rows.decode("utf-8-sig")
    assert "vasadomena.si" in exported
    assert "streznik2.avant.si" in exported
    assert support_client.get("/admin/mail/hostingpackage/import/").status_code == 403


def test_support_staff_revert_articles_but_not_servers(support_client, records):
    article, server = records["article"], records["server"]
    article.title_sl = "Drugi naslov"
    article.save()
    server.active = False
    server.save()
    first_article = article.history.earliest().history_id
    first_server = server.history.earliest().history_id
    article_url = f"/admin/help/article/{article.pk}/history/{first_article}/revert/"
    server_url = f"/admin/mail/server/{server.pk}/history/{first_server}/revert/"
    assert support_client.post(article_url).status_code == 302
    assert support_client.post(server_url).status_code == 403
    article.refresh_from_db()
    server.refresh_from_db()
    assert article.title_sl == "Članek 1"  # back to the first version
    assert server.active is False  # unchanged
    history = support_client.get(f"/admin/mail/server/{server.pk}/history/")
    assert history.status_code == 200
    assert history.content.decode().count("/revert/") == 0  # nothing offers a revert


@pytest.mark.parametrize("model", sorted(SUPPORT_STAFF_CAN))
def test_administrators_can_do_everything(administrator_client, records, model):
    got = tuple(administrator_client.get(url).status_code for url in urls(model, records[model].pk))
    assert got == (200, 200, 200, 200)


def test_administrators_manage_users_and_import_packages(administrator_client, support_user):
    users = administrator_client.get("/admin/auth/user/")
    assert users.status_code == 200
    assert ">podpora<" in users.content.decode()
    assert ">skrbnik<" in users.content.decode()
    upload = administrator_client.get("/admin/mail/hostingpackage/import/")
    assert upload.status_code == 200
    assert 'type="file"' in upload.content.decode()


def staff_pages(records) -> list[str]:
    article = records["article"]
    history_id = article.history.earliest().history_id
    return [
        "/admin/overview/",
        "/en/admin/overview/",
        "/admin/mail/hostingpackage/import/",
        "/admin/mail/hostingpackage/export/",
        "/admin/mail/programstep/",
        f"/admin/help/article/{article.pk}/history/",
        f"/admin/help/article/{article.pk}/history/{history_id}/changes/",
        f"/admin/help/article/{article.pk}/history/{history_id}/revert/",
    ]


def test_anonymous_visitors_cannot_reach_the_staff_pages(client, records):
    for url in staff_pages(records):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/login/" in response["Location"], url


def test_customers_without_staff_status_cannot_reach_the_staff_pages(client, records):
    customer = get_user_model().objects.create_user("stranka", password="geslo-za-test-123")
    customer.groups.add(Group.objects.get(name=SUPPORT_STAFF))  # a group alone is not enough
    client.force_login(customer)
    for url in staff_pages(records):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/login/" in response["Location"], url
    revert = staff_pages(records)[-1]
    assert client.post(revert).status_code == 302
    assert records["article"].history.count() == 1


@pytest.mark.django_db
def test_seeding_keeps_the_roles():
    from django.core.management import call_command

    call_command("seed_demo", verbosity=0)
    assert Group.objects.filter(name=SUPPORT_STAFF, permissions__codename="view_server").exists()
