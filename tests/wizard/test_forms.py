"""The step forms as bound forms, without the client."""

from django.utils import translation

from portal.wizard.forms import EmailForm, ProgramForm, UsageForm
from portal.wizard.programs import ProgramChoice, ProgramGroup, preselected_program, program_groups


class FakeProgram:
    def __init__(self, slug, platform, hint=""):
        self.slug, self.display_name, self.platform = slug, slug.title(), platform
        self.icon = "generic"
        self.user_agent_hint = hint


PROGRAMS = [
    FakeProgram("thunderbird", "any"),
    FakeProgram("gmail", "android", "android"),
    FakeProgram("outlook", "windows", "windows"),
    FakeProgram("samsung", "android"),
]


def test_email_form_keeps_the_normalised_address():
    form = EmailForm(data={"email": "  info@ČEBELICA.si "})
    assert form.is_valid()
    assert form.cleaned_data["email"] == "info@čebelica.si"
    assert form.cleaned_data["address"].domain == "xn--ebelica-i6a.si"


def test_email_form_explains_what_is_wrong_in_both_languages():
    for language, message in [("sl", "To ni veljaven"), ("en", "This is not a valid")]:
        with translation.override(language):
            form = EmailForm(data={"email": "info@"})
            assert not form.is_valid()
            assert form.errors["email"][0].startswith(message)
    with translation.override("en"):
        assert EmailForm(data={"email": "   "}).errors["email"] == ["Enter your email address."]


def test_programs_are_grouped_by_platform_in_a_fixed_order_with_another_program_last():
    with translation.override("en"):
        groups = program_groups(PROGRAMS)
    assert [(g.label, [c.slug for c in g.choices]) for g in groups] == [
        ("Windows", ["outlook"]),
        ("Android", ["gmail", "samsung"]),
        ("Several platforms", ["thunderbird"]),
        ("Something else", ["other"]),
    ]


def test_program_form_accepts_only_offered_programs():
    groups = [ProgramGroup("Any", (ProgramChoice("thunderbird", "Thunderbird", "thunderbird"),))]
    assert ProgramForm(data={"program": "thunderbird"}, groups=groups).is_valid()
    with translation.override("en"):
        form = ProgramForm(data={"program": "outlook"}, groups=groups)
        assert form.errors["program"] == ["Please choose one of the options."]


def test_preselection_follows_the_staff_chosen_hint():
    assert preselected_program(PROGRAMS, "android") == "gmail"
    assert preselected_program(PROGRAMS, "iphone") is None
    assert preselected_program(PROGRAMS, "") is None


def test_usage_form_needs_every_answer():
    form = UsageForm(data={"devices": "one", "shared": "maybe"})
    assert not form.is_valid()
    assert set(form.errors) == {"shared", "storage", "forwarded", "volume"}
