"""Forms of the mail app's admin pages outside a model form: the package CSV import.

Step one uploads a file and shows the dry run (`PackageUploadForm`); step two sends the same
bytes back with the fingerprint of the dry run the person saw (`PackageApplyForm`).
"""

import base64
import binascii

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.mail.package_import import ImportFileError, ImportPlan
from portal.mail.package_services import plan_package_import

MAX_UPLOAD_BYTES = 1024 * 1024  # base64 in the "apply" form must stay under Django's 2.5 MB


class PackageUploadForm(forms.Form):
    """A CSV file; once valid, `plan` is its dry run and `content` the file for step two."""

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
        data = upload.read()
        try:
            self.plan: ImportPlan = plan_package_import(data)
        except ImportFileError as error:
            raise ValidationError(str(error), code="unreadable") from error
        self.content = base64.b64encode(data).decode("ascii")
        return upload


class PackageApplyForm(forms.Form):
    """The file of the dry run (base64) and the fingerprint of what the person saw."""

    content = forms.CharField(widget=forms.HiddenInput)
    fingerprint = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def clean_content(self) -> bytes:
        try:
            return base64.b64decode(self.cleaned_data["content"], validate=True)
        except (binascii.Error, ValueError) as error:
            raise ValidationError(
                _("The form was damaged on the way. Upload the file again."), code="damaged"
            ) from error
