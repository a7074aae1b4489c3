"""portal.js and portal.css in Chromium, with JavaScript off and on, in both languages.

Without JavaScript the print button (which only calls window.print()) must not show: it would
do nothing. With JavaScript the print button shows, and the copy buttons carry the label the
template translated; the script itself holds no words.
"""

import pytest
from playwright.sync_api import expect

from portal.wizard.recommendation import Devices, Storage, Volume
from tests.browser.conftest import block_other_sites
from tests.browser.test_wizard import LOCAL_PART, answer_email, answer_program, answer_usage, label

LABELS = {"sl": ("Kopiraj", "Kopirano"), "en": ("Copy", "Copied")}


def open_result_page(chromium, live_server, language, **options):
    """A new tab that walked the wizard to its result page; (context, page)."""
    context = chromium.new_context(base_url=live_server.url, **options)
    foreign = block_other_sites(context, live_server.url)
    page = context.new_page()
    answer_email(page, language, f"{LOCAL_PART}@vasadomena.si")
    answer_program(page, language, "Mozilla Thunderbird")
    answer_usage(page, language, Devices.FEW, False, Storage.NO_PREFERENCE, False, Volume.MEDIUM)
    page.wait_for_load_state("load")
    expect(page.locator(".settings-card")).to_be_visible()
    assert foreign == []
    return context, page


@pytest.mark.parametrize("language", ["sl", "en"])
def test_without_javascript_the_print_button_stays_hidden(chromium, live_server, demo, language):
    context, page = open_result_page(chromium, live_server, language, java_script_enabled=False)
    print_button = page.locator("[data-print]")
    assert print_button.count() == 1  # in the markup, with its hidden attribute
    assert print_button.get_attribute("hidden") is not None
    assert print_button.is_hidden()
    assert print_button.evaluate("button => getComputedStyle(button).display") == "none"
    assert page.locator(".copy-button").count() == 0  # no script, no copy buttons
    context.close()


@pytest.mark.parametrize("language", ["sl", "en"])
def test_with_javascript_print_and_copy_buttons_show_in_the_pages_language(
    chromium, live_server, demo, language
):
    copy, copied = LABELS[language]
    context, page = open_result_page(
        chromium, live_server, language, permissions=["clipboard-read", "clipboard-write"]
    )
    expect(page.get_by_role("button", name=label(language, "Print the settings"))).to_be_visible()

    buttons = page.locator(".copy-button")
    assert buttons.count() >= 4  # address, username, and server and port of each connection
    assert set(buttons.all_inner_texts()) == {copy}
    server_button = page.get_by_role("button", name=f"{copy}: streznik.avant.si").first
    expect(server_button).to_be_visible()
    server_button.click()
    expect(server_button).to_have_text(copied)
    assert page.evaluate("navigator.clipboard.readText()") == "streznik.avant.si"
    context.close()
