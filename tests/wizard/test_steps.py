"""Steps as data, and the answers kept in the session: plain values, no database."""

import pytest
from django.utils import translation

from portal.wizard import steps
from portal.wizard.answers import SESSION_KEY, WizardAnswers, usage_from_answers
from portal.wizard.recommendation import Usage

VALID_USAGE = {
    "devices": "few",
    "shared": "no",
    "storage": "keep",
    "forwarded": "yes",
    "volume": "little",
}


@pytest.mark.parametrize(
    ("step", "answered", "missing"),
    [
        (steps.EMAIL, set(), None),
        (steps.PROGRAM, set(), steps.EMAIL),
        (steps.PROGRAM, {"email"}, None),
        (steps.USAGE, {"email"}, steps.PROGRAM),
        (steps.USAGE, {"program"}, steps.EMAIL),
        (steps.RESULT, {"email", "program"}, steps.USAGE),
        (steps.RESULT, {"email", "usage"}, steps.PROGRAM),
        (steps.RESULT, {"email", "program", "usage"}, None),
    ],
)
def test_first_missing_step(step, answered, missing):
    assert steps.first_missing_step(step, answered) == missing


def test_progress_counts_steps_and_links_only_back():
    with translation.override("sl"):  # whatever language an earlier test left active
        progress = steps.progress(steps.USAGE)
    assert (progress.number, progress.total) == (3, 4)
    assert [item.current for item in progress.items] == [False, False, True, False]
    assert [item.url for item in progress.items] == ["/carovnik/", "/carovnik/program/", None, None]


def test_each_step_leads_to_the_next_and_back():
    assert steps.next_step(steps.EMAIL) == steps.PROGRAM
    assert steps.next_step(steps.USAGE) == steps.RESULT
    assert steps.previous_step(steps.EMAIL) is None
    assert steps.previous_step(steps.RESULT) == steps.USAGE


def test_usage_answers_become_a_usage_value():
    assert usage_from_answers(VALID_USAGE) == Usage("few", False, "keep", True, "little")


@pytest.mark.parametrize(
    "data",
    [
        None,
        "few",
        {},
        VALID_USAGE | {"devices": "seven"},
        VALID_USAGE | {"shared": True},
        {key: value for key, value in VALID_USAGE.items() if key != "volume"},
    ],
)
def test_broken_usage_answers_count_as_missing(data):
    assert usage_from_answers(data) is None


def test_answers_are_read_checked_and_written_back_to_the_session():
    session = {SESSION_KEY: {"email": "  Ana@VasaDomena.si ", "program": ""}}
    answers = WizardAnswers(session)
    assert answers.address.address == "Ana@vasadomena.si"
    assert answers.answered == {"email"}
    answers.save("program", "thunderbird")
    answers.save("usage", VALID_USAGE)
    assert session[SESSION_KEY]["program"] == "thunderbird"
    assert WizardAnswers(session).answered == {"email", "program", "usage"}


@pytest.mark.parametrize("stored", [None, "junk", ["a"], {"email": "not an address"}])
def test_a_stale_or_foreign_session_value_means_nothing_is_answered(stored):
    assert WizardAnswers({SESSION_KEY: stored}).answered == set()
