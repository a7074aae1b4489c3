"""The article form of the admin: a preview that never saves, and no lost edits."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.help.models import Article
from portal.markdown import normalise_source

PREVIEW_BUTTON = "_preview"


def version_token(article: Article) -> str:
    """Which saved version an editor started from: the article's `updated` stamp."""
    return article.updated.isoformat() if article.updated else ""


class ArticleAdminForm(forms.ModelForm):
    """The article form with a preview that never saves and protection against lost edits.

    `version` carries the version the editor opened. If the article was saved by someone else
    since, saving is refused: the typed text stays in the form, `started_version` tells the
    admin which version to compare with, and `version_to_submit` (what the page sends next
    time) is the current version, so that a second, deliberate save goes through.

    Macro checks are the model's (`Article.clean()`); they see the typed text because the
    form raises no error of its own on the body fields.
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
        self._current_version: str | None = None
        if self.instance.pk:
            # Also when bound: the version alone does not make an untouched form "changed".
            self.initial["version"] = version_token(self.instance)

    @property
    def is_preview(self) -> bool:
        return self.is_bound and PREVIEW_BUTTON in self.data

    @property
    def version_to_submit(self) -> str:
        """The version the page sends with the next save."""
        if self._current_version is not None:
            return self._current_version
        return self["version"].value() or ""

    def is_valid(self) -> bool:
        # A preview shows the errors like a save would, but never lets the admin save.
        valid = super().is_valid()
        return valid and not self.is_preview

    def clean_body_sl(self) -> str:
        return normalise_source(self.cleaned_data.get("body_sl"))

    def clean_body_en(self) -> str:
        return normalise_source(self.cleaned_data.get("body_en"))

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk and not self.is_preview:
            self._check_version(cleaned_data.get("version") or "")
        return cleaned_data

    def _check_version(self, started: str) -> None:
        current = version_token(self.instance)
        if started == current:
            return
        self.started_version, self._current_version = started, current
        raise ValidationError(
            _(
                "Someone else saved this article after you opened it, so your changes were "
                "not saved. Your text is still in the form below. Check what they changed, "
                "then save again to replace their version with yours."
            ),
            code="edit_conflict",
        )
