"""The wizard's flow through Django's test client: steps, answers, errors and the result."""

import io
import plistlib
import re
from html import unescape

import pytest
import segno
from PIL import Image

from portal.mail.models import MailProgram
from portal.wizard import cookie as wizard_cookie
from tests.html_checks import elements
from tests.wizard.conftest import (
    USAGE_ONE_DEVICE_HEAVY,
    USAGE_PHONE_AND_LAPTOP,
    USAGE_SHARED_OFFICE,
    walk,
)

pytestmark = pytest.mark.usefixtures("hosted", "programs")


def input_value(html, name):
    for tag, attributes in elements(html):
        if tag == "input" and attributes.get("name") == name:
            return attributes.get("value")
    raise AssertionError(f"no input named {name}")


def checked(html, name):
    return [
        attributes["value"]
        for tag, attributes in elements(html)
        if tag == "input" and attributes.get("name") == name and "checked" in attributes
    ]


def set_answers(client, answers):
    """Put answers in the wizard's own cookie, as the browser would send it."""
    client.cookies[wizard_cookie.COOKIE_NAME] = wizard_cookie.cookie_value({"wizard": answers})


def text_of(html):
    """The visible text: tags removed, entities decoded, white space collapsed."""
    text = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))
    return re.sub(r" ([,.;:])", r"\1", text)


# -- Step 1: the address ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "heading", "progress"),
    [
        ("/carovnik/", "Nastavi mojo e-pošto", "Korak 1 od 4"),
        ("/en/wizard/", "Set up my email", "Step 1 of 4"),
    ],
)
def test_first_step_asks_for_the_address_in_each_language(client, url, heading, progress):
    response = client.get(url)
    assert response.status_code == 200
    assert f"<h1>{heading}</h1>" in response.text
    assert progress in response.text
    assert input_value(response.text, "email") is None


@pytest.mark.parametrize(
    ("url", "typed", "message"),
    [
        ("/carovnik/", "info@@vasadomena", "To ni veljaven e-poštni naslov."),
        ("/carovnik/", "ana.novak vasadomena.si", "To ni veljaven e-poštni naslov."),
        ("/en/wizard/", "info@localhost", "This is not a valid email address."),
        ("/en/wizard/", "<b>ana</b>@x.si", "This is not a valid email address."),
    ],
)
def test_invalid_address_is_shown_again_with_a_clear_error(client, url, typed, message):
    response = client.post(url, {"email": typed})
    assert response.status_code == 400
    assert message in response.text
    assert input_value(response.text, "email") == typed  # what was typed is kept
    assert 'aria-invalid="true"' in response.text
    assert "<b>ana</b>" not in response.text  # kept, but escaped


@pytest.mark.parametrize(
    ("typed", "server"),
    [
        ("  Info@VasaDomena.SI ", "streznik.avant.si"),
        ("info@čebelica.si", "streznik2.avant.si"),
        ("info@xn--ebelica-i6a.si", "streznik2.avant.si"),
    ],
)
def test_address_is_normalised_and_its_domain_looked_up(client, typed, server):
    response = client.post("/carovnik/", {"email": typed})
    assert response.status_code == 302
    assert response.headers["Location"] == "/carovnik/program/"
    page = client.get("/carovnik/program/").text
    assert f"na strežniku {server}" in page
    assert "Korak 2 od 4" in page


def test_unknown_domain_is_told_plainly_and_may_continue(client):
    client.post("/en/wizard/", {"email": "ana@neznana-domena.si"})
    page = text_of(client.get("/en/wizard/program/").text)
    assert "We could not find where the mail of neznana-domena.si is." in page
    assert "mail.neznana-domena.si without encryption" in page
    assert "Moj NEOSERV" in page
    assert "cPanel" in page
    assert client.post("/en/wizard/program/", {"program": "thunderbird"}).status_code == 302


# -- Order of the steps -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "url", "expected"),
    [
        ({}, "/carovnik/program/", "/carovnik/"),
        ({}, "/carovnik/uporaba/", "/carovnik/"),
        ({}, "/carovnik/rezultat/", "/carovnik/"),
        ({"email": "info@vasadomena.si"}, "/carovnik/rezultat/", "/carovnik/program/"),
        (
            {"email": "info@vasadomena.si", "program": "thunderbird"},
            "/carovnik/rezultat/",
            "/carovnik/uporaba/",
        ),
        ({"email": "not an address", "program": "thunderbird"}, "/carovnik/uporaba/", "/carovnik/"),
        ({"email": "info@vasadomena.si"}, "/en/wizard/usage/", "/en/wizard/program/"),
    ],
)
def test_a_later_step_without_earlier_answers_goes_back_to_the_first_missing(
    client, answers, url, expected
):
    set_answers(client, answers)
    for response in (client.get(url), client.post(url, {})):
        assert response.status_code == 302
        assert response.headers["Location"] == expected


