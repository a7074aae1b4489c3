"""The setup wizard in Chromium, in both languages: the customer's whole walk, start to finish."""

import re
from pathlib import Path

import pytest
from django.utils import translation
from playwright.sync_api import expect

from portal.wizard.recommendation import Devices, Storage, Volume
from tests.browser.axe import assert_no_wcag_violations
from tests.browser.conftest import block_other_sites
from tests.wizard.conftest import text_in_every_row

START = {"sl": "/carovnik/", "en": "/en/wizard/"}
LOCAL_PART = "skrita.stranka.5521"


@pytest.fixture
def requested(page):
    """Every URL the browser asks for, navigations and sub-resources alike."""
    urls = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


def label(language, text):
    with translation.override(language):
        return str(translation.gettext(text))


def choice(language, text):
    with translation.override(language):
        return str(text)


def answer_email(page, language, email):
    page.goto(START[language])
    page.get_by_label(label(language, "Your email address")).fill(email)
    page.get_by_role("button", name=label(language, "Continue")).click()


def answer_program(page, language, name):
    page.get_by_role("radio", name=name).check()
    page.get_by_role("button", name=label(language, "Continue")).click()


def answer_usage(page, language, devices, shared, storage, forwarded, volume):
    yes, no = (label(language, "Yes, several people use it"), label(language, "No, only I do"))
    forwarded_yes, forwarded_no = label(language, "Yes, it is forwarded"), label(language, "No")
    page.get_by_role("radio", name=choice(language, devices.label), exact=True).check()
    page.get_by_role("radio", name=yes if shared else no, exact=True).check()
    page.get_by_role("radio", name=choice(language, storage.label), exact=True).check()
    page.get_by_role("radio", name=forwarded_yes if forwarded else forwarded_no, exact=True).check()
    page.get_by_role("radio", name=choice(language, volume.label), exact=True).check()
    page.get_by_role("button", name=label(language, "Continue")).click()


def assert_private(page, requested):
    """The address was in no URL the browser saw, and in no database row."""
    assert requested, "no requests recorded"
    assert [url for url in requested if LOCAL_PART in url or "%40" in url] == []
    assert LOCAL_PART not in page.url
    assert LOCAL_PART not in text_in_every_row()


def card_text(page):
    return re.sub(r"\s+", " ", page.locator(".settings-card").inner_text())


@pytest.mark.parametrize("language", ["sl", "en"])
def test_one_device_and_heavy_use_gets_pop3(page, demo, requested, language):
    answer_email(page, language, f"{LOCAL_PART}@vasadomena.si")
    assert page.url.endswith("/program/")
    answer_program(page, language, "Mozilla Thunderbird")
    answer_usage(page, language, Devices.ONE, False, Storage.NO_PREFERENCE, False, Volume.A_LOT)
    heading = label(language, "We recommend %(protocol)s") % {"protocol": "POP3"}
    expect(page.get_by_role("heading", level=2, name=heading)).to_be_visible()
    reasons = page.locator(".recommendation__reasons").inner_text()
    assert label(language, "You read this mailbox on one device only.") in reasons
    assert "streznik.avant.si" in card_text(page)
    assert "995" in card_text(page)
    steps = page.locator(".program-steps__list").inner_text()
    assert "POP3" in steps
    assert "995" in steps
    assert f"{LOCAL_PART}@vasadomena.si" in steps
    assert_private(page, requested)


@pytest.mark.parametrize("language", ["sl", "en"])
def test_phone_and_laptop_get_imap(page, demo, requested, language):
    answer_email(page, language, f"{LOCAL_PART}@čebelica.si")
    answer_program(page, language, "Gmail (Android)")
    answer_usage(page, language, Devices.FEW, False, Storage.NO_PREFERENCE, False, Volume.MEDIUM)
    heading = label(language, "We recommend %(protocol)s") % {"protocol": "IMAP"}
    expect(page.get_by_role("heading", level=2, name=heading)).to_be_visible()
    card = card_text(page)
    assert "streznik2.avant.si" in card
    assert "993" in card
    # The customer may look at the other protocol too; the link carries nothing personal.
    page.get_by_role(
        "link",
        name=label(language, "Show the %(protocol)s settings instead") % {"protocol": "POP3"},
    ).click()
    assert page.url.endswith("?protocol=pop3")
    assert "995" in card_text(page)
    assert_private(page, requested)


