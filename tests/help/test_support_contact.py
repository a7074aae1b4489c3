"""The support contact staff edit in the admin: where customers see it, in which language, and
that pages still render without one."""

import re
from collections import Counter
from html import unescape

import pytest
from django.test import Client

from portal.demo.seed import seed_support_contact
from portal.help.models import SupportContact
from portal.help.support import Contact, contact_for, is_demo
from portal.staff.roles import SUPPORT_STAFF
from tests.staff.conftest import make_staff

SL = {
    "email": '<a href="mailto:pomoc@neoserv.si">pomoc@neoserv.si</a>',
    "phone": '<a href="tel:+38612345678">+386 1 234 56 78</a>',
    "hours": "(ob delavnikih od 8. do 16. ure)",
}
EN = {
    "email": '<a href="mailto:help@neoserv.si">help@neoserv.si</a>',
    "phone": '<a href="tel:+38612345678">+386 1 234 56 78</a>',  # English falls back to it
    "hours": "(on working days from 8:00 to 16:00)",
}


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def part(html: str, start: str, end: str) -> str:
    return html.split(start, 1)[1].split(end, 1)[0]


def shows_contact(html: str, expected: dict) -> bool:
    return all(value in html for value in expected.values())


@pytest.mark.parametrize(
    ("url", "expected", "sentence"),
    [
        ("/", SL, "Še vedno ne gre? Naša podpora vam je na voljo:"),
        ("/en/", EN, "Still stuck? Our support team is here for you:"),
    ],
)
def test_the_footer_shows_the_contact_in_the_page_language(
    client, support_contact, url, expected, sentence
):
    footer = part(client.get(url).text, '<footer class="site-footer">', "</footer>")
    assert shows_contact(footer, expected)
    assert sentence in text_of(footer)


@pytest.mark.parametrize(
    ("url", "expected", "heading"),
    [
        ("/clanek/ni-takega/", SL, "Strani ni mogoče najti"),
        ("/en/article/no-such-article/", EN, "Page not found"),
    ],
)
def test_the_404_page_offers_the_contact(client, support_contact, url, expected, heading):
    response = client.get(url)
    assert response.status_code == 404
    main = part(response.text, '<main id="content"', "</main>")
    assert heading in main
    assert shows_contact(main, expected)


@pytest.mark.parametrize(
    ("url", "expected", "offer"),
    [
        ("/iskanje/", SL, "Lahko pa se obrnete na našo podporo:"),
        ("/en/search/", EN, "Or ask our support team:"),
    ],
)
def test_a_search_without_results_offers_the_contact(client, support_contact, url, expected, offer):
    html = client.get(url, {"q": "kvantni štedilnik"}).text
    main = part(html, '<main id="content"', "</main>")
    assert offer in text_of(main)
    assert shows_contact(main, expected)


def test_an_unknown_domain_in_the_wizard_offers_the_contact(client, support_contact):
    client.post("/carovnik/", {"email": "ana@neznana-domena.si"})
    html = client.get("/carovnik/program/").text
    unknown = part(html, 'class="alert alert-warning location location--unknown"', "</div>")
    assert "Niste prepričani? Naša podpora vam bo povedala:" in text_of(unknown)
    assert shows_contact(unknown, SL)


def test_without_a_contact_pages_show_no_empty_labels(client, content):
    content.article(slug="geslo")
    for url in ("/", "/en/", "/clanek/geslo/", "/clanek/ni-takega/", "/iskanje/?q=kvantni"):
        html = client.get(url).text
        assert 'class="support-contact"' not in html, url
        assert "mailto:" not in html, url
        assert "Še vedno ne gre?" not in html, url
    no_vote = client.post(
        "/clanek/geslo/glas/",
        {"helpful": "no"},
        follow=True,
        headers={"Sec-Fetch-Site": "same-origin"},
    ).text
    assert "Žal nam je, da vam članek ni pomagal." in no_vote
    assert "Lahko pa se obrnete na našo podporo:" not in no_vote


def test_only_an_email_shows_no_dangling_comma_or_hours(client, db):
    SupportContact.objects.create(email_sl="pomoc@neoserv.si")
    footer = part(client.get("/").text, '<footer class="site-footer">', "</footer>")
    assert '<a href="mailto:pomoc@neoserv.si">pomoc@neoserv.si</a>.</p>' in footer
    assert "tel:" not in footer


def test_a_cached_page_shows_the_new_contact_as_soon_as_staff_save_it(support_contact):
    visitor = Client()
    assert "pomoc@neoserv.si" in visitor.get("/").text
    assert "pomoc@neoserv.si" in visitor.get("/").text  # now from the page cache
    support_contact.email_sl = "dezurni@neoserv.si"
    support_contact.save()
    html = Client().get("/").text
    assert '<a href="mailto:dezurni@neoserv.si">dezurni@neoserv.si</a>' in html
    assert "pomoc@neoserv.si" not in html


