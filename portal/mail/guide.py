"""A program's guide page as plain values: its steps shown generically, for any customer.

The wizard fills a program's steps with one customer's settings; a guide page shows the same
steps (`portal.mail.steps`, the same placeholders) with descriptive values instead: "your
package's server name", "your full email address", and the ports and security labels of the
ports table. The page leads with what we recommend: IMAP over an encrypted connection, so it
shows the steps for IMAP (or for both protocols) and for encrypted connections (or for both).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from portal.mail.addresses import parse_email
from portal.mail.choices import Protocol, StepVariant
from portal.mail.mailsettings import MailSettings, PortOption
from portal.mail.steps import ShownStep, shown_step

GUIDE_PROTOCOL = Protocol.IMAP
GUIDE_VARIANT = StepVariant.ENCRYPTED
# Only the ports and security labels of this value are shown; every name is replaced below.
_EXAMPLE_ADDRESS = parse_email("ime@domena.si")


@dataclass(frozen=True)
class GuideStepText:
    """One program step as staff wrote it, in the current language."""

    text: str
    protocol: str = ""
    variant: str = ""
    image_url: str = ""
    image_alt: str = ""

    @property
    def on_guide_page(self) -> bool:
        return self.protocol in ("", GUIDE_PROTOCOL) and self.variant in ("", GUIDE_VARIANT)


def generic_values(ports: tuple[PortOption, ...]) -> dict[str, object]:
    """Placeholder values for a guide page: descriptions instead of one customer's names,
    the preferred encrypted ports of the ports table."""
    example = MailSettings(address=_EXAMPLE_ADDRESS, ports=ports, server_hostname="server")
    server = _("“your package’s server name”")
    return example.placeholder_values(secure=True) | {
        "email": _("“your email address”"),
        "username": _("“your full email address”"),
        "domain": _("“your domain”"),
        "incoming_server": server,
        "outgoing_server": server,
    }


def generic_steps(steps: Iterable[GuideStepText], ports: tuple[PortOption, ...]) -> list[ShownStep]:
    values = generic_values(ports)
    return [
        shown_step(step.text, values, step.image_url, step.image_alt)
        for step in steps
        if step.on_guide_page
    ]


def has_steps_for_other_cases(steps: Sequence[GuideStepText]) -> bool:
    """True when some steps are only for POP3 or only for plain connections (not shown)."""
    return any(not step.on_guide_page for step in steps)
