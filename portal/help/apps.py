from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _


class HelpConfig(AppConfig):
    name = "portal.help"
    label = "help"
    verbose_name = _("Help centre")

    def ready(self) -> None:
        from portal.help.models import Article
        from portal.help.search.index import article_deleted

        # Index maintenance only: queryset deletes (the admin's bulk action) skip Model.delete().
        post_delete.connect(article_deleted, sender=Article, dispatch_uid="help-search-unindex")
        self._connect_page_cache_invalidation()

    @staticmethod
    def _connect_page_cache_invalidation() -> None:
        """Any change to what public pages show makes the cached pages stale."""
        from portal.help.models import Article, Category
        from portal.mail.models import HostingPackage, PortSetting, Server
        from portal.page_cache import bump_content_version

        for model in (Article, Category, PortSetting, Server, HostingPackage):
            uid = f"page-cache-{model.__name__}"
            post_save.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}-delete")
        m2m_changed.connect(
            bump_content_version, sender=Article.related.through, dispatch_uid="page-cache-related"
        )
