from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe

from portal.help.macros import render_article_body
from portal.help.markup import table_of_contents
from portal.help.models import Article, Category


def _published_articles():
    return Article.objects.published().only(
        "slug", "category_id", "order", "title_sl", "title_en", "summary_sl", "summary_en"
    )


def home(request):
    categories = Category.objects.prefetch_related(
        Prefetch("articles", queryset=_published_articles(), to_attr="published_articles")
    )
    return render(request, "help/home.html", {"categories": categories})


def category(request, slug):
    category = get_object_or_404(Category, slug=slug)
    articles = _published_articles().filter(category=category)
    return render(request, "help/category.html", {"category": category, "articles": articles})


def article(request, slug):
    article = get_object_or_404(
        Article.objects.published()
        .select_related("category")
        .prefetch_related(
            Prefetch("related", queryset=_published_articles(), to_attr="published_related")
        ),
        slug=slug,
    )
    # body_html was sanitised on save; macros expand to our own escaped templates.
    body = mark_safe(render_article_body(article.body_html))  # noqa: S308
    context = {
        "article": article,
        "body": body,
        "toc": table_of_contents(article.body_html),
    }
    return render(request, "help/article.html", context)
