"""Help centre content: categories and bilingual Markdown articles."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.help.markup import render_markdown, unknown_macros
from portal.localized import LocalizedMixin


class Category(LocalizedMixin, models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name_sl = models.CharField(_("name (Slovenian)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    description_sl = models.CharField(_("description (Slovenian)"), max_length=300, blank=True)
    description_en = models.CharField(_("description (English)"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return self.name_sl

    @property
    def name(self) -> str:
        return self.localized("name")

    @property
    def description(self) -> str:
        return self.localized("description")

    def get_absolute_url(self) -> str:
        return reverse("help:category", kwargs={"slug": self.slug})


class ArticleQuerySet(models.QuerySet):
    def published(self) -> "ArticleQuerySet":
        return self.filter(published=True)


class Article(LocalizedMixin, models.Model):
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="articles", verbose_name=_("category")
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title_sl = models.CharField(_("title (Slovenian)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    summary_sl = models.CharField(_("summary (Slovenian)"), max_length=300, blank=True)
    summary_en = models.CharField(_("summary (English)"), max_length=300, blank=True)
    body_sl = models.TextField(
        _("text (Slovenian)"),
        help_text=_("Markdown. Live data: a line with only [[ports-table]] or [[servers]]."),
    )
    body_en = models.TextField(_("text (English)"), blank=True)
    body_html_sl = models.TextField(editable=False, default="")
    body_html_en = models.TextField(editable=False, default="")
    published = models.BooleanField(_("published"), default=False)
    order = models.PositiveSmallIntegerField(_("order in category"), default=0)
    related = models.ManyToManyField(
        "self", blank=True, symmetrical=False, verbose_name=_("related articles")
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["body_html_sl", "body_html_en"])

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["category__order", "order", "title_sl"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def __str__(self) -> str:
        return self.title_sl

    @property
    def title(self) -> str:
        return self.localized("title")

    @property
    def summary(self) -> str:
        return self.localized("summary")

    @property
    def body_html(self) -> str:
        return self.localized("body_html")

    @property
    def has_english(self) -> bool:
        return bool(self.title_en and self.body_en)

    def get_absolute_url(self) -> str:
        return reverse("help:article", kwargs={"slug": self.slug})

    def clean(self) -> None:
        errors = {}
        for field in ("body_sl", "body_en"):
            problems = unknown_macros(getattr(self, field))
            if problems:
                errors[field] = [
                    _("Line %(line)d: unknown macro [[%(name)s]].") % {"line": line, "name": name}
                    for line, name in problems
                ]
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs) -> None:
        self.body_html_sl = render_markdown(self.body_sl)
        self.body_html_en = render_markdown(self.body_en)
        if "update_fields" in kwargs and kwargs["update_fields"] is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "body_html_sl", "body_html_en"}
        super().save(*args, **kwargs)
