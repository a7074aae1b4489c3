"""The wizard's steps as data: each step has its own URL and says which answer it collects.

Views never branch on a "step" variable; they ask this module what comes next and which
earlier answer is missing (kitsune's "steps as data").
"""

from collections.abc import Container
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Step:
    answer: str  # the session key this step fills; "" for the result
    url_name: str
    title: str

    @property
    def url(self) -> str:
        return reverse(self.url_name)


EMAIL = Step("email", "wizard:start", _("Your email address"))
PROGRAM = Step("program", "wizard:program", _("Your mail program"))
USAGE = Step("usage", "wizard:usage", _("How you use mail"))
RESULT = Step("", "wizard:result", _("Your settings"))

STEPS = (EMAIL, PROGRAM, USAGE, RESULT)


@dataclass(frozen=True)
class ProgressItem:
    title: str
    url: str | None  # earlier steps link back; the current and later ones do not
    current: bool


@dataclass(frozen=True)
class Progress:
    number: int
    total: int
    title: str
    items: tuple[ProgressItem, ...]


def progress(step: Step) -> Progress:
    """ "Step 2 of 4", and every step's title, with links back to the answered ones."""
    index = STEPS.index(step)
    items = tuple(
        ProgressItem(other.title, other.url if position < index else None, other == step)
        for position, other in enumerate(STEPS)
    )
    return Progress(index + 1, len(STEPS), step.title, items)


def previous_step(step: Step) -> Step | None:
    index = STEPS.index(step)
    return STEPS[index - 1] if index else None


def next_step(step: Step) -> Step:
    return STEPS[STEPS.index(step) + 1]


def first_missing_step(step: Step, answered: Container[str]) -> Step | None:
    """The earliest step before `step` whose answer is missing, or None when all are there."""
    for earlier in STEPS[: STEPS.index(step)]:
        if earlier.answer not in answered:
            return earlier
    return None
