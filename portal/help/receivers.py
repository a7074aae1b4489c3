"""What follows a write to an article, whichever path wrote it: receivers, connected in
`HelpConfig.ready()`.

- Renames never break links: before a save the stored slug is read, after it the old slug
  redirects to the article (chains collapse, because every former slug points at the article
  itself), and a slug in use is never a redirect.
- The search index follows every save and every delete (queryset deletes from the admin
  included).

Fixtures (`loaddata`, raw saves) are left alone: they carry their own rows (search terms,
redirects) and may be loaded in any order. After `loaddata`, and after `bulk_create()` or
`update()`, which send no signals, run `manage.py rebuild_search_index`
(see portal/help/search/index.py).
"""

from django.db import connections

from portal.help.models import Article, ArticleSlugRedirect
from portal.help.search.index import SEARCHED_FIELDS, index_articles, unindex_articles


def remember_stored_slug(sender, instance: Article, raw: bool, using: str, **kwargs) -> None:
    """pre_save: note the slug the row has in the database (None for a new article)."""
    if raw or instance.pk is None or instance._state.adding:
        instance._stored_slug = None
        return
    instance._stored_slug = (
        Article.objects.using(using).filter(pk=instance.pk).values_list("slug", flat=True).first()
    )


def keep_old_address(sender, instance: Article, raw: bool, using: str, **kwargs) -> None:
    """post_save: the former slug (if it changed) redirects here; the current one never does."""
    previous_slug = getattr(instance, "_stored_slug", None)
    if raw or previous_slug == instance.slug:
        return
    redirects = ArticleSlugRedirect.objects.using(using)
    if previous_slug:
        redirects.update_or_create(old_slug=previous_slug, defaults={"article": instance})
    redirects.filter(old_slug=instance.slug).delete()


def index_saved_article(
    sender, instance: Article, raw: bool, update_fields, using: str, **kwargs
) -> None:
    """post_save: the article's search documents and vocabulary (skipped when a save wrote
    no searched field, and for fixtures)."""
    if raw:
        return
    if update_fields is None or SEARCHED_FIELDS & set(update_fields):
        index_articles([instance], connection=connections[using])


def unindex_deleted_article(sender, instance: Article, using: str, **kwargs) -> None:
    """post_delete: drop the article's search documents."""
    unindex_articles([instance.pk], connection=connections[using])