# -- The admin ----------------------------------------------------------------------------------


@pytest.fixture
def support_staff(client, db):
    client.force_login(make_staff("podpora", SUPPORT_STAFF))
    return client


FORM = {
    "email_sl": "pomoc@neoserv.si",
    "email_en": "",
    "phone_sl": "+386 1 234 56 78",
    "phone_en": "",
    "hours_sl": "ob delavnikih od 8. do 16. ure",
    "hours_en": "on working days from 8:00 to 16:00",
}


def test_support_staff_add_the_contact_then_edit_it_with_history(support_staff):
    assert support_staff.get("/admin/help/supportcontact/")["Location"] == (
        "/admin/help/supportcontact/add/"
    )
    assert support_staff.post("/admin/help/supportcontact/add/", FORM).status_code == 302
    contact = SupportContact.objects.get()
    change_url = f"/admin/help/supportcontact/{contact.pk}/change/"
    assert support_staff.get("/admin/help/supportcontact/")["Location"] == change_url
    assert support_staff.get("/admin/help/supportcontact/add/")["Location"] == change_url
    form = support_staff.get(change_url).text
    assert "Naslov podpora@example.si iz predstavitvene vsebine je le nadomestni (demo)" in form

    edited = FORM | {"hours_en": "Monday to Friday, 8:00 to 16:00"}
    assert support_staff.post(change_url, edited).status_code == 302
    assert "Monday to Friday, 8:00 to 16:00" in Client().get("/en/").text
    assert [version.hours_en for version in contact.history.order_by("history_date")] == [
        "on working days from 8:00 to 16:00",
        "Monday to Friday, 8:00 to 16:00",
    ]
    history = support_staff.get(f"{change_url.removesuffix('change/')}history/").text
    assert "podpora" in history
    assert SupportContact.objects.count() == 1


def test_a_bad_address_is_refused_and_the_form_keeps_what_was_typed(support_staff):
    response = support_staff.post(
        "/en/admin/help/supportcontact/add/", FORM | {"email_sl": "pomoc"}
    )
    assert response.status_code == 200
    assert "Enter a valid email address." in response.text
    assert 'value="+386 1 234 56 78"' in response.text
    assert not SupportContact.objects.exists()


def test_the_staff_overview_warns_while_customers_see_the_demo_contact(support_staff):
    seed_support_contact(Counter())
    warning = 'id="support-contact-demo"'
    assert warning in support_staff.get("/en/admin/overview/").text
    SupportContact.objects.update(**FORM)
    assert warning not in support_staff.get("/en/admin/overview/").text


# -- The values ---------------------------------------------------------------------------------


def test_the_demo_contact_is_marked_and_recognised():
    demo = {
        "email_sl": "podpora@example.si",
        "phone_sl": "+386 1 600 00 00",
        "hours_sl": "ob delavnikih od 8. do 16. ure (demo)",
    }
    assert is_demo(demo)
    assert is_demo({"email_sl": "pomoc@neoserv.si", "phone_en": "+386 1 600 00 00"})
    assert is_demo({"email_sl": "pomoc@neoserv.si", "hours_en": "8 to 16 (demo)"})
    assert not is_demo({"email_sl": "pomoc@neoserv.si", "phone_sl": "+386 1 234 56 78"})
    assert not is_demo({})


def test_english_falls_back_to_the_slovenian_values_field_by_field():
    values = {"email_sl": "pomoc@neoserv.si", "email_en": "help@neoserv.si", "phone_sl": "01 234"}
    assert contact_for(values, "en") == Contact("help@neoserv.si", "01 234", "")
    assert contact_for(values, "sl") == Contact("pomoc@neoserv.si", "01 234", "")
    assert not contact_for({}, "sl")
    assert Contact(phone="+386 (1) 234-56.78").tel == "+38612345678"


def test_pages_built_without_the_database_show_the_contact_from_the_settings(settings, rf):
    """No db fixture: the 400 and 500 pages must render while the database is out of reach."""
    from django.utils import translation

    from portal.errors import bad_request, server_error

    settings.PORTAL_SUPPORT_EMAIL = "pomoc@neoserv.si"
    settings.PORTAL_SUPPORT_PHONE = "+386 1 234 56 78"
    with translation.override("sl"):
        for view, status in ((bad_request, 400), (server_error, 500)):
            response = view(rf.get("/"))
            assert response.status_code == status
            footer = part(response.content.decode(), '<footer class="site-footer">', "</footer>")
            assert SL["email"] in footer
            assert SL["phone"] in footer
