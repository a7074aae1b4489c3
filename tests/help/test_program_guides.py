"""Program guide pages, the list of programs, the sitemap, and search that knows programs."""

import re

import defusedxml.ElementTree as ET
import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.mail.models import MailProgram, ProgramStep, ProgramWarning
from tests.wizard.conftest import ProgramBuilder

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture
def demo(db):
    call_command("seed_demo", verbosity=0)


def text_of(response) -> str:
    """The page's visible text, tags removed and spaces collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", html, flags=re.DOTALL)
    html = re.sub(r"</?(strong|a|span|em|code|mark)\b[^>]*>", "", html)  # inline: no space
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_guide_page_shows_the_steps_with_our_general_values(client, demo):
    response = client.get("/programi/outlook-windows/")
    assert response.status_code == 200
    text = text_of(response)
    assert "Nastavitev e-pošte v programu Klasični Outlook za Windows" in text
    # The steps, with descriptions instead of one customer's values, and the ports table's ports.
    assert (
        "V razdelku Dohodna pošta vpišite strežnik »ime strežnika vašega paketa« in vrata 993, "
        "za Način šifriranja pa izberite SSL/TLS." in text
    )
    assert "vrata 465" in text
    assert "Vpišite naslov »vaš e-poštni naslov«" in text
    # Which server name and why; the name without SSL; the username.
    assert "na primer streznik.avant.si" in text
    assert "v naročniškem centru Moj NEOSERV ali v cPanelu na plošči »Splošne informacije«" in text
    assert "zapisano je v potrdilu strežnika" in text
    assert "na primer mail.vasadomena.si. Ni priporočljivo" in text
    assert "Vaš celoten e-poštni naslov" in text
    html = response.content.decode()
    assert '<table class="ports-table">' in html
    assert '<a class="btn btn-primary btn-lg" href="/carovnik/?program=outlook-windows">' in html
    assert (
        '<link rel="alternate" hreflang="en" href="http://testserver/en/programs/outlook-windows/">'
        in html
    )


def test_guide_page_shows_only_the_imap_steps_over_an_encrypted_connection(client, demo):
    text = text_of(client.get("/programi/thunderbird/"))
    assert "Ti koraki nastavijo IMAP s šifrirano povezavo" in text
    assert "Pusti sporočila na strežniku" not in text  # a POP3-only step
    assert "Za POP3 ali povezavo brez šifriranja čarovnik pokaže korake" in text
    apple = text_of(client.get("/programi/apple-mail-macos/"))
    assert "označite Use TLS/SSL" in apple
    assert "počistite Use TLS/SSL" not in apple  # the step for plain connections


@pytest.mark.parametrize(
    ("path", "warning"),
    [
        ("/programi/outlook-new/", "sinhronizira prek Microsoftovega oblaka"),
        ("/en/programs/outlook-new/", "it syncs a copy of your mail, contacts and calendar"),
        ("/programi/mail-iphone/", "če ga v nekaj minutah (v 8 minutah) ne namestite"),
        ("/en/programs/mail-iphone/", "may ask you to turn it off to install the profile"),
        ("/programi/thunderbird/", "Thunderbird nastavitve poišče sam"),
        ("/en/programs/thunderbird/", "Thunderbird looks the settings up by itself"),
    ],
)
def test_guide_page_shows_the_programs_own_warnings(client, demo, path, warning):
    assert warning in text_of(client.get(path))


def test_english_guide_pages_show_english_program_names(client, demo):
    response = client.get("/en/programs/outlook-new/")
    text = text_of(response)
    assert "Set up email in New Outlook for Windows" in text
    assert "Steps for New Outlook for Windows" in text
    assert "Novi Outlook" not in response.content.decode()
    index = client.get("/en/programs/").content.decode()
    for english in ("Classic Outlook for Windows", "New Outlook for Windows", "Outlook for Mac"):
        assert english in index
    for slovenian in ("Klasični Outlook", "Novi Outlook", "Outlook za Mac", "Pošta (Windows"):
        assert slovenian not in index


def test_retired_windows_mail_has_a_page_that_says_so_and_what_to_use(client, demo):
    response = client.get("/programi/windows-mail/")
    assert response.status_code == 200
    text = text_of(response)
    assert "Program Pošta (Windows Mail) je ukinjen" in text
    assert "ukinil 31. decembra 2024" in text
    html = response.content.decode()
    alternatives = re.findall(r'<li><a href="/programi/([a-z0-9-]+)/">', html)
    assert alternatives == ["outlook-windows", "outlook-new", "thunderbird"]
    assert "?program=" not in html  # no wizard button for a program the wizard does not offer
    assert "program-steps" not in html
    english = text_of(client.get("/en/programs/windows-mail/"))
    assert "Windows Mail is retired" in english
    assert "on 31 December 2024" in english
    search = text_of(client.get("/iskanje/?q=windows+mail"))
    assert (
        "Program Pošta (Windows Mail) je ukinjen Vodnik našteje programe, ki jih lahko "
        "uporabite namesto njega." in search
    )


def test_the_wizard_does_not_offer_the_retired_program(client, demo):
    client.post("/carovnik/", {"email": "info@vasadomena.si"})
    html = client.get("/carovnik/program/").content.decode()
    assert 'value="outlook-new"' in html
    assert 'value="windows-mail"' not in html
    assert client.post("/carovnik/program/", {"program": "windows-mail"}).status_code == 400


def test_a_hidden_or_unknown_program_has_no_guide(client, demo):
    MailProgram.objects.filter(slug="samsung-email").update(active=False)
    assert client.get("/programi/samsung-email/").status_code == 404
    assert client.get("/en/programs/no-such-program/").status_code == 404


def test_index_lists_the_programs_and_the_retired_ones_apart(client, demo):
    html = client.get("/programi/").content.decode()
    links = re.findall(r'<a href="/programi/([a-z0-9-]+)/">', html)
    assert links == [
        "outlook-windows", "outlook-new", "outlook-mac", "thunderbird", "apple-mail-macos",
        "mail-iphone", "gmail-android", "samsung-email", "windows-mail",
    ]  # fmt: skip
    assert html.index("Programi, ki jih proizvajalci ne podpirajo več") < html.index(
        '<a href="/programi/windows-mail/">'
    )


def test_home_page_links_to_the_guides(client, demo):
    for path, guides in (("/", "/programi/"), ("/en/", "/en/programs/")):
        assert f'<a href="{guides}">' in client.get(path).content.decode()


def test_a_step_image_is_shown_on_the_guide_page(client, demo):
    step = ProgramStep.objects.filter(program__slug="thunderbird").order_by("order").first()
    ProgramStep.objects.filter(pk=step.pk).update(
        image="steps/0123456789abcdef0123456789abcdef.png",
        image_alt_sl="Meni Thunderbirda z ukazom Nov račun",
        image_alt_en="Thunderbird's menu with New Account",
    )
    html = client.get("/programi/thunderbird/").content.decode()
    assert (
        '<img class="step-image" src="/media/steps/0123456789abcdef0123456789abcdef.png" '
        'alt="Meni Thunderbirda z ukazom Nov račun" loading="lazy">'
    ) in html
    english = client.get("/en/programs/thunderbird/").content.decode()
    assert 'alt="Thunderbird&#x27;s menu with New Account"' in english


def test_a_warning_staff_edit_shows_at_once_although_the_page_is_cached(client, demo):
    assert "Staro opozorilo" not in text_of(client.get("/programi/gmail-android/"))
    warning = ProgramWarning.objects.create(
        program=MailProgram.objects.get(slug="gmail-android"), order=1, text_sl="Staro opozorilo."
    )
    assert "Staro opozorilo." in text_of(client.get("/programi/gmail-android/"))
    warning.text_sl = "Novo opozorilo."
    warning.save()
    text = text_of(client.get("/programi/gmail-android/"))
    assert "Novo opozorilo." in text
    assert "Staro opozorilo." not in text


def test_a_warning_is_markdown_and_its_markup_is_sanitised(client, demo):
    ProgramWarning.objects.create(
        program=MailProgram.objects.get(slug="gmail-android"),
        text_sl="Pazite na **to**. <script>alert(1)</script>",
    )
    html = client.get("/programi/gmail-android/").content.decode()
    assert "Pazite na <strong>to</strong>." in html
    assert "<script>alert(1)</script>" not in html


# --- Queries --------------------------------------------------------------------------------


def page_queries(client, path) -> int:
    cache.clear()  # measure the page as rendered, not as served from the page cache
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


GUIDE_PAGES = [
    "/programi/",
    "/en/programs/",
    "/programi/outlook-windows/",
    "/en/programs/mail-iphone/",
    "/programi/windows-mail/",
    "/iskanje/?q=kako+nastavim+outlook",
]


def test_guide_page_queries_do_not_grow_with_the_number_of_programs(client, demo):
    few = [page_queries(client, path) for path in GUIDE_PAGES]
    builder = ProgramBuilder()
    for n in range(60):
        program = builder.program(
            f"dodatni-{n}", platform="windows", aliases=f"outlook\nprogram {n}", steps=["a", "b"]
        )
        ProgramWarning.objects.create(program=program, text_sl="Opozorilo.")
    many = [page_queries(client, path) for path in GUIDE_PAGES]
    assert many == few
    # Each page also reads the footer's support contact (one query).
    assert few[:5] == [2, 2, 6, 6, 7]


# --- Sitemap --------------------------------------------------------------------------------


def sitemap_urls(client) -> dict[str, dict[str, str]]:
    root = ET.fromstring(client.get("/sitemap.xml").content)
    return {
        url.find(f"{SITEMAP}loc").text: {
            link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")
        }
        for url in root.iter(f"{SITEMAP}url")
    }


def test_sitemap_lists_every_guide_in_both_languages_with_hreflang(client, demo):
    MailProgram.objects.filter(slug="samsung-email").update(active=False)
    urls = sitemap_urls(client)
    for sl, en in [
        ("http://testserver/programi/outlook-windows/", "http://testserver/en/programs/outlook-windows/"),
        ("http://testserver/programi/windows-mail/", "http://testserver/en/programs/windows-mail/"),
        ("http://testserver/programi/", "http://testserver/en/programs/"),
    ]:  # fmt: skip
        assert urls[sl] == urls[en] == {"sl": sl, "en": en, "x-default": sl}
    assert not any("samsung-email" in url for url in urls)


# --- Search ---------------------------------------------------------------------------------


def guide_hit(response) -> str:
    """The href of the guide shown first on a search results page, or ""."""
    html = response.content.decode()
    match = re.search(r'<section class="guide-hit".*?<a href="([^"]+)"', html, flags=re.DOTALL)
    return match.group(1) if match else ""


@pytest.mark.parametrize(
    ("path", "guide"),
    [
        ("/iskanje/?q=kako+nastavim+outlook", "/programi/outlook-windows/"),
        ("/iskanje/?q=nastavitve+za+iphone", "/programi/mail-iphone/"),
        ("/iskanje/?q=ajfon", "/programi/mail-iphone/"),
        ("/iskanje/?q=Gmail+aplikacija", "/programi/gmail-android/"),
        ("/iskanje/?q=pošta+v+outlooku", "/programi/outlook-windows/"),
        ("/iskanje/?q=novi+outlook", "/programi/outlook-new/"),
        ("/iskanje/?q=POSTA+WINDOWS+MAIL", "/programi/windows-mail/"),
        ("/en/search/?q=how+do+I+set+up+outlook", "/en/programs/outlook-windows/"),
        ("/en/search/?q=outlook+for+mac", "/en/programs/outlook-mac/"),
    ],
)
def test_a_search_naming_a_program_shows_its_guide_first(client, demo, path, guide):
    response = client.get(path)
    assert response.status_code == 200
    assert guide_hit(response) == guide
    html = response.content.decode()
    if 'class="search-result"' in html:
        assert html.index('class="guide-hit"') < html.index('class="search-result"')


def test_a_bare_outlook_names_the_other_outlooks_too(client, demo):
    text = text_of(client.get("/iskanje/?q=kako+nastavim+outlook"))
    assert "Nastavitev e-pošte v programu Klasični Outlook za Windows" in text
    assert "Drugi programi s tem imenom: Novi Outlook za Windows, Outlook za Mac" in text
    english = text_of(client.get("/en/search/?q=how+do+I+set+up+outlook"))
    assert "Other programs with this name: New Outlook for Windows, Outlook for Mac" in english


def test_an_alias_staff_add_is_found_forgiving_case_and_diacritics(client, demo):
    assert guide_hit(client.get("/iskanje/?q=samsungova+pošta")) == ""
    program = MailProgram.objects.get(slug="samsung-email")
    program.aliases += "\nSamsungova pošta"
    program.save()
    assert guide_hit(client.get("/iskanje/?q=SAMSUNGOVA+POSTA")) == "/programi/samsung-email/"


@pytest.mark.parametrize(
    ("path", "wizard"),
    [
        ("/iskanje/?q=relay+denied", "/carovnik/"),  # results
        ("/iskanje/?q=kvantni+stedilnik", "/carovnik/"),  # no results
        ("/iskanje/?q=outlook", "/carovnik/"),  # a program's guide
        ("/en/search/?q=imap", "/en/wizard/"),
        ("/en/search/?q=quantum+cooker", "/en/wizard/"),
    ],
)
def test_every_results_page_offers_the_wizard(client, demo, path, wizard):
    html = client.get(path).content.decode()
    assert re.search(
        rf'<aside class="wizard-offer".*?<a class="btn btn-secondary" href="{wizard}">',
        html,
        flags=re.DOTALL,
    )


def test_a_search_naming_no_program_shows_no_guide(client, demo):
    assert guide_hit(client.get("/iskanje/?q=relay+denied")) == ""
    assert 'class="guide-hit"' not in client.get("/iskanje/").content.decode()
