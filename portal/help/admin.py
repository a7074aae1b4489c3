from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from portal.help.models import Article, Category


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name_sl", "name_en", "slug", "order", "article_count"]
    list_editable = ["order"]
    search_fields = ["name_sl", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_sl"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description=_("articles"), ordering="article_count")
    def article_count(self, category: Category) -> int:
        return category.article_count


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = ["title_sl", "title_en", "category", "published", "updated"]
    list_filter = ["published", "category"]
    list_select_related = ["category"]
    search_fields = ["title_sl", "title_en", "summary_sl", "summary_en", "slug"]
    prepopulated_fields = {"slug": ["title_sl"]}
    filter_horizontal = ["related"]
    date_hierarchy = "updated"
    fieldsets = [
        (None, {"fields": ["category", "slug", "order", "published", "related"]}),
        (_("Slovenian"), {"fields": ["title_sl", "summary_sl", "body_sl"]}),
        (_("English"), {"fields": ["title_en", "summary_en", "body_en"]}),
    ]
