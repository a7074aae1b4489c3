"""The program step's choices: mail programs grouped by platform, plus "Another program"."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from portal.mail.models import Platform
from portal.wizard.answers import OTHER_PROGRAM

PLATFORM_ORDER = [choice.value for choice in Platform]


@dataclass(frozen=True)
class ProgramChoice:
    slug: str
    name: str
    icon: str


@dataclass(frozen=True)
class ProgramGroup:
    label: str
    choices: tuple[ProgramChoice, ...]


def program_groups(programs: Iterable) -> list[ProgramGroup]:
    """Programs (anything with slug, display_name, platform, icon) grouped by platform, in order.

    The last group holds "Another program", which leads to generic instructions.
    """
    grouped: dict[str, list[ProgramChoice]] = {}
    for program in programs:
        grouped.setdefault(program.platform, []).append(
            ProgramChoice(program.slug, program.display_name, program.icon)
        )
    platforms = sorted(
        grouped, key=lambda p: PLATFORM_ORDER.index(p) if p in PLATFORM_ORDER else len(Platform)
    )
    groups = [
        ProgramGroup(str(Platform(p).label) if p in PLATFORM_ORDER else p, tuple(grouped[p]))
        for p in platforms
    ]
    groups.append(
        ProgramGroup(
            str(_("Something else")),
            (ProgramChoice(OTHER_PROGRAM, str(_("Another program")), "generic"),),
        )
    )
    return groups


def preselected_program(programs: Iterable, hint: str) -> str | None:
    """The slug of the program staff marked for this kind of device, if any."""
    if not hint:
        return None
    return next((p.slug for p in programs if p.user_agent_hint == hint), None)
