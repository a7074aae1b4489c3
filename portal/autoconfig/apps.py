from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from portal.autoconfig import checks  # noqa: F401  (registers the system checks)
from portal.autoconfig.signing import configured_signer


class AutoconfigConfig(AppConfig):
    name = "portal.autoconfig"
    label = "autoconfig"
    verbose_name = _("Automatic configuration")

    def ready(self) -> None:
        # Read and check the signing certificate and key now: a bad path or a key that does
        # not match the certificate stops the start with ImproperlyConfigured.
        configured_signer()
