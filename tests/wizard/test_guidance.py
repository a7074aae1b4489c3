"""What the customer sees for each place a mailbox can live (issue "Right guidance for every
address"): ours in the table, ours only by MX, a provider by domain or by MX, unknown, IDN."""

import pytest

from tests.wizard.conftest import USAGE_ONE_DEVICE_HEAVY, walk
from tests.wizard.test_views import text_of

pytestmark = pytest.mark.usefixtures("mx_servers", "providers", "programs")


def result_text(client, email, usage=USAGE_ONE_DEVICE_HEAVY, prefix="/en"):
    walk(client, email=email, usage=usage, prefix=prefix)
    url = "/en/wizard/result/" if prefix else "/carovnik/rezultat/"
    return text_of(client.get(url).text)


def assert_no_plain_login_and_no_package(page, provider_domain):
    assert f"mail.{provider_domain}" not in page
    for plain in (" 143 ", " 110 ", " 26 ", " 25 ", "No encryption", "Without encryption"):
        assert plain not in page
    assert "hosting package" not in page
    assert "GB" not in page


def test_a_domain_ours_only_by_mx_gets_our_server_and_says_how_we_found_it(client):
    page = result_text(client, "ana@mx-stranka.si")
    assert (
        "We found mx-stranka.si by its DNS records: its mail is on our server streznik.avant.si."
        in page
    )
    assert "we cannot tell its disk quota" in page
    assert "Incoming mail (POP3) streznik.avant.si 995 SSL/TLS" in page
    assert "GB" not in page  # no quota invented


def test_gmail_gets_googles_settings_note_and_help_link(client):
    walk(client, email="ana.novak@gmail.com", usage=USAGE_ONE_DEVICE_HEAVY, prefix="/en")
    html = client.get("/en/wizard/result/").text
    page = text_of(html)
    assert "Your mail is with Google (Gmail)" in page
    assert "Incoming mail (POP3) pop.gmail.com 995 SSL/TLS" in page
    assert "Outgoing mail (SMTP) smtp.gmail.com 465 SSL/TLS" in page
    assert "You need an app password." in page
    assert 'href="https://support.google.com/mail/answer/7126229"' in html
    assert "the password of your account at Google (Gmail)" in page
    assert 'Strežnik <strong class="value">pop.gmail.com</strong>' in html  # steps, filled
    assert_no_plain_login_and_no_package(page, "gmail.com")


@pytest.mark.parametrize(
    ("email", "provider", "smtp"),
    [
        ("ana@podjetje-google.si", "Google (Gmail)", "smtp.gmail.com 465 SSL/TLS"),
        ("ana@firma365.si", "Microsoft 365", "smtp.office365.com 587 STARTTLS"),
    ],
)
def test_a_company_domain_at_a_provider_is_found_by_its_mx(client, email, provider, smtp):
    page = result_text(client, email)
    assert f"Your mail is with {provider}" in page
    assert f"Outgoing mail (SMTP) {smtp}" in page
    assert_no_plain_login_and_no_package(page, email.split("@")[1])


def test_a_provider_without_pop3_shows_imap_and_no_switch(client):
    page = result_text(client, "ana@icloud.com")
    assert "Apple iCloud Mail does not offer POP3, so these are the IMAP settings." in page
    assert "Incoming mail (IMAP) imap.mail.me.com 993 SSL/TLS" in page
    assert "Show the POP3 settings" not in page


def test_a_domain_without_mx_is_told_plainly_how_to_find_out(client):
    page = result_text(client, "ana@brez-mx.si")
    assert "We could not find where the mail of brez-mx.si is." in page
    assert "Moj NEOSERV" in page
    assert "cPanel" in page
    assert "General settings for your domain" in page
    assert "mail.brez-mx.si" in page
    assert "hosting package's disk quota" not in page


def test_without_the_generic_guidance_setting_no_guessed_server_is_shown(client, settings):
    settings.PORTAL_GENERIC_GUIDANCE = False
    page = result_text(client, "ana@brez-mx.si")
    assert "We could not find where the mail of brez-mx.si is." in page
    assert "mail.brez-mx.si" not in page
    assert "Incoming mail" not in page


def test_when_dns_does_not_answer_the_customer_is_told_to_try_again(client, dns_zone):
    dns_zone.fail("nedosegljiva.si")
    page = result_text(client, "ana@nedosegljiva.si")
    assert "did not answer in time" in page


@pytest.mark.parametrize(
    ("prefix", "why"),
    [
        ("/en", "written the way your server expects it for logging in"),
        ("", "zapisan tako, kot ga za prijavo pričakuje vaš strežnik"),
    ],
)
def test_an_idn_address_is_shown_as_typed_and_the_ascii_login_is_explained(client, prefix, why):
    walk(client, email="info@čebelica.si", prefix=prefix)
    html = client.get(f"{prefix}/wizard/result/" if prefix else "/carovnik/rezultat/").text
    page = text_of(html)
    assert "<code data-copy>info@čebelica.si</code>" in html  # the address, as typed
    assert "<code data-copy>info@xn--ebelica-i6a.si</code>" in html  # the login this server needs
    assert why in page
    assert '<strong class="value">info@čebelica.si</strong>' in html  # steps: the address
    assert 'vpišite <strong class="value">info@xn--ebelica-i6a.si</strong>' not in html
