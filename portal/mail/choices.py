"""Protocols and security modes, shared by the models and the pure modules."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Protocol(models.TextChoices):
    IMAP = "imap", "IMAP"
    POP3 = "pop3", "POP3"
    SMTP = "smtp", "SMTP"


class Security(models.TextChoices):
    SSL = "ssl", _("SSL/TLS")
    STARTTLS = "starttls", _("STARTTLS")
    NONE = "none", _("No encryption")


class StepVariant(models.TextChoices):
    """Which connection a program step is for (empty: both)."""

    ENCRYPTED = "encrypted", _("Encrypted connection (SSL/TLS or STARTTLS)")
    PLAIN = "plain", _("Connection without encryption")


INCOMING_PROTOCOLS = (Protocol.IMAP, Protocol.POP3)
