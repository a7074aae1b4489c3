"""Admin for the help centre's search and feedback data (articles and categories: articles.py).

- Article feedback: the share of "yes" votes per article, worst first.
- Searches without results: what customers looked for and did not find, most frequent first.
- Search synonyms: staff teach search their customers' words.
- Former article addresses: old slugs that redirect to an article after a rename.
"""

from django.contrib import admin
from django.db.models import Case, F, FloatField, Value, When
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from portal.help.models import ArticleFeedback, ArticleSlugRedirect, SearchMiss, SearchSynonym

VOTES = F("helpful") + F("not_helpful")
# Articles nobody has voted on yet count as fine (1.0), so they sort after rated ones.
HELPFUL_RATIO = Case(
    When(helpful=0, not_helpful=0, then=Value(1.0)),
    default=Cast("helpful", FloatField()) / Cast(VOTES, FloatField()),
    output_field=FloatField(),
)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Aggregates written by the site itself: staff read them and may delete rows."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ArticleFeedback)
class ArticleFeedbackAdmin(ReadOnlyAdmin):
    list_display = ["article", "helpful_share", "helpful", "not_helpful", "votes"]
    list_select_related = ["article"]
    search_fields = ["article__title_sl", "article__title_en", "article__slug"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(total_votes=VOTES)

    def get_ordering(self, request):
        # Worst first: the lowest share of "yes", then the most "no" votes.
        return [HELPFUL_RATIO.asc(), "-not_helpful", "article__slug"]

    @admin.display(description=_("found it helpful"), ordering=HELPFUL_RATIO)
    def helpful_share(self, feedback: ArticleFeedback) -> str:
        return "—" if feedback.ratio is None else f"{feedback.ratio:.0%}"

    @admin.display(description=_("votes"), ordering="total_votes")
    def votes(self, feedback: ArticleFeedback) -> int:
        return feedback.total


@admin.register(SearchMiss)
class SearchMissAdmin(ReadOnlyAdmin):
    list_display = ["query", "language", "count", "last_seen"]
    list_filter = ["language"]
    search_fields = ["query"]
    date_hierarchy = "last_seen"


@admin.register(SearchSynonym)
class SearchSynonymAdmin(SimpleHistoryAdmin):
    list_display = ["phrase", "expansion", "article"]
    list_select_related = ["article"]
    search_fields = ["phrase", "expansion", "article__title_sl"]
    autocomplete_fields = ["article"]


@admin.register(ArticleSlugRedirect)
class ArticleSlugRedirectAdmin(ReadOnlyAdmin):
    list_display = ["old_slug", "article", "created"]
    list_select_related = ["article"]
    search_fields = ["old_slug", "article__slug", "article__title_sl"]
