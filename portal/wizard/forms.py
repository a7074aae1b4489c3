"""One form per wizard step, rendered with crispy-forms (bootstrap5 pack)."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from portal.mail.addresses import InvalidAddress, parse_email
from portal.wizard.answers import NO, YES
from portal.wizard.programs import ProgramGroup
from portal.wizard.recommendation import Devices, Storage, Volume

CHOOSE_ONE = _("Please choose one of the options.")


def _helper(*fields) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False  # the templates own <form>, its CSRF token, buttons and Back link
    helper.disable_csrf = True
    if fields:
        helper.layout = Layout(*fields)
    return helper


class EmailForm(forms.Form):
    email = forms.CharField(
        label=_("Your email address"),
        max_length=1000,
        help_text=_("The whole address, for example info@vasadomena.si."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "email",
                "inputmode": "email",
                "autocapitalize": "none",
                "spellcheck": "false",
            }
        ),
        error_messages={"required": _("Enter your email address.")},
    )
    # The program a guide page chose, carried on to step 2 (see views.chosen_program).
    program = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()

    def clean_email(self) -> str:
        try:
            address = parse_email(self.cleaned_data["email"])
        except InvalidAddress as error:
            raise forms.ValidationError(
                _(
                    "This is not a valid email address. Enter the whole address, "
                    "for example info@vasadomena.si."
                ),
                code="invalid",
            ) from error
        self.cleaned_data["address"] = address
        return address.display


DEFAULT_ICON = "generic"


class ProgramRadioSelect(forms.RadioSelect):
    """Radio buttons that also know each program's icon (for the template).

    Each icon is defined once per page, as an SVG `<symbol>` (`icon_symbols`, the templates of
    the icons in use), and every option refers to it with `<use>`: the page grows by a short
    reference per program, not by a whole drawing.
    """

    def __init__(self, *args, icons=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.icons = icons or {}

    @property
    def icon_symbols(self) -> list[str]:
        names = {*self.icons.values(), DEFAULT_ICON}
        return [f"icons/{name}.svg" for name in sorted(names)]

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        option["icon"] = f"program-icon-{self.icons.get(value, DEFAULT_ICON)}"
        return option


class ProgramForm(forms.Form):
    program = forms.ChoiceField(
        label=_("Which mail program do you want to set up?"),
        error_messages={"required": CHOOSE_ONE, "invalid_choice": CHOOSE_ONE},
    )

    def __init__(self, *args, groups: list[ProgramGroup], **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["program"]
        field.choices = [
            (group.label, [(choice.slug, choice.name) for choice in group.choices])
            for group in groups
        ]
        field.widget = ProgramRadioSelect(
            choices=field.choices,
            icons={c.slug: c.icon for group in groups for c in group.choices},
        )
        self.helper = _helper(Field("program", template="wizard/_program_field.html"))


def _radio(label, choices):
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_ONE, "invalid_choice": CHOOSE_ONE},
    )


class UsageForm(forms.Form):
    devices = _radio(_("On how many devices do you read this mailbox?"), Devices.choices)
    shared = _radio(
        _("Does more than one person use this mailbox?"),
        [(NO, _("No, only I do")), (YES, _("Yes, several people use it"))],
    )
    storage = _radio(_("Should your mail stay on the server?"), Storage.choices)
    forwarded = _radio(
        _("Is this mailbox forwarded to other addresses?"),
        [(NO, _("No")), (YES, _("Yes, it is forwarded"))],
    )
    volume = _radio(_("Roughly how much mail do you receive?"), Volume.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()
