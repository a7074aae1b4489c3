"""What the article form shows besides the fields: the preview and an edit conflict."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.dateparse import parse_datetime
from django.utils.safestring import SafeString, mark_safe

from portal.help.macros import render_article_body
from portal.help.models import Article
from portal.markdown import render_markdown
from portal.staff import history
from portal.staff.diff import FieldChange


@dataclass(frozen=True)
class PreviewVersion:
    language: str
    language_name: str
    title: str
    summary: str
    body: SafeString


def article_preview(form) -> list[PreviewVersion]:
    """Both languages as readers would see them, rendered from the unsaved form text.

    The body goes through the same path as the article page: Markdown → allow-list sanitiser
    → macros expanded from our own templates. Nothing is saved.
    """
    versions = []
    for language, language_name in settings.LANGUAGES:
        body = render_article_body(render_markdown(form[f"body_{language}"].value() or ""))
        versions.append(
            PreviewVersion(
                language=language,
                language_name=str(language_name),
                title=form[f"title_{language}"].value() or "",
                summary=form[f"summary_{language}"].value() or "",
                body=mark_safe(body),  # noqa: S308 - sanitised by render_markdown, macros are ours
            )
        )
    return versions


@dataclass(frozen=True)
class EditConflict:
    changes: list[FieldChange]
    started_found: bool
    saved_by: str
    saved_at: str


def edit_conflict(article_pk: int, started_version: str) -> EditConflict:
    """What others saved between the version the editor started from and the current one."""
    current = Article.objects.get(pk=article_pk)
    started_at = parse_datetime(started_version) if started_version else None
    started = (
        Article.history.filter(id=article_pk, updated=started_at).order_by("-history_id").first()
        if started_at
        else None
    )
    latest = Article.history.filter(id=article_pk).select_related("history_user").first()
    return EditConflict(
        changes=history.compare_versions(Article, started, current) if started else [],
        started_found=started is not None,
        saved_by=latest.history_user.get_username() if latest and latest.history_user else "",
        saved_at=history.version_label(latest) if latest else "",
    )
