from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils.translation import gettext_lazy as _

from portal.page_cache import bump_content_version


class MailConfig(AppConfig):
    name = "portal.mail"
    label = "mail"
    verbose_name = _("Mail servers and programs")

    def ready(self) -> None:
        # Imported here, as Django requires: models can be imported only once apps are ready.
        from portal.mail import receivers
        from portal.mail.models import (
            HostingPackage,
            MailProgram,
            PortSetting,
            ProgramStep,
            ProgramWarning,
            Server,
        )

        pre_save.connect(
            receivers.normalise_text, sender=ProgramStep, dispatch_uid="mail-step-text"
        )
        pre_save.connect(
            receivers.reencode_new_image, sender=ProgramStep, dispatch_uid="mail-reencode"
        )
        pre_save.connect(
            receivers.remember_stored_image, sender=ProgramStep, dispatch_uid="mail-stored-image"
        )
        post_save.connect(
            receivers.delete_replaced_image, sender=ProgramStep, dispatch_uid="mail-replaced-image"
        )
        post_delete.connect(
            receivers.delete_removed_image, sender=ProgramStep, dispatch_uid="mail-removed-image"
        )

        # Ports and servers appear in articles (macros), packages in the machine formats,
        # programs, their steps and warnings on the guide pages: any change makes the cached
        # pages stale.
        for model in (
            PortSetting,
            Server,
            HostingPackage,
            MailProgram,
            ProgramStep,
            ProgramWarning,
        ):
            uid = f"page-cache-{model.__name__}"
            post_save.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"{uid}-delete")