def test_a_broken_usage_answer_in_the_session_is_asked_again(client):
    set_answers(
        client,
        {"email": "info@vasadomena.si", "program": "thunderbird", "usage": {"devices": "seven"}},
    )
    response = client.get("/carovnik/rezultat/")
    assert response.headers["Location"] == "/carovnik/uporaba/"


def test_back_shows_every_answer_again(client):
    walk(client, email="ana@vasadomena.si", program="gmail-android", usage=USAGE_SHARED_OFFICE)
    assert input_value(client.get("/carovnik/").text, "email") == "ana@vasadomena.si"
    assert checked(client.get("/carovnik/program/").text, "program") == ["gmail-android"]
    usage_page = client.get("/carovnik/uporaba/").text
    for name, value in USAGE_SHARED_OFFICE.items():
        assert checked(usage_page, name) == [value]
    result = client.get("/carovnik/rezultat/").text
    assert 'href="/carovnik/uporaba/"' in result  # the Back link
    assert "Korak 4 od 4" in result


# -- Step 2: the program ------------------------------------------------------------------------

IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"
WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36"


@pytest.mark.parametrize(
    ("user_agent", "preselected"),
    [(IPHONE, ["mail-iphone"]), (WINDOWS, ["outlook-windows"]), ("curl/8", [])],
)
def test_program_is_preselected_from_the_browser(client, user_agent, preselected):
    client.post("/carovnik/", {"email": "info@vasadomena.si"})
    page = client.get("/carovnik/program/", headers={"user-agent": user_agent}).text
    assert checked(page, "program") == preselected


def test_a_program_the_customer_chose_wins_over_the_browser_hint(client):
    client.post("/carovnik/", {"email": "info@vasadomena.si"})
    client.post("/carovnik/program/", {"program": "thunderbird"})
    page = client.get("/carovnik/program/", headers={"user-agent": IPHONE}).text
    assert checked(page, "program") == ["thunderbird"]


def test_programs_are_grouped_by_platform_with_icons_and_another_program(client):
    client.post("/en/wizard/", {"email": "info@vasadomena.si"})
    page = client.get("/en/wizard/program/").text
    legends = re.findall(r"<legend[^>]*>\s*(.*?)\s*</legend>", page)
    assert legends == [
        "Which mail program do you want to set up?",
        "Windows",
        "macOS",
        "iPhone and iPad",
        "Android",
        "Several platforms",
        "Something else",
    ]
    # Icons are inlined (no request of their own) and hidden from screen readers.
    assert 'class="program-icon" aria-hidden="true"' in page
    assert "<img" not in page
    assert "Another program" in page


def test_inactive_programs_are_not_offered(client):
    MailProgram.objects.filter(slug="gmail-android").update(active=False)
    client.post("/carovnik/", {"email": "info@vasadomena.si"})
    assert "gmail-android" not in client.get("/carovnik/program/").text
    response = client.post("/carovnik/program/", {"program": "gmail-android"})
    assert response.status_code == 400
    assert "Izberite eno od možnosti." in response.text


def test_program_removed_after_it_was_chosen_sends_the_customer_back_to_choose(client):
    walk(client, program="gmail-android")
    MailProgram.objects.filter(slug="gmail-android").delete()
    assert client.get("/carovnik/rezultat/").headers["Location"] == "/carovnik/program/"


# -- Step 3: usage ------------------------------------------------------------------------------


def test_unanswered_usage_questions_are_marked_and_the_others_kept(client):
    client.post("/en/wizard/", {"email": "info@vasadomena.si"})
    client.post("/en/wizard/program/", {"program": "thunderbird"})
    response = client.post("/en/wizard/usage/", {"devices": "few", "volume": "junk"})
    assert response.status_code == 400
    assert response.text.count("Please choose one of the options.") == 4
    assert checked(response.text, "devices") == ["few"]
    assert "<legend" in response.text
    assert "On how many devices" in response.text


# -- Step 4: the result -------------------------------------------------------------------------


def test_one_device_and_heavy_use_gets_pop3_with_its_settings(client):
    walk(client, usage=USAGE_ONE_DEVICE_HEAVY, prefix="/en")
    page = text_of(client.get("/en/wizard/result/").text)
    assert "We recommend POP3" in page
    assert "You read this mailbox on one device only." in page
    assert "You receive a lot of mail." in page
    assert "Incoming mail (POP3) streznik.avant.si 995 SSL/TLS" in page
    assert "Show the IMAP settings instead" in page