@pytest.mark.parametrize("language", ["sl", "en"])
def test_shared_office_mailbox_gets_imap_with_the_quota_caveat(page, demo, requested, language):
    answer_email(page, language, f"{LOCAL_PART}@pisarna-novak.si")
    outlook = {"sl": "Klasični Outlook za Windows", "en": "Classic Outlook for Windows"}
    answer_program(page, language, outlook[language])
    answer_usage(page, language, Devices.ONE, True, Storage.NO_PREFERENCE, False, Volume.MEDIUM)
    heading = label(language, "We recommend %(protocol)s") % {"protocol": "IMAP"}
    expect(page.get_by_role("heading", level=2, name=heading)).to_be_visible()
    caveats = page.locator(".recommendation__caveats").inner_text()
    assert "(50 GB)" in caveats
    assert "IMAP" in caveats
    assert_private(page, requested)


@pytest.mark.parametrize("language", ["sl", "en"])
def test_unknown_domain_gets_the_generic_guidance(page, demo, requested, language):
    answer_email(page, language, f"{LOCAL_PART}@neznana-domena.si")
    notice = page.locator(".location--unknown")
    assert "neznana-domena.si" in notice.inner_text()
    assert "cPanel" in notice.inner_text()
    answer_program(page, language, label(language, "Another program"))
    answer_usage(page, language, Devices.FEW, False, Storage.KEEP, False, Volume.LITTLE)
    card = card_text(page)
    assert "mail.neznana-domena.si" in card
    assert "143" in card
    assert "26" in card
    assert "streznik" not in card
    assert page.get_by_role(
        "heading", name=label(language, "Steps for your mail program")
    ).is_visible()
    assert_private(page, requested)


@pytest.mark.parametrize("language", ["sl", "en"])
def test_invalid_address_shows_an_error_and_keeps_what_was_typed(page, demo, requested, language):
    typed = f"{LOCAL_PART}@@vasadomena"
    answer_email(page, language, typed)
    field = page.get_by_label(label(language, "Your email address"))
    assert field.input_value() == typed
    assert field.get_attribute("aria-invalid") == "true"
    message = label(
        language,
        "This is not a valid email address. Enter the whole address, for example "
        "info@vasadomena.si.",
    )
    expect(page.get_by_text(message)).to_be_visible()
    field.fill(f"{LOCAL_PART}@vasadomena.si")
    page.get_by_role("button", name=label(language, "Continue")).click()
    assert page.url.endswith("/program/")
    assert_private(page, requested)


def test_back_keeps_the_answers_and_the_wizard_works_without_javascript(
    chromium, live_server, demo
):
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    answer_email(page, "sl", f"{LOCAL_PART}@vasadomena.si")
    answer_program(page, "sl", "Samsung Email")
    answer_usage(page, "sl", Devices.MANY, True, Storage.KEEP, True, Volume.A_LOT)
    expect(page.get_by_text("Korak 4 od 4")).to_be_visible()
    page.get_by_role("link", name="Nazaj").click()
    assert page.get_by_role("radio", name=choice("sl", Devices.MANY.label)).is_checked()
    page.get_by_role("link", name="Nazaj").click()
    assert page.get_by_role("radio", name="Samsung Email").is_checked()
    page.get_by_role("link", name="Nazaj").click()
    assert page.get_by_label("Vaš e-poštni naslov").input_value() == f"{LOCAL_PART}@vasadomena.si"
    assert page.locator(".copy-button").count() == 0  # no script, no copy buttons: still usable
    context.close()


IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_2 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/18.2 Mobile/15E148 Safari/604.1"
)
IPHONE_INSTALL = {"sl": "Namesti v ta iPhone", "en": "Install on this iPhone"}
MAIL_ON_IOS = "Mail (iPhone, iPad)"


