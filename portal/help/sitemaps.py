"""sitemap.xml: every page in both languages, with hreflang alternates and x-default: the
help centre's pages, categories, articles and program guides.

An article not yet translated is listed only in Slovenian (its English page shows the
Slovenian text and names the Slovenian page as canonical).
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Q
from django.urls import reverse

from portal.help.models import Article, Category
from portal.mail.models import MailProgram


class _Bilingual(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def get_domain(self, site=None):
        """PORTAL_HOSTNAME when set, never a client-chosen Host header (docs/security.md)."""
        return settings.PORTAL_HOSTNAME or super().get_domain(site)


class PagesSitemap(_Bilingual):
    priority = 1.0
    changefreq = "weekly"

    def items(self):
        return ["help:home", "wizard:start", "help:programs"]

    def location(self, item):
        return reverse(item)


class CategorySitemap(_Bilingual):
    priority = 0.6

    def items(self):
        return Category.objects.only("slug").order_by("order", "slug")


class ArticleSitemap(_Bilingual):
    priority = 0.8

    def items(self):
        translated = ~Q(title_en="") & ~Q(body_en="")
        return (
            Article.objects.published()
            .only("slug", "updated", "title_en")
            .annotate(translated=translated)
            .order_by("pk")
        )

    def lastmod(self, article):
        return article.updated

    def get_languages_for_item(self, article):
        return self._languages() if article.translated else [settings.LANGUAGE_CODE]


class ProgramGuideSitemap(_Bilingual):
    """Every program's guide page (retired ones too: they say what to use instead)."""

    priority = 0.7

    def items(self):
        return MailProgram.objects.with_guide().only("slug").order_by("order", "slug")

    def location(self, program):
        return reverse("help:program_guide", args=[program.slug])


SITEMAPS = {
    "pages": PagesSitemap,
    "categories": CategorySitemap,
    "articles": ArticleSitemap,
    "programs": ProgramGuideSitemap,
}
