"""The result page's pure builder: every case decided without the database or the test client."""

import pytest
from django.utils import translation

from portal.mail.endpoints import Endpoint
from portal.mail.location import ProviderFacts
from portal.wizard.answers import usage_from_answers
from portal.wizard.result import ProgramGuide, StepText, build_result
from tests.conftest import hand_built_settings
from tests.wizard.conftest import USAGE_ONE_DEVICE_HEAVY, USAGE_PHONE_AND_LAPTOP

pytestmark = pytest.mark.usefixtures("english")

ICLOUD = ProviderFacts(
    "icloud",
    "Apple iCloud Mail",
    ("icloud.com",),
    endpoints=(
        Endpoint("imap", "imap.mail.me.com", 993, "ssl"),
        Endpoint("smtp", "smtp.mail.me.com", 587, "starttls"),
    ),
    note="Needs an app-specific password.",
)
GOOGLE = ProviderFacts(
    "google",
    "Google (Gmail)",
    ("gmail.com",),
    endpoints=(
        Endpoint("imap", "imap.gmail.com", 993, "ssl"),
        Endpoint("pop3", "pop.gmail.com", 995, "ssl"),
        Endpoint("smtp", "smtp.gmail.com", 465, "ssl"),
    ),
)
GUIDE = ProgramGuide(
    "Mail",
    apple_profile=True,
    steps=(
        StepText("Add the account {email}."),
        StepText("Turn **Use SSL** on; port {incoming_port}.", variant="encrypted"),
        StepText("Turn **Use SSL** off; port {incoming_port}.", variant="plain"),
        StepText("Leave a copy on the server.", protocol="pop3"),
    ),
)


@pytest.fixture
def english():
    with translation.override("en"):
        yield


def texts(page):
    return [str(step.html).strip() for step in page.program_steps]


def test_ours_leads_with_encryption_and_shows_only_the_encrypted_steps():
    page = build_result(hand_built_settings(), usage_from_answers(USAGE_PHONE_AND_LAPTOP), GUIDE)
    assert page.protocol == "imap"
    assert page.apple_profile
    assert [v.recommended for v in page.variants] == [True, False]
    assert texts(page) == [
        '<p>Add the account <strong class="value">info@vasadomena.si</strong>.</p>',
        '<p>Turn <strong>Use SSL</strong> on; port <strong class="value">993</strong>.</p>',
    ]


def test_pop3_steps_appear_only_with_pop3():
    page = build_result(hand_built_settings(), usage_from_answers(USAGE_ONE_DEVICE_HEAVY), GUIDE)
    assert page.protocol == "pop3"
    assert "Leave a copy on the server." in " ".join(texts(page))
    assert "hosting package" in " ".join(page.recommendation.reasons)


def test_unknown_domain_gets_plain_steps_and_no_package_in_reasons_or_caveats():
    settings = hand_built_settings("ana@neznana.si", server=None)
    page = build_result(settings, usage_from_answers(USAGE_ONE_DEVICE_HEAVY), GUIDE, "imap")
    assert [v.recommended for v in page.variants] == [False]
    assert texts(page)[1] == (
        '<p>Turn <strong>Use SSL</strong> off; port <strong class="value">143</strong>.</p>'
    )
    assert not page.apple_profile
    words = " ".join((*page.recommendation.reasons, *page.caveats))
    assert "hosting package" not in words
    assert "your mailbox fills up sooner" in words


def test_unknown_domain_without_generic_guidance_shows_no_settings_at_all():
    settings = hand_built_settings("ana@neznana.si", server=None, generic_guidance=False)
    page = build_result(settings, usage_from_answers(USAGE_PHONE_AND_LAPTOP), GUIDE)
    assert page.variants == []
    assert page.program_steps == []


def test_a_provider_gets_its_own_encrypted_endpoints_and_never_a_plain_variant():
    settings = hand_built_settings("ana.novak@gmail.com", server=None, ports=(), provider=GOOGLE)
    page = build_result(settings, usage_from_answers(USAGE_ONE_DEVICE_HEAVY), GUIDE)
    assert [(v.title, v.recommended) for v in page.variants] == [("Encrypted connection", True)]
    (variant,) = page.variants
    assert (variant.incoming.endpoint.hostname, variant.incoming.endpoint.port) == (
        "pop.gmail.com",
        995,
    )
    assert (variant.outgoing.endpoint.hostname, variant.outgoing.endpoint.port) == (
        "smtp.gmail.com",
        465,
    )
    assert "mail.gmail.com" not in " ".join(texts(page))
    assert "hosting package" not in " ".join((*page.recommendation.reasons, *page.caveats))
    assert not page.apple_profile


def test_a_provider_without_pop3_shows_imap_and_says_why():
    settings = hand_built_settings("ana@icloud.com", server=None, ports=(), provider=ICLOUD)
    page = build_result(settings, usage_from_answers(USAGE_ONE_DEVICE_HEAVY), GUIDE, "pop3")
    assert page.recommendation.protocol == "pop3"
    assert page.protocol == "imap"
    assert page.other_protocol is None
    assert page.not_offered_text == (
        "Apple iCloud Mail does not offer POP3, so these are the IMAP settings."
    )


def test_generic_steps_follow_the_language_of_the_request():
    settings = hand_built_settings()
    usage = usage_from_answers(USAGE_PHONE_AND_LAPTOP)
    english = texts(build_result(settings, usage, None))
    with translation.override("sl"):
        slovene = texts(build_result(settings, usage, None))
    assert english != slovene
    assert "port" in english[2]
    assert "vrata" in slovene[2]
