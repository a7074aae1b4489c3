"""The settings card: which connection variants to show and how to label them.

Hosted domains get the encrypted settings (the package's server name, SSL/TLS) marked as
recommended, then the plain variant (`mail.<domain>`) marked "not recommended". A domain we do
not host gets only the plain variant, as generic guidance. Plain Python: no database.
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


def _line(settings: MailSettings, protocol: str, secure: bool) -> ServerLine | None:
    endpoint = settings.endpoint(protocol, secure)
    if endpoint is None:
        return None
    alternatives = tuple(
        _alternative_text(endpoint, other) for other in settings.alternatives(protocol, secure)
    )
    return ServerLine(endpoint, alternatives)


def card_variants(settings: MailSettings) -> list[CardVariant]:
    protocol = settings.recommended_protocol
    variants = []
    if settings.hosted:
        variants.append(
            CardVariant(
                title=_("Encrypted connection (SSL/TLS)"),
                badge=_("Recommended"),
                recommended=True,
                incoming=_line(settings, protocol, secure=True),
                outgoing=_line(settings, Protocol.SMTP, secure=True),
            )
        )
        plain_title, plain_badge = _("Without encryption"), _("Not recommended")
    else:
        plain_title, plain_badge = _("General settings for your domain"), _("Without encryption")
    variants.append(
        CardVariant(
            title=plain_title,
            badge=plain_badge,
            recommended=False,
            incoming=_line(settings, protocol, secure=False),
            outgoing=_line(settings, Protocol.SMTP, secure=False),
        )
    )
    return variants
