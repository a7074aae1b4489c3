"""Form fields every staff form shares."""

from django import forms

from portal.markdown import normalise_source


class NormalisedTextField(forms.CharField):
    """Multi-line text as it is stored: plain newlines, no trailing spaces, no blank lines at
    the end (`normalise_source`). Text a person did not change is therefore never a change:
    `has_changed()` compares the normalised forms, so an untouched text area (which browsers
    send with CRLF line endings) neither saves nor adds a history version."""

    widget = forms.Textarea

    def to_python(self, value):
        return normalise_source(super().to_python(value))

    def has_changed(self, initial, data) -> bool:
        return normalise_source(initial) != self.to_python(data)


# For ModelAdmin.formfield_overrides and inlines: every TextField gets the field above.
NORMALISED_TEXT = {"form_class": NormalisedTextField}