@pytest.mark.parametrize("language", ["sl", "en"])
def test_on_an_iphone_the_install_action_leads_and_there_is_no_qr_code(
    chromium, live_server, demo, language
):
    context = chromium.new_context(
        base_url=live_server.url,
        user_agent=IPHONE,
        viewport={"width": 390, "height": 844},
        device_scale_factor=3,
        is_mobile=True,
        has_touch=True,
        accept_downloads=True,
    )
    foreign = block_other_sites(context, live_server.url)
    page = context.new_page()
    answer_email(page, language, f"{LOCAL_PART}@vasadomena.si")
    assert page.get_by_role("radio", name=MAIL_ON_IOS).is_checked()
    page.get_by_role("button", name=label(language, "Continue")).click()
    answer_usage(page, language, Devices.FEW, False, Storage.NO_PREFERENCE, False, Volume.MEDIUM)

    # The block right after the recommendation is the install action, and its button is the
    # first control in it.
    after_recommendation = page.locator("section.recommendation + *")
    assert after_recommendation.get_attribute("class") == "apple-install"
    install = page.get_by_role("button", name=IPHONE_INSTALL[language])
    expect(install).to_be_visible()
    assert (
        after_recommendation.locator("button").first.text_content().strip()
        == (IPHONE_INSTALL[language])
    )
    # Visible on the phone's first screens: above the settings card.
    card_top = page.locator(".settings-card").first.bounding_box()["y"]
    assert install.bounding_box()["y"] < card_top
    assert page.locator("svg.qr-code").count() == 0
    assert page.locator(".apple-install__steps li").count() == 5

    with page.expect_download() as download:
        install.click()
    assert download.value.suggested_filename == "vasadomena.si.mobileconfig"
    assert LOCAL_PART in Path(download.value.path()).read_text(encoding="utf-8")
    context.close()
    assert foreign == []


def test_on_a_computer_the_profile_comes_with_a_qr_code_to_scan(page, demo):
    answer_email(page, "en", f"{LOCAL_PART}@vasadomena.si")
    answer_program(page, "en", MAIL_ON_IOS)
    answer_usage(page, "en", Devices.FEW, False, Storage.NO_PREFERENCE, False, Volume.MEDIUM)
    expect(page.locator("svg.qr-code")).to_be_visible()
    assert (
        "Open the Camera on the iPhone or iPad" in page.locator(".apple-profile__qr").text_content()
    )
    expect(page.get_by_role("button", name="Download profile")).to_be_visible()


def test_settings_card_prints_on_one_page(page, demo):
    answer_email(page, "sl", f"{LOCAL_PART}@vasadomena.si")
    answer_program(page, "sl", "Mozilla Thunderbird")
    answer_usage(page, "sl", Devices.FEW, True, Storage.KEEP, False, Volume.A_LOT)
    page.set_viewport_size({"width": 718, "height": 1000})  # A4 less 1.5 cm margins, at 96 dpi
    page.emulate_media(media="print")
    card = page.locator(".settings-card")
    expect(card).to_be_visible()
    assert card.bounding_box()["height"] < 1000
    expect(page.locator(".wizard-progress")).not_to_be_visible()
    expect(page.locator(".site-header")).not_to_be_visible()
    assert (
        not page.locator(".apple-profile").count()
        or not page.locator(".apple-profile").is_visible()
    )
    assert page.locator(".copy-button").first.is_hidden()


@pytest.mark.parametrize(
    ("language", "domain"), [("sl", "vasadomena.si"), ("en", "neznana-domena.si")]
)
def test_every_wizard_page_passes_axe(page, demo, language, domain):
    answer_email(page, language, "@@")
    assert_no_wcag_violations(page)  # with the error shown
    answer_email(page, language, f"{LOCAL_PART}@{domain}")
    assert_no_wcag_violations(page)
    answer_program(page, language, "Mail (iPhone, iPad)")
    assert_no_wcag_violations(page)
    page.get_by_role("button", name=label(language, "Continue")).click()
    assert_no_wcag_violations(page)  # usage (the browser itself asks for unanswered questions)
    answer_usage(page, language, Devices.FEW, True, Storage.KEEP, False, Volume.MEDIUM)
    assert_no_wcag_violations(page)
