"""Which programs a search names: the pure matcher, without the database."""

import pytest

from portal.mail.program_names import ProgramNames, fold, match_strength, programs_named

# Shaped like the demo: three Outlooks (classic first in staff order), Thunderbird, the
# iPhone's Mail, the Gmail app and the retired Windows Mail.
PROGRAMS = [
    ProgramNames(
        "outlook-windows",
        ("Klasični Outlook za Windows", "Classic Outlook for Windows", "outlook", "outlook 365"),
    ),
    ProgramNames(
        "outlook-new",
        (
            "Novi Outlook za Windows",
            "New Outlook for Windows",
            "outlook",
            "new outlook",
            "novi outlook",
        ),
    ),
    ProgramNames("outlook-mac", ("Outlook za Mac", "Outlook for Mac", "outlook", "outlook mac")),
    ProgramNames("thunderbird", ("Mozilla Thunderbird", "", "thunderbird", "tunderbird")),
    ProgramNames("mail-iphone", ("Mail (iPhone, iPad)", "", "iphone", "ajfon", "ipad")),
    ProgramNames("gmail-android", ("Gmail (Android)", "", "gmail", "gmail aplikacija")),
    ProgramNames("windows-mail", ("Pošta (Windows Mail)", "Windows Mail", "windows mail")),
]


def test_fold_forgives_case_diacritics_and_punctuation():
    assert fold("  Pošta (Windows Mail)! ") == "posta windows mail"
    assert fold("KLASIČNI Outlook") == "klasicni outlook"
    assert fold("") == ""


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("kako nastavim outlook", "outlook-windows"),
        ("Kako nastavim OUTLOOK?", "outlook-windows"),
        ("nastavitve za iphone", "mail-iphone"),
        ("ajfon", "mail-iphone"),
        ("AJFON ne prejema pošte", "mail-iphone"),
        ("gmail aplikacija", "gmail-android"),
        ("Gmail aplikacija ne pošilja", "gmail-android"),
        ("tunderbird", "thunderbird"),
        ("pošta v outlooku", "outlook-windows"),  # a Slovenian ending
        ("na iphonu ne dela", "mail-iphone"),  # iphone → iphon-u
        ("novi outlook", "outlook-new"),  # more precise than "outlook"
        ("new outlook for windows", "outlook-new"),  # the English name
        ("outlook mac", "outlook-mac"),
        ("posta windows mail", "windows-mail"),  # without č/š/ž
        ("how do I set up outlook", "outlook-windows"),
    ],
)
def test_a_query_naming_a_program_puts_it_first(query, first):
    assert programs_named(query, PROGRAMS)[0] == first


def test_a_bare_outlook_names_every_outlook_in_staff_order():
    assert programs_named("outlook", PROGRAMS) == ["outlook-windows", "outlook-new", "outlook-mac"]


def test_a_precise_name_comes_before_the_shorter_ones_it_contains():
    assert programs_named("novi outlook", PROGRAMS) == [
        "outlook-new",
        "outlook-windows",
        "outlook-mac",
    ]


@pytest.mark.parametrize(
    "query",
    ["relay denied", "outlookovanje", "mail", "pošta ne dela", "outlo ok", "gmai", ""],
)
def test_queries_that_name_no_program(query):
    assert programs_named(query, PROGRAMS) == []


def test_strength_counts_words_then_letters():
    program = PROGRAMS[1]
    assert match_strength("kako nastavim novi outlook", program) == (2, 12)
    assert match_strength("outlook", program) == (1, 7)
    assert match_strength("thunderbird", program) == (0, 0)


def test_an_empty_name_never_matches():
    assert programs_named("karkoli", [ProgramNames("x", ("", "  ", "!!"))]) == []
