"""The article form of the admin: preview, edit conflicts, macro checks."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.help.markup import unknown_macros
from portal.help.markup_checks import malformed_macro_lines
from portal.help.models import Article

PREVIEW_BUTTON = "_preview"


def version_token(article: Article) -> str:
    """Which saved version an editor started from: the article's `updated` stamp."""
    return article.updated.isoformat() if article.updated else ""


class ArticleAdminForm(forms.ModelForm):
    """The article form with a preview that never saves and protection against lost edits.

    `version` carries the version the editor opened. If the article was saved by someone else
    since, saving is refused: the typed text stays in the form, `started_version` tells the
    admin which version to compare with, and the field is moved to the current version so
    that a second, deliberate save goes through.
    """

    version = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        fields = [
            "category", "slug", "order", "published", "related",
            "title_sl", "summary_sl", "body_sl", "title_en", "summary_en", "body_en",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.started_version: str | None = None
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = version_token(self.instance)

    @property
    def is_preview(self) -> bool:
        return self.is_bound and PREVIEW_BUTTON in self.data

    def is_valid(self) -> bool:
        # A preview shows the errors like a save would, but never lets the admin save.
        valid = super().is_valid()
        return valid and not self.is_preview

    @staticmethod
    def _unix_newlines(text: str) -> str:
        # Browsers send textarea text with CRLF; stored Markdown (and the macro checks, which
        # look for a whole line) use plain newlines.
        return (text or "").replace("\r\n", "\n").replace("\r", "\n")

    def clean_body_sl(self) -> str:
        return self._unix_newlines(self.cleaned_data.get("body_sl"))

    def clean_body_en(self) -> str:
        return self._unix_newlines(self.cleaned_data.get("body_en"))

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk and not self.is_preview:
            self._check_version(cleaned_data.get("version") or "")
        return cleaned_data

    def _post_clean(self):
        # After the model's own checks (Article.clean reports unknown macros), so that both
        # look at the typed text: a field error added earlier would hide it from the model.
        super()._post_clean()
        for name in ("body_sl", "body_en"):
            text = self._unix_newlines(self[name].value())
            reported = {line for line, _name in unknown_macros(text)}
            for line in malformed_macro_lines(text):
                if line not in reported:
                    self.add_error(
                        name,
                        ValidationError(
                            _(
                                "Line %(line)d: a macro must stand alone on its line, written "
                                "like [[ports-table]] or [[servers]]."
                            ),
                            code="malformed_macro",
                            params={"line": line},
                        ),
                    )

    def _check_version(self, started: str) -> None:
        current = version_token(self.instance)
        if started == current:
            return
        self.started_version = started
        data = self.data.copy()
        data["version"] = current
        self.data = data
        raise ValidationError(
            _(
                "Someone else saved this article after you opened it, so your changes were "
                "not saved. Your text is still in the form below. Check what they changed, "
                "then save again to replace their version with yours."
            ),
            code="edit_conflict",
        )
