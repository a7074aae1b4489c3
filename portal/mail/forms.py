"""Forms of the mail app's admin pages outside a model form: the package CSV upload."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 1024 * 1024  # base64 in the "apply" form must stay under Django's 2.5 MB


class PackageImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file from billing"),
        help_text=_("Columns: domain, plan, quota_mb, server. UTF-8, with a header row."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(
                _("The file is too large (at most %(limit)d MB)."),
                code="too_large",
                params={"limit": MAX_UPLOAD_BYTES // (1024 * 1024)},
            )
        return upload
