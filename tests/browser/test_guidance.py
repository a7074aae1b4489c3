"""Right guidance for every address, in Chromium and in both languages: the wizard walked for a
domain in the table, one ours only by MX, gmail.com, a Google Workspace and a Microsoft 365
domain found by MX, a domain without MX and an IDN domain. DNS answers come from the server the
tests run on loopback (tests/conftest.py, DEMO_DNS); nothing asks the internet."""

import re

import pytest

from portal.wizard.recommendation import Devices, Storage, Volume
from tests.browser.axe import assert_no_wcag_violations
from tests.browser.test_wizard import answer_email, answer_program, answer_usage, label

PROVIDER_DOMAINS = ("gmail.com", "google.com", "outlook.com", "office365.com")


def walk(page, language, email, program="Mozilla Thunderbird"):
    answer_email(page, language, email)
    answer_program(page, language, program)
    answer_usage(page, language, Devices.ONE, False, Storage.NO_PREFERENCE, False, Volume.A_LOT)
    return re.sub(r"\s+", " ", page.locator("main").inner_text())


def assert_never_wrong(text, domain, quota_known):
    """No mail.<provider domain>, no plain login for a provider, no invented quota."""
    for provider_domain in PROVIDER_DOMAINS:
        assert f"mail.{provider_domain}" not in text
    if not quota_known:
        assert not re.search(r"\d+(,\d+)? GB", text), "a quota for a domain not in the table"


CASES = [
    # (address, what the page must say in sl / en, incoming line, quota known)
    (
        "ana@vasadomena.si",
        ("Koraki za Mozilla Thunderbird", "Steps for Mozilla Thunderbird"),
        "streznik.avant.si 995",
        True,
    ),
    (
        "ana@mx-stranka.si",
        (
            "Domeno mx-stranka.si smo našli po njenih zapisih DNS",
            "We found mx-stranka.si by its DNS records",
        ),
        "streznik.avant.si 995",
        False,
    ),
    (
        "ana.novak@gmail.com",
        ("Vaša pošta je pri Googlu (Gmail)", "Your mail is with Google (Gmail)"),
        "pop.gmail.com 995",
        False,
    ),
    (
        "ana@podjetje-google.si",
        ("Vaša pošta je pri Googlu (Gmail)", "Your mail is with Google (Gmail)"),
        "pop.gmail.com 995",
        False,
    ),
    (
        "ana@firma365.si",
        ("Vaša pošta je pri Microsoftu (Microsoft 365)", "Your mail is with Microsoft 365"),
        "outlook.office365.com 995",
        False,
    ),
    (
        "ana@brez-mx.si",
        (
            "Nismo našli, kje je pošta domene brez-mx.si.",
            "We could not find where the mail of brez-mx.si is.",
        ),
        "mail.brez-mx.si 110",
        False,
    ),
    (
        "info@čebelica.si",
        (
            "zapisan tako, kot ga za prijavo pričakuje vaš strežnik",
            "written the way your server expects it",
        ),
        "streznik2.avant.si 995",
        True,
    ),
]


@pytest.mark.parametrize("language", ["sl", "en"])
@pytest.mark.parametrize(
    ("email", "says", "incoming", "quota_known"), CASES, ids=[c[0] for c in CASES]
)
def test_the_wizard_gives_the_right_guidance(
    page, demo, language, email, says, incoming, quota_known
):
    text = walk(page, language, email)
    assert says[language == "en"] in text
    codes = page.locator(".settings-card .settings-table code").all_inner_texts()
    host, port = incoming.split()
    assert [host, port] == codes[:2], "the first line of the card is the incoming server"
    domain = email.split("@")[1]
    assert_never_wrong(text, domain, quota_known)
    if email.endswith(("gmail.com", "google.si", "firma365.si")):
        card = page.locator(".settings-card").inner_text()
        assert label(language, "No encryption") not in card
        assert not re.search(r"\b(143|110|25|26)\b", card), "a plain login for a provider"
        assert f"mail.{domain}" not in text
        note = page.locator(".location--provider")
        assert note.get_by_role("link").count() == 1
    if domain == "čebelica.si":
        assert "info@čebelica.si" in text  # as typed, wherever a person reads it
        assert "info@xn--ebelica-i6a.si" in page.locator(".settings-card").inner_text()


@pytest.mark.parametrize("language", ["sl", "en"])
def test_provider_and_unknown_pages_pass_axe(page, demo, language):
    walk(page, language, "ana.novak@gmail.com")
    assert_no_wcag_violations(page)
    walk(page, language, "ana@brez-mx.si", program=label(language, "Another program"))
    assert_no_wcag_violations(page)
