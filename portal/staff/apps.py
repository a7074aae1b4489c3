from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    name = "portal.staff"
    label = "staff"
    verbose_name = _("Staff tools")

    def ready(self) -> None:
        from portal.staff.roles import sync_roles_after_migrate

        post_migrate.connect(sync_roles_after_migrate, sender=self)
