"""Admin for articles and categories: preview, edit conflicts, history."""

from contextlib import suppress

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from portal.help.article_editing import article_preview, edit_conflict
from portal.help.forms import ArticleAdminForm
from portal.help.models import Article, Category
from portal.staff.history_admin import StaffHistoryAdmin


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
class ArticleAdmin(StaffHistoryAdmin):
    """Articles: preview before saving, refuse a save over someone else's newer version."""

    form = ArticleAdminForm
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

    def get_object(self, request, object_id, from_field=None):
        url_name = getattr(request.resolver_match, "url_name", None) or ""
        if request.method == "POST" and url_name.endswith("_change"):
            # Inside the admin's transaction: a second editor's save waits for the first to
            # commit, then sees its version, so two saves can never both pass the check.
            with suppress(ValueError, ValidationError):
                self.model.objects.select_for_update().filter(pk=object_id).exists()
        return super().get_object(request, object_id, from_field)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        context["version_field"] = form["version"]
        context["version_to_submit"] = form.version_to_submit
        if form.is_preview:
            context["preview"] = article_preview(form)
        if form.started_version is not None and obj is not None:
            context["edit_conflict"] = edit_conflict(obj.pk, form.started_version)
        return super().render_change_form(request, context, add, change, form_url, obj)
