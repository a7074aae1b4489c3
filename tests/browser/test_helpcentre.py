"""The help centre in a real Chromium: search, "was this helpful?", with and without JS."""

import pytest
from playwright.sync_api import expect

from portal.help.models import ArticleFeedback, SearchMiss
from tests.browser.axe import assert_no_wcag_violations


def test_customer_pastes_an_error_message_and_says_the_article_did_not_help(
    chromium, live_server, demo
):
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    search = page.get_by_role("search", name="Iskanje po spletnem mestu")
    search.get_by_label("Iskanje po centru pomoči").fill("554 5.7.1 Relay access denied")
    search.get_by_role("button", name="Išči").click()
    assert "/iskanje/?q=554" in page.url
    first = page.locator(".search-result").first
    expect(first.locator("mark").first).to_be_visible()
    first.get_by_role("link").click()
    assert page.url.endswith("/clanek/relay-denied/")

    feedback = page.locator("#feedback")
    feedback.get_by_role("button", name="Ne").click()
    assert page.url.endswith("/clanek/relay-denied/?feedback#feedback")
    expect(feedback.get_by_text("Žal nam je, da vam članek ni pomagal.")).to_be_visible()
    expect(feedback.get_by_role("link", name="Odprite čarovnika za nastavitev")).to_be_visible()
    expect(feedback.get_by_role("link", name="podpora@example.si")).to_be_visible()
    assert feedback.get_by_role("button").count() == 0
    page.reload()
    expect(feedback.get_by_text("Ta članek ste že ocenili. Hvala!")).to_be_visible()
    context.close()
    assert ArticleFeedback.objects.get(article__slug="relay-denied").not_helpful == 1


def test_typo_english_fallback_and_no_results_in_the_browser(page, demo):
    page.goto("/iskanje/?q=tunderbird")
    assert page.locator(".search-note strong").inner_text() == "thunderbird"
    assert_no_wcag_violations(page)
    page.goto("/iskanje/?q=Require+sign-in")  # Gmail's English wording, only in English text
    expect(page.get_by_text("Rezultati v angleščini.")).to_be_visible()
    assert page.locator("ol.search-results").get_attribute("lang") == "en"
    page.goto("/iskanje/")
    form = page.get_by_role("search", name="Iskanje po člankih")
    form.get_by_label("Iskanje po centru pomoči").fill("kvantni štedilnik")
    form.get_by_role("button", name="Išči").click()
    assert page.get_by_role(
        "heading", name="Noben članek se ne ujema z iskanjem »kvantni štedilnik«"
    ).is_visible()
    assert page.get_by_role(
        "link", name="Naj jih namesto vas poišče čarovnik za nastavitev."
    ).is_visible()
    assert_no_wcag_violations(page)
    assert SearchMiss.objects.get().query == "kvantni stedilnik"


@pytest.mark.parametrize("path", ["/clanek/certifikat-ne-ustreza/", "/en/search/?q=imap"])
def test_article_and_search_pages_pass_axe(page, demo, path):
    page.goto(path)
    assert_no_wcag_violations(page)
    page.goto("/en/article/kaj-je-imap/")
    page.get_by_role("button", name="Yes").click()
    expect(page.get_by_text("Thank you for your feedback!")).to_be_visible()
    assert_no_wcag_violations(page)


PASTED_THUNDERBIRD_MESSAGE = (
    "Add Security Exception: You are about to override how Thunderbird identifies this site. "
    "The certificate for mail.vasadomena.si is not valid for that server. Someone could be "
    "trying to impersonate the server and you should not continue."
)


def test_a_pasted_message_in_the_one_search_box_and_the_other_language(page, demo):
    page.goto("/iskanje/")
    assert page.get_by_role("search").count() == 1
    assert page.get_by_role("searchbox").count() == 1
    form = page.get_by_role("search", name="Iskanje po člankih")
    form.get_by_label("Iskanje po centru pomoči").fill(PASTED_THUNDERBIRD_MESSAGE)
    form.get_by_role("button", name="Išči").click()
    expect(page.locator("#search-shortened")).to_contain_text(
        "Iskanje je bilo dolgo, zato smo ga skrajšali na najpomembnejše besede"
    )
    first = page.locator(".search-result").first.get_by_role("link")
    assert first.get_attribute("href") == "/clanek/certifikat-ne-ustreza/"
    assert page.get_by_role("searchbox").input_value() == PASTED_THUNDERBIRD_MESSAGE
    assert_no_wcag_violations(page)

    page.goto("/en/search/?q=geslo")
    expect(page.get_by_text("Results in Slovenian.")).to_be_visible()
    assert page.locator("ol.search-results").get_attribute("lang") == "sl"
    assert page.get_by_role("searchbox").count() == 1
    assert_no_wcag_violations(page)
