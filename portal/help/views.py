from django.conf import settings
from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from portal.help.macros import render_article_body
from portal.help.markup import table_of_contents
from portal.help.models import Article, ArticleSlugRedirect, Category
from portal.help.search.query import MAX_QUERY_LENGTH
from portal.help.search.service import search_help
from portal.help.votes import (
    over_vote_limit,
    record_vote,
    remember_vote,
    sent_from_this_site,
    voted_article_ids,
)
from portal.hosts import portal_url
from portal.localized import current_language
from portal.mail.selectors import programs_named_in
from portal.page_cache import cached_public_page


def _published_articles():
    return Article.objects.published().only(
        "slug", "category_id", "order", "title_sl", "title_en", "summary_sl", "summary_en"
    )


@cached_public_page
def home(request):
    categories = Category.objects.prefetch_related(
        Prefetch("articles", queryset=_published_articles(), to_attr="published_articles")
    )
    return render(request, "help/home.html", {"categories": categories})


@cached_public_page
def category(request, slug):
    category = get_object_or_404(Category, slug=slug)
    articles = _published_articles().filter(category=category)
    return render(request, "help/category.html", {"category": category, "articles": articles})


def _article_page(slug: str):
    return (
        Article.objects.published()
        .select_related("category")
        .prefetch_related(
            Prefetch("related", queryset=_published_articles(), to_attr="published_related")
        )
        .filter(slug=slug)
        .first()
    )


def _other_language(article: Article) -> dict | None:
    """The same article in the other language, when it exists there."""
    language = current_language()
    other = next(code for code, _name in settings.LANGUAGES if code != language)
    if other != settings.LANGUAGE_CODE and not article.has_english:
        return None
    with translation.override(other):
        url = article.get_absolute_url()
    labels = {
        "sl": _("Read this article in Slovenian"),
        "en": _("Read this article in English"),
    }
    return {"code": other, "label": labels[other], "url": url}


def _render_article(request, article: Article, status: int = 200, vote_error: str = ""):
    language = current_language()
    # An English page of an article not yet translated shows the Slovenian text: the
    # Slovenian page is then the canonical one.
    untranslated = language != settings.LANGUAGE_CODE and not article.has_english
    with translation.override(settings.LANGUAGE_CODE if untranslated else language):
        canonical_path = article.get_absolute_url()
    context = {
        "article": article,
        # body_html was sanitised on save; macros expand to our own escaped templates.
        "body": mark_safe(render_article_body(article.body_html)),  # noqa: S308
        "toc": table_of_contents(article.body_html),
        "other_language": _other_language(article),
        "untranslated": untranslated,
        "canonical_url": portal_url(request, canonical_path),
        "already_voted": article.pk in voted_article_ids(request),
        # Only the vote view adds messages, and it redirects here: show them by the vote.
        "feedback_messages": list(messages.get_messages(request)),
        "vote_error": vote_error,
    }
    return render(request, "help/article.html", context, status=status)


@cached_public_page
def article(request, slug):
    article = _article_page(slug)
    if article is None:
        # Renames never break links: a former slug answers with a permanent redirect.
        former = (
            ArticleSlugRedirect.objects.filter(
                old_slug=slug, article__in=Article.objects.published()
            )
            .select_related("article")
            .only("article__slug")
            .first()
        )
        if former is None:
            raise Http404
        return HttpResponsePermanentRedirect(former.article.get_absolute_url())
    return _render_article(request, article)


@csrf_exempt  # the article page is the same for everyone: no token; the origin is checked
@require_POST
def vote(request, slug):
    """Was this article helpful? POST, then back to the article (works without JavaScript).

    No CSRF token (docs/decisions/0090): the browser's Sec-Fetch-Site / Origin must say the
    form was sent from this site, and the vote limit per address still applies.
    """
    article = get_object_or_404(Article.objects.published().only("pk", "slug"), slug=slug)
    if not sent_from_this_site(request):
        message = _("Your vote was not counted: please vote on the article page itself.")
        return _render_article(request, _article_page(slug), status=403, vote_error=message)
    answer = request.POST.get("helpful")
    if answer not in ("yes", "no"):
        message = _("Please answer “Yes” or “No”.")
        return _render_article(request, _article_page(slug), status=400, vote_error=message)
    voted = voted_article_ids(request)
    # `?feedback`: a URL of its own, so no browser shows its cached copy of the article (with
    # the form) instead of the thank-you rendered for this visitor.
    response = HttpResponseRedirect(article.get_absolute_url() + "?feedback#feedback", status=303)
    if article.pk in voted:
        messages.info(request, _("You have already rated this article. Thank you!"))
        return response
    if not over_vote_limit(request, article):
        record_vote(article, helpful=answer == "yes")
    remember_vote(response, voted, article.pk)
    if answer == "yes":
        messages.success(request, _("Thank you for your feedback!"))
    else:
        messages.info(
            request,
            _("Thank you for telling us. We are sorry this article did not help."),
            extra_tags="feedback-no",
        )
    return response


def search(request):
    page = search_help(request.GET.get("q", ""), current_language())
    context = {"page": page, "max_length": MAX_QUERY_LENGTH}
    # A program named in the search ("kako nastavim outlook"): its guide comes first.
    context["program_guides"] = programs_named_in(page.typed) if page.typed else []
    return render(request, "help/search.html", context, status=400 if page.is_error else 200)


def robots_txt(request):
    admin_paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            admin_paths.append(reverse("admin:index"))
    context = {
        "admin_paths": admin_paths,
        "sitemap_url": portal_url(request, reverse("sitemap")),
    }
    return render(request, "help/robots.txt", context, content_type="text/plain; charset=utf-8")
