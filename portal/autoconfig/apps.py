from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AutoconfigConfig(AppConfig):
    name = "portal.autoconfig"
    label = "autoconfig"
    verbose_name = _("Automatic configuration")
