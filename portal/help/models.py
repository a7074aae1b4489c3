"""Help centre content: categories and bilingual Markdown articles."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.help.markup_checks import macro_errors
from portal.help.search.query import MAX_PHRASE_WORDS, query_words
from portal.localized import LocalizedMixin
from portal.markdown import normalise_source, render_markdown


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
            problems = macro_errors(getattr(self, field))
            if problems:
                errors[field] = problems
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs) -> None:
        """Renders both languages; redirects and the search index follow in receivers
        (`portal.help.receivers`), inside the same transaction as the row. Text is stored
        normalised (`normalise_source`), so saving unchanged text never records a change."""
        for field in ("title_sl", "title_en", "summary_sl", "summary_en"):
            setattr(self, field, (getattr(self, field) or "").strip())
        self.body_sl, self.body_en = normalise_source(self.body_sl), normalise_source(self.body_en)
        self.body_html_sl = render_markdown(self.body_sl)
        self.body_html_en = render_markdown(self.body_en)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "body_html_sl", "body_html_en"}
        with transaction.atomic(using=kwargs.get("using")):
            super().save(*args, **kwargs)


class ArticleFeedback(models.Model):
    """How many readers found an article helpful: aggregate counts only, nobody's identity."""

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, related_name="feedback", verbose_name=_("article")
    )
    helpful = models.PositiveIntegerField(_("helpful"), default=0)
    not_helpful = models.PositiveIntegerField(_("not helpful"), default=0)

    class Meta:
        verbose_name = _("article feedback")
        verbose_name_plural = _("article feedback")

    def __str__(self) -> str:
        return str(self.article)

    @property
    def total(self) -> int:
        return self.helpful + self.not_helpful

    @property
    def ratio(self) -> float | None:
        """The share of "yes" votes (0.0 to 1.0), or None before the first vote."""
        return self.helpful / self.total if self.total else None


class SearchMiss(models.Model):
    """A search that found nothing: the normalised query text, the page language, how often,
    and when last. Bounded: see `portal.help.search.service.record_miss`."""

    query = models.CharField(_("search"), max_length=200)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    count = models.PositiveIntegerField(_("times searched"), default=1)
    last_seen = models.DateTimeField(_("last searched"), default=timezone.now)

    class Meta:
        ordering = ["-count", "-last_seen"]
        constraints = [
            models.UniqueConstraint(fields=["query", "language"], name="help_searchmiss_unique")
        ]
        indexes = [models.Index(fields=["count", "last_seen"], name="help_searchmiss_worth")]
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")

    def __str__(self) -> str:
        return self.query


class SearchSynonym(models.Model):
    """Staff teach search a customer's words: a phrase finds more words, or one article."""

    phrase = models.CharField(
        _("when a search contains"),
        max_length=120,
        unique=True,
        help_text=_(
            "One to four words, e.g. “geslo ne dela” or “predalu”. Case and accents do not matter."
        ),
    )
    expansion = models.CharField(
        _("also search for"),
        max_length=300,
        blank=True,
        help_text=_("Alternatives separated by commas, e.g. “predal, predala, poštni predal”."),
    )
    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="search_synonyms",
        verbose_name=_("show this article first"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["phrase"]
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")

    def __str__(self) -> str:
        return self.phrase

    def clean(self) -> None:
        phrase = query_words(self.phrase)
        if not phrase:
            raise ValidationError({"phrase": _("Enter at least one word.")})
        if len(phrase) > MAX_PHRASE_WORDS:
            raise ValidationError({"phrase": _("Use at most four words.")})
        if not self.article_id and not self.expansion.strip():
            raise ValidationError(_("Give the words to search for, an article, or both."))

    def save(self, *args, **kwargs) -> None:
        # Stored the way searches are compared: folded words separated by single spaces.
        self.phrase = " ".join(query_words(self.phrase))
        super().save(*args, **kwargs)


class ArticleSlugRedirect(models.Model):
    """An article's former slug; its old address answers with a permanent redirect."""

    old_slug = models.SlugField(_("former slug"), max_length=120, unique=True)
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="slug_redirects", verbose_name=_("article")
    )
    created = models.DateTimeField(_("renamed"), auto_now_add=True)

    class Meta:
        ordering = ["old_slug"]
        verbose_name = _("former article address")
        verbose_name_plural = _("former article addresses")

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.article.slug}"


class SearchTerm(models.Model):
    """The words that appear in articles, per language: where "did you mean" looks."""

    language = models.CharField(max_length=8)
    word = models.CharField(max_length=40)  # folded: what matching compares
    spelling = models.CharField(max_length=60, blank=True, default="")  # as articles write it
    length = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["language", "word"], name="help_searchterm_unique")
        ]
        indexes = [models.Index(fields=["language", "length"], name="help_searchterm_length")]

    def __str__(self) -> str:
        return self.word


class SupportContact(LocalizedMixin, models.Model):
    """How customers reach support: shown in the footer, after a "no" vote and on dead ends.

    One row (staff edit it in the admin; `save()` always writes row 1). Each field has a
    Slovenian and an English value; an empty English value falls back to the Slovenian one, and
    an empty value is simply not shown.
    """

    SINGLE_ROW = 1

    email_sl = models.EmailField(
        _("email (Slovenian pages)"),
        blank=True,
        help_text=_("The demo's podpora@example.si is a placeholder: enter your own address."),
    )
    email_en = models.EmailField(
        _("email (English pages)"), blank=True, help_text=_("Empty: the Slovenian one.")
    )
    phone_sl = models.CharField(
        _("phone (Slovenian pages)"),
        max_length=40,
        blank=True,
        help_text=_(
            "As customers dial it, e.g. +386 1 234 56 78. The demo's +386 1 600 00 00 is a "
            "placeholder."
        ),
    )
    phone_en = models.CharField(
        _("phone (English pages)"),
        max_length=40,
        blank=True,
        help_text=_("Empty: the Slovenian one."),
    )
    hours_sl = models.CharField(
        _("hours (Slovenian)"),
        max_length=200,
        blank=True,
        help_text=_("When support answers, e.g. »ob delavnikih od 8. do 16. ure«."),
    )
    hours_en = models.CharField(
        _("hours (English)"),
        max_length=200,
        blank=True,
        help_text=_("E.g. “on working days from 8:00 to 16:00”. Empty: the Slovenian one."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("support contact")
        verbose_name_plural = _("support contact")

    def __str__(self) -> str:
        return str(_("support contact"))

    def save(self, *args, **kwargs) -> None:
        self.pk = self.SINGLE_ROW
        for field in ("email", "phone", "hours"):
            for language in ("sl", "en"):
                name = f"{field}_{language}"
                setattr(self, name, (getattr(self, name) or "").strip())
        super().save(*args, **kwargs)
