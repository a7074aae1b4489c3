"""From a search to a program's guide to the wizard with that program chosen, in Chromium."""

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_no_wcag_violations
from tests.browser.conftest import block_other_sites

WALKS = {
    "sl": {
        "home": "/",
        "query": "kako nastavim outlook",
        "guide": "Nastavitev e-pošte v programu Klasični Outlook za Windows",
        "guide_path": "/programi/outlook-windows/",
        "button": "Nastavi za moj naslov",
        "address": "Vaš e-poštni naslov",
        "continue": "Nadaljuj",
        "program": "Klasični Outlook za Windows",
    },
    "en": {
        "home": "/en/",
        "query": "how do I set up outlook",
        "guide": "Set up email in Classic Outlook for Windows",
        "guide_path": "/en/programs/outlook-windows/",
        "button": "Set it up for my address",
        "address": "Your email address",
        "continue": "Continue",
        "program": "Classic Outlook for Windows",
    },
}


def walk_from_search_to_the_wizard(page, words, scan=True):
    """Home → search → the guide → the wizard; `scan`: axe on the guide and the program step
    (axe runs in the page, so not with JavaScript off)."""
    page.goto(words["home"])
    search = page.get_by_role("searchbox").first
    search.fill(words["query"])
    search.press("Enter")
    guide_link = page.locator(".guide-hit").get_by_role("link", name=words["guide"])
    expect(guide_link).to_be_visible()
    guide_link.click()
    expect(page.get_by_role("heading", level=1, name=words["guide"])).to_be_visible()
    assert page.url.endswith(words["guide_path"])
    if scan:
        assert_no_wcag_violations(page)
    page.get_by_role("link", name=words["button"]).first.click()
    expect(page.get_by_text(words["program"])).to_be_visible()
    page.get_by_label(words["address"]).fill("info@vasadomena.si")
    page.get_by_role("button", name=words["continue"]).click()
    expect(page.get_by_role("radio", name=words["program"])).to_be_checked()
    if scan:
        assert_no_wcag_violations(page)
    page.get_by_role("button", name=words["continue"]).click()
    assert "/program/" not in page.url  # the choice was taken: on to the usage step


@pytest.mark.parametrize("language", ["sl", "en"])
def test_search_for_outlook_leads_to_its_guide_and_the_wizard_with_outlook(page, demo, language):
    walk_from_search_to_the_wizard(page, WALKS[language])


def test_the_same_walk_works_without_javascript(chromium, live_server, demo):
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    foreign = block_other_sites(context, live_server.url)
    page = context.new_page()
    walk_from_search_to_the_wizard(page, WALKS["sl"], scan=False)
    context.close()
    assert foreign == []


@pytest.mark.parametrize("path", ["/programi/", "/en/programs/", "/programi/windows-mail/"])
def test_guide_list_and_retired_page_pass_axe(page, demo, path):
    page.goto(path)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_no_wcag_violations(page)
