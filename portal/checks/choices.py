"""What can go wrong when we connect to one of our mail endpoints."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Problem(models.TextChoices):
    NONE = "", _("None")
    TIMEOUT = "timeout", _("No answer in time")
    REFUSED = "refused", _("Connection refused")
    UNREACHABLE = "unreachable", _("Server not reachable")
    TLS = "tls", _("Encrypted connection failed")
    NO_STARTTLS = "no-starttls", _("STARTTLS not offered")
    PROTOCOL = "protocol", _("Unexpected reply")
    CERTIFICATE_EXPIRED = "certificate-expired", _("Certificate expired")
    CERTIFICATE_WRONG_NAME = "certificate-wrong-name", _("Certificate does not name the server")
    CERTIFICATE_UNTRUSTED = "certificate-untrusted", _("Certificate not trusted")


CERTIFICATE_PROBLEMS = (
    Problem.CERTIFICATE_EXPIRED,
    Problem.CERTIFICATE_WRONG_NAME,
    Problem.CERTIFICATE_UNTRUSTED,
)
