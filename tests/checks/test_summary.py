"""What customers and staff are told, from plain values (no database)."""

import datetime

import pytest
from django.utils import translation

from portal.checks.summary import EndpointState, attention_reasons, long_date, server_check

NOW = datetime.datetime(2026, 12, 1, 12, 0, tzinfo=datetime.UTC)
FRESH = datetime.timedelta(hours=1)
EXPIRY = datetime.datetime(2027, 3, 12, 10, 0, tzinfo=datetime.UTC)


def state(security="ssl", minutes_ago=4, problem="", not_after=EXPIRY, names_host=True):
    return EndpointState(
        security, NOW - datetime.timedelta(minutes=minutes_ago), problem, not_after, names_host
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "sl",
            "Preverjeno pred 4 minutami: strežnik odgovarja, njegovo potrdilo velja do 12. marca 2027.",
        ),
        (
            "en",
            "Checked 4 minutes ago: the server answers, its certificate is valid until 12 March 2027.",
        ),
    ],
)
def test_a_good_check_in_both_languages(language, expected):
    # Plain endpoints are not what the customer types: their timeout does not count.
    check = server_check([state(), state("starttls"), state("none", 4, "timeout")], NOW, FRESH)
    with translation.override(language):
        assert check.sentence(NOW) == expected


@pytest.mark.parametrize(
    ("minutes", "sl"),
    [
        (0, "Preverjeno pravkar"),
        (1, "Preverjeno pred 1 minuto"),
        (2, "Preverjeno pred 2 minutama"),
        (3, "Preverjeno pred 3 minutami"),
        (14, "Preverjeno pred 14 minutami"),
    ],
)
def test_slovenian_minutes_take_the_right_form(minutes, sl):
    check = server_check([state(minutes_ago=minutes)], NOW, FRESH)
    with translation.override("sl"):
        assert check.sentence(NOW).startswith(sl + ":")


def test_a_failing_encrypted_endpoint_gives_a_plain_warning():
    check = server_check([state(), state("ssl", 4, "certificate-expired")], NOW, FRESH)
    assert not check.answers
    with translation.override("sl"):
        text = check.sentence(NOW)
    assert "podpora" in text
    assert "potrdilo velja" not in text


def test_nothing_is_said_without_a_recent_check():
    assert server_check([], NOW, FRESH) is None
    assert server_check([state("none")], NOW, FRESH) is None  # plain endpoints are not shown
    assert server_check([state(minutes_ago=61)], NOW, FRESH) is None


def test_every_month_reads_naturally_in_slovenian():
    with translation.override("sl"):
        months = [long_date(datetime.date(2027, m, 1)) for m in range(1, 13)]
    assert months[0] == "1. januarja 2027"
    assert months[7] == "1. avgusta 2027"
    assert all(". " in m and m.split()[1].endswith("a") for m in months)


@pytest.mark.parametrize(
    ("kwargs", "reasons"),
    [
        ({}, []),
        (
            {"not_after": NOW + datetime.timedelta(days=10, hours=1)},
            ["Certificate expires in 10 days"],
        ),
        ({"not_after": NOW + datetime.timedelta(days=30)}, []),
        ({"problem": "timeout", "not_after": None}, ["No answer in time"]),
        (
            {"names_host": False, "problem": "certificate-wrong-name"},
            ["Certificate does not name the server"],
        ),
    ],
)
def test_what_staff_are_told(kwargs, reasons):
    with translation.override("en"):
        assert attention_reasons(state(**kwargs), NOW, 21) == reasons
