"""The result page as one plain value, built without the database or a request.

`build_result()` takes the customer's answers, the `MailSettings` for their address and the
chosen program's steps, and decides everything the page shows: which protocol, the
recommendation and its caveats, the card's variants, and the steps for the protocol and the
connection (encrypted or plain) the card leads with, filled with the same values.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from portal.mail.choices import INCOMING_PROTOCOLS, Protocol, StepVariant
from portal.mail.mailsettings import MailSettings
from portal.mail.steps import ShownStep, shown_step
from portal.wizard.card import CardVariant, card_variants
from portal.wizard.generic import GENERIC_STEPS
from portal.wizard.recommendation import Recommendation, Usage, caveats, recommend


@dataclass(frozen=True)
class StepText:
    """One program step as staff wrote it, in the current language."""

    text: str
    protocol: str = ""  # "" = IMAP and POP3
    variant: str = ""  # "" = encrypted and plain connections
    image_url: str = ""
    image_alt: str = ""

    def applies_to(self, protocol: str, variant: str) -> bool:
        return self.protocol in ("", protocol) and self.variant in ("", variant)


@dataclass(frozen=True)
class ProgramGuide:
    name: str
    steps: tuple[StepText, ...]
    apple_profile: bool = False  # the program installs an Apple configuration profile


def generic_guide_steps() -> tuple[StepText, ...]:
    """The steps for "Another program", in the current language."""
    return tuple(StepText(str(text)) for text in GENERIC_STEPS)


@dataclass(frozen=True)
class ResultPage:
    mail_settings: MailSettings  # with the protocol shown on the page
    recommendation: Recommendation
    protocol: str
    caveats: tuple[str, ...]
    variants: list[CardVariant]
    program: ProgramGuide | None
    program_steps: list[ShownStep]
    other_protocol: str | None  # None: the provider offers only one incoming protocol
    protocol_not_offered: str | None  # the recommended protocol, when the provider lacks it
    apple_profile: bool

    @property
    def recommended_label(self) -> str:
        return Protocol(self.recommendation.protocol).label

    @property
    def shown_label(self) -> str:
        return Protocol(self.protocol).label

    @property
    def other_protocol_label(self) -> str:
        return Protocol(self.other_protocol).label if self.other_protocol else ""

    @property
    def showing_recommended(self) -> bool:
        return self.protocol == self.recommendation.protocol

    @property
    def not_offered_text(self) -> str:
        """ "iCloud Mail does not offer POP3, so these are the IMAP settings." """
        provider = self.mail_settings.provider
        if not self.protocol_not_offered or provider is None:
            return ""
        return _(
            "%(provider)s does not offer %(missing)s, so these are the %(shown)s settings."
        ) % {
            "provider": provider.name,
            "missing": Protocol(self.protocol_not_offered).label,
            "shown": self.shown_label,
        }


def step_variant(mail_settings: MailSettings) -> str:
    """Steps follow the card's first variant: encrypted for us and providers, else plain."""
    return StepVariant.ENCRYPTED if mail_settings.secure else StepVariant.PLAIN


def shown_steps(mail_settings: MailSettings, steps: Sequence[StepText]) -> list[ShownStep]:
    """The steps for the shown protocol and connection, with the same values as the card."""
    values = mail_settings.placeholder_values()
    variant = step_variant(mail_settings)
    return [
        shown_step(step.text, values, step.image_url, step.image_alt)
        for step in steps
        if step.applies_to(mail_settings.recommended_protocol, variant)
    ]


def _shown_protocol(mail_settings: MailSettings, wanted: str) -> str:
    """`wanted`, unless a provider does not offer it and offers the other one."""
    if mail_settings.at_provider and not mail_settings.offers(wanted):
        for protocol in INCOMING_PROTOCOLS:
            if mail_settings.offers(protocol):
                return protocol
    return wanted


def build_result(
    mail_settings: MailSettings,
    usage: Usage,
    program: ProgramGuide | None,
    requested_protocol: str | None = None,
) -> ResultPage:
    our_package = mail_settings.hosted
    recommendation = recommend(usage, our_package=our_package)
    wanted = (
        requested_protocol if requested_protocol in INCOMING_PROTOCOLS else recommendation.protocol
    )
    protocol = _shown_protocol(mail_settings, wanted)
    mail_settings = mail_settings.with_protocol(protocol)
    other = mail_settings.other_protocol
    if mail_settings.at_provider and not mail_settings.offers(other):
        other = None
    steps = program.steps if program else generic_guide_steps()
    return ResultPage(
        mail_settings=mail_settings,
        recommendation=recommendation,
        protocol=protocol,
        caveats=caveats(protocol, usage, mail_settings.disk_quota_mb, our_package=our_package),
        variants=card_variants(mail_settings),
        program=program,
        program_steps=shown_steps(mail_settings, steps) if mail_settings.shows_settings else [],
        other_protocol=other,
        protocol_not_offered=wanted if protocol != wanted else None,
        apple_profile=bool(program and program.apple_profile and mail_settings.hosted),
    )
