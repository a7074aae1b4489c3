"""The result page: the DNS records page for domains we host, and the layout per device."""

import pytest
import trustme
from django.utils import translation

from tests.html_checks import elements
from tests.wizard.conftest import walk
from tests.wizard.test_views import text_of

pytestmark = pytest.mark.usefixtures("hosted", "programs")


@pytest.fixture(autouse=True)
def language_restored():
    """A request to /en/ activates English in this thread: give later tests the language back."""
    with translation.override(translation.get_language()):
        yield


@pytest.mark.parametrize(
    ("prefix", "text"),
    [
        ("", "Ali skrbite za DNS domene vasadomena.si?"),
        ("/en", "Do you look after the DNS of vasadomena.si?"),
    ],
)
def test_result_for_a_hosted_domain_links_its_dns_records(client, prefix, text):
    result = walk(client, prefix=prefix)[-1][2]
    assert result.status_code == 200
    assert f'href="{prefix}/dns/?domain=vasadomena.si"' in result.text
    assert text in result.text


def test_result_for_a_domain_we_do_not_host_has_no_dns_link(client):
    result = walk(client, email="ana@neznana-domena.si")[-1][2]
    assert result.status_code == 200
    assert "/dns/?domain=" not in result.text


# -- The phone flow -------------------------------------------------------------------------------

IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_2 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/18.2 Mobile/15E148 Safari/604.1"
)
IPAD = IPHONE.replace("iPhone; CPU iPhone OS", "iPad; CPU OS")
ANDROID = (
    "Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)
DESKTOP = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)


def sections(html):
    """The class of every top-level block of the result page, in order."""
    return [
        attributes.get("class", "").split()[0]
        for tag, attributes in elements(html)
        if tag in {"section", "div", "p"}
        and attributes.get("class", "").split()[:1]
        and attributes["class"].split()[0]
        in {"recommendation", "apple-install", "settings-card", "apple-profile", "program-steps"}
    ]


def result_on(client, user_agent, program="mail-iphone", prefix=""):
    client.defaults["HTTP_USER_AGENT"] = user_agent
    return walk(client, program=program, prefix=prefix)[-1][2]


@pytest.mark.parametrize(
    ("prefix", "install"),
    [("", "Namesti v ta iPhone"), ("/en", "Install on this iPhone")],
)
def test_on_an_iphone_the_install_action_comes_right_after_the_recommendation(
    client, prefix, install
):
    response = result_on(client, IPHONE, prefix=prefix)
    assert response.status_code == 200
    order = sections(response.text)
    assert order[:3] == ["recommendation", "apple-install", "settings-card"]
    assert "apple-profile" not in order
    assert install in response.text
    assert "qr-code" not in response.text
    assert "User-Agent" in response["Vary"]


def test_on_an_ipad_the_action_names_the_ipad(client):
    assert "Install on this iPad" in result_on(client, IPAD, prefix="/en").text


@pytest.mark.parametrize(
    ("prefix", "texts"),
    [
        ("", ["Profil prenesen", "v 8 minutah", "Ni preverjeno", "Zaščita ukradene naprave"]),
        (
            "/en",
            ["Profile Downloaded", "within 8 minutes", "Not Verified", "Stolen Device Protection"],
        ),
    ],
)
def test_the_install_steps_say_what_ios_shows_for_an_unsigned_profile(client, prefix, texts):
    text = text_of(result_on(client, IPHONE, prefix=prefix).text)
    for expected in texts:
        assert expected in text
    assert "Verified, signed by" not in text


def test_with_a_signing_certificate_the_steps_name_the_signer(client, settings, tmp_path):
    leaf = trustme.CA().issue_cert("profiles.example.si", organization_name="NEOSERV d.o.o.")
    settings.APPLE_PROFILE_SIGNING_CERT = str(tmp_path / "cert.pem")
    settings.APPLE_PROFILE_SIGNING_KEY = str(tmp_path / "key.pem")
    leaf.cert_chain_pems[0].write_to_path(settings.APPLE_PROFILE_SIGNING_CERT)
    leaf.private_key_pem.write_to_path(settings.APPLE_PROFILE_SIGNING_KEY)
    text = text_of(result_on(client, IPHONE, prefix="/en").text)
    assert "iOS shows the profile as Verified, signed by NEOSERV d.o.o." in text
    assert "Not Verified" not in text


def test_on_a_computer_the_qr_code_says_what_to_do_and_follows_the_card(client):
    response = result_on(client, DESKTOP, prefix="/en")
    assert sections(response.text) == [
        "recommendation",
        "settings-card",
        "apple-profile",
        "program-steps",
    ]
    assert "qr-code" in response.text
    assert "Open the Camera on the iPhone or iPad, point it at this code" in response.text
    assert "Profile Downloaded" in response.text


def test_android_shows_its_programs_steps_first(client):
    response = result_on(client, ANDROID, program="gmail-android", prefix="/en")
    assert sections(response.text) == ["recommendation", "program-steps", "settings-card"]
    assert "qr-code" not in response.text


def test_an_iphone_with_another_program_gets_the_usual_page(client):
    response = result_on(client, IPHONE, program="thunderbird", prefix="/en")
    assert sections(response.text) == ["recommendation", "settings-card", "program-steps"]
