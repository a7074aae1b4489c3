from django.apps import AppConfig
from django.db.models.signals import post_delete
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
