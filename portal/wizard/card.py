"""The settings card: which connection variants to show and how to label them.

- Ours (in the table or found by MX): the encrypted settings (the server's own name, SSL/TLS)
  marked as recommended, then the plain variant (`mail.<domain>`) marked "not recommended".
- A provider: its own encrypted settings only; never a plain login.
- Unknown: the plain general settings, only while the company keeps that guidance on.

Plain Python: no database.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from portal.mail.choices import Protocol
from portal.mail.mailsettings import Endpoint, MailSettings


@dataclass(frozen=True)
class ServerLine:
    endpoint: Endpoint
    alternatives: tuple[str, ...]  # "or port 587 (STARTTLS)"


@dataclass(frozen=True)
class CardVariant:
    title: str
    badge: str
    recommended: bool
    incoming: ServerLine | None
    outgoing: ServerLine | None


def _alternative_text(main: Endpoint, other: Endpoint) -> str:
    if other.security == main.security:
        return _("or port %(port)s") % {"port": other.port}
    return _("or port %(port)s (%(security)s)") % {
        "port": other.port,
        "security": other.security_label,
    }


def _line(mail_settings: MailSettings, protocol: str, secure: bool) -> ServerLine | None:
    endpoint = mail_settings.endpoint(protocol, secure)
    if endpoint is None:
        return None
    alternatives = tuple(
        _alternative_text(endpoint, other) for other in mail_settings.alternatives(protocol, secure)
    )
    return ServerLine(endpoint, alternatives)


def _variant(mail_settings: MailSettings, title: str, badge: str, secure: bool) -> CardVariant:
    return CardVariant(
        title=title,
        badge=badge,
        recommended=secure,
        incoming=_line(mail_settings, mail_settings.recommended_protocol, secure),
        outgoing=_line(mail_settings, Protocol.SMTP, secure),
    )


def card_variants(mail_settings: MailSettings) -> list[CardVariant]:
    if mail_settings.at_provider:
        return [_variant(mail_settings, _("Encrypted connection"), _("Recommended"), True)]
    if mail_settings.hosted:
        return [
            _variant(mail_settings, _("Encrypted connection (SSL/TLS)"), _("Recommended"), True),
            _variant(mail_settings, _("Without encryption"), _("Not recommended"), False),
        ]
    if mail_settings.generic_guidance:
        return [
            _variant(
                mail_settings,
                _("General settings for your domain"),
                _("Without encryption"),
                False,
            )
        ]
    return []