def test_phone_and_laptop_get_imap_with_the_packages_quota(client):
    walk(client, usage=USAGE_PHONE_AND_LAPTOP)
    page = text_of(client.get("/carovnik/rezultat/").text)
    assert "Priporočamo IMAP" in page
    assert "na dveh ali treh napravah" in page
    assert "(5 GB)" in page
    assert "Dohodna pošta (IMAP) streznik.avant.si 993 SSL/TLS" in page


def test_shared_office_mailbox_gets_imap_and_the_quota_caveat(client):
    walk(client, email="pisarna@čebelica.si", usage=USAGE_SHARED_OFFICE, prefix="/en")
    page = text_of(client.get("/en/wizard/result/").text)
    assert "We recommend IMAP" in page
    assert "Several people use this mailbox." in page
    assert "fills your hosting package's disk quota (20 GB) sooner" in page
    assert "streznik2.avant.si 993" in page


def test_settings_card_shows_encrypted_first_and_plain_as_not_recommended(client):
    walk(client, prefix="/en")
    html = client.get("/en/wizard/result/").text
    card = text_of(
        html[
            html.index('class="settings-card"') : html.index(
                "</section>", html.index('class="settings-card"')
            )
        ]
    )
    assert card.index("Encrypted connection (SSL/TLS) Recommended") < card.index(
        "Without encryption Not recommended"
    )
    assert "Outgoing mail (SMTP) streznik.avant.si 465 or port 587 (STARTTLS) SSL/TLS" in card
    assert "Incoming mail (IMAP) mail.vasadomena.si 143 No encryption" in card
    assert "Outgoing mail (SMTP) mail.vasadomena.si 26 or port 25 No encryption" in card
    assert "Username info@vasadomena.si (your full email address)" in card
    assert "Password your mailbox password (we never ask for it)" in card
    assert "authentication required" in card
    assert "<code data-copy>streznik.avant.si</code>" in html
    assert 'type="password"' not in html


def test_customer_can_switch_to_the_other_protocol(client):
    walk(client, usage=USAGE_PHONE_AND_LAPTOP, prefix="/en")
    html = client.get("/en/wizard/result/").text
    assert 'href="/en/wizard/result/?protocol=pop3"' in html
    switched = text_of(client.get("/en/wizard/result/?protocol=pop3").text)
    assert "We recommend IMAP" in switched
    assert "You are looking at the POP3 settings." in switched
    assert "Incoming mail (POP3) streznik.avant.si 995" in switched
    assert "Leave a copy of messages on the server" in switched
    assert "14 days" in switched
    ignored = text_of(client.get("/en/wizard/result/?protocol=exchange").text)
    assert "Incoming mail (IMAP) streznik.avant.si 993" in ignored


def test_unknown_domain_gets_the_generic_plain_guidance(client):
    walk(client, email="ana@neznana-domena.si", prefix="/en")
    html = client.get("/en/wizard/result/").text
    page = text_of(html)
    assert "We could not find where the mail of neznana-domena.si is." in page
    assert "General settings for your domain Without encryption" in page
    assert "Incoming mail (IMAP) mail.neznana-domena.si 143 No encryption" in page
    assert "streznik" not in page
    assert "Recommended" not in page
    assert "your mailbox fills up sooner" in page  # no hosting package to speak of
    assert "hosting package's disk quota" not in page


def test_program_steps_have_the_customers_values_filled_in(client):
    walk(client, email="ana@vasadomena.si", program="thunderbird")
    html = client.get("/carovnik/rezultat/").text
    assert '<h2 id="program-steps-title">Koraki za Mozilla Thunderbird</h2>' in html
    assert (
        'Odprite <strong>Nov račun</strong> in vpišite <strong class="value">ana@vasadomena.si</strong>'
        in html
    )
    assert (
        'Strežnik <strong class="value">streznik.avant.si</strong>, vrata '
        '<strong class="value">993</strong>, varnost <strong class="value">SSL/TLS</strong>'
    ) in html
    pop3 = client.get("/carovnik/rezultat/?protocol=pop3").text
    assert 'vrata <strong class="value">995</strong>' in pop3


def test_staff_markup_in_steps_cannot_reach_the_page(client, programs):
    programs.program("risky", steps=("<script>alert(1)</script> [x](javascript:alert(1)) {email}",))
    walk(client, program="risky")
    html = client.get("/carovnik/rezultat/").text
    assert "<script>alert" not in html
    links = [attributes.get("href", "") for tag, attributes in elements(html) if tag == "a"]
    assert not [href for href in links if href.startswith("javascript:")]
    assert '<strong class="value">info@vasadomena.si</strong>' in html


