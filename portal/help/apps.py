from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.utils.translation import gettext_lazy as _

from portal.page_cache import bump_content_version


class HelpConfig(AppConfig):
    name = "portal.help"
    label = "help"
    verbose_name = _("Help centre")

    def ready(self) -> None:
        # Imported here, as Django requires: models can be imported only once apps are ready.
        from portal.help import receivers
        from portal.help.models import Article, Category, SupportContact

        pre_save.connect(receivers.remember_stored_slug, sender=Article, dispatch_uid="help-slug")
        post_save.connect(receivers.keep_old_address, sender=Article, dispatch_uid="help-redirect")
        post_save.connect(
            receivers.index_saved_article, sender=Article, dispatch_uid="help-search-index"
        )
        post_delete.connect(
            receivers.unindex_deleted_article, sender=Article, dispatch_uid="help-search-unindex"
        )

        # Any change to what public pages show makes the cached pages stale (the mail app
        # connects its own models the same way). The support contact is on every page.
        for model in (Article, Category, SupportContact):
            uid = f"page-cache-{model.__name__}"
            post_save.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}-delete")
        m2m_changed.connect(
            bump_content_version, sender=Article.related.through, dispatch_uid="page-cache-related"
        )