def test_another_program_gets_generic_steps(client):
    walk(client, program="other", prefix="/en")
    page = text_of(client.get("/en/wizard/result/").text)
    assert "Steps for your mail program" in page
    assert "Incoming mail server: streznik.avant.si, port 993, security SSL/TLS." in page
    assert "User name for both servers: info@vasadomena.si." in page
    slovene = text_of(client.get("/carovnik/rezultat/").text)
    assert "Strežnik za dohodno pošto: streznik.avant.si, vrata 993, varnost SSL/TLS." in slovene


# -- Apple profile ------------------------------------------------------------------------------


def test_apple_programs_offer_a_profile_download_and_a_qr_code_without_the_address(client):
    walk(client, email="ana@vasadomena.si", program="mail-iphone")
    html = client.get("/carovnik/rezultat/").text
    assert 'action="/carovnik/profil/"' in html
    expected_url = "http://testserver/mobileconfig/?domain=vasadomena.si&protocol=imap"
    expected_qr = segno.make(expected_url, error="m")
    start = html.index("<svg")
    svg = html[start : html.index("</svg>", start)]
    path = re.search(r' d="([^"]+)"', svg).group(1)
    assert f'd="{path}"' in expected_qr.svg_inline(scale=4, border=2, omitsize=True)
    assert "style=" not in svg
    assert 'role="img"' in svg
    assert "<title>" in svg


def test_profile_download_is_a_post_built_from_the_session(client):
    walk(client, email="ana@vasadomena.si", program="mail-iphone")
    response = client.post("/carovnik/profil/", {"protocol": "pop3"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-apple-aspen-config"
    assert response["Content-Disposition"].startswith("attachment;")
    body = response.content.decode()
    assert "ana@vasadomena.si" in body
    assert "EmailTypePOP" in body
    assert client.get("/carovnik/profil/").status_code == 405


def test_profile_and_settings_card_agree(client):
    walk(client, email="ana@vasadomena.si", program="mail-iphone", usage=USAGE_ONE_DEVICE_HEAVY)
    card = text_of(client.get("/en/wizard/result/").text)
    assert "Incoming mail (POP3) streznik.avant.si 995 SSL/TLS" in card
    assert "Outgoing mail (SMTP) streznik.avant.si 465" in card
    profile = client.post("/en/wizard/profile/", {"protocol": "pop3"})
    (mail,) = plistlib.loads(profile.content)["PayloadContent"]
    assert mail["EmailAccountType"] == "EmailTypePOP"
    assert (mail["IncomingMailServerHostName"], mail["IncomingMailServerPortNumber"]) == (
        "streznik.avant.si",
        995,
    )
    assert (mail["OutgoingMailServerHostName"], mail["OutgoingMailServerPortNumber"]) == (
        "streznik.avant.si",
        465,
    )
    assert mail["IncomingMailServerUsername"] == "ana@vasadomena.si"


def test_profile_download_without_an_address_goes_to_the_first_step(client):
    response = client.post("/carovnik/profil/")
    assert response.status_code == 302
    assert response.headers["Location"] == "/carovnik/"


def test_unhosted_domain_is_not_offered_a_profile(client):
    walk(client, email="ana@neznana-domena.si", program="mail-iphone")
    html = client.get("/carovnik/rezultat/").text
    assert "profil/" not in html
    assert "<svg" not in html


# -- Markup rules -------------------------------------------------------------------------------


def test_wizard_pages_have_no_inline_script_style_or_handlers(client):
    pages = [response for _m, _u, response in walk(client, program="mail-iphone")]
    pages.append(client.post("/carovnik/", {"email": "nope"}))
    for response in pages:
        if response.status_code == 302:
            continue
        for tag, attributes in elements(response.text):
            assert "style" not in attributes, tag
            assert not any(name.startswith("on") for name in attributes), tag
            assert tag != "style"
            if tag == "script":
                assert attributes.get("src"), "inline <script>"


def test_step_image_added_by_staff_is_shown_with_its_description(client, hosted, programs):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from portal.mail.models import ProgramStep

    png = io.BytesIO()
    Image.new("RGB", (4, 3)).save(png, format="PNG")
    step = ProgramStep.objects.filter(program__slug="thunderbird").order_by("order").first()
    step.image = SimpleUploadedFile("okno.png", png.getvalue(), content_type="image/png")
    step.image_alt_sl = "Okno za nov račun v Thunderbirdu"
    step.save()
    walk(client)
    page = client.get("/carovnik/rezultat/").text
    assert f'src="{step.image.url}" alt="Okno za nov račun v Thunderbirdu"' in page
