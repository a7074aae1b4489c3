"""The customer's answers, kept only in the wizard's own cookie (portal/wizard/cookie.py).

Answers are re-read and re-checked on every request, so a stale or partial session sends the
customer back to the first step that needs answering instead of failing.
"""

from collections.abc import Mapping, MutableMapping

from portal.mail.addresses import EmailAddress, InvalidAddress, parse_email
from portal.wizard.recommendation import Devices, Storage, Usage, Volume

SESSION_KEY = "wizard"
OTHER_PROGRAM = "other"  # "Another program": generic instructions
YES, NO = "yes", "no"


def usage_from_answers(data: object) -> Usage | None:
    """The stored usage answers as a `Usage`, or None when they are missing or not valid."""
    if not isinstance(data, Mapping):
        return None
    try:
        if data["shared"] not in (YES, NO) or data["forwarded"] not in (YES, NO):
            return None
        return Usage(
            devices=Devices(data["devices"]).value,
            shared=data["shared"] == YES,
            storage=Storage(data["storage"]).value,
            forwarded=data["forwarded"] == YES,
            volume=Volume(data["volume"]).value,
        )
    except (KeyError, ValueError, TypeError):
        return None


class WizardAnswers:
    """Read and write the wizard's answers in a mapping (`request.wizard` in the views)."""

    def __init__(self, session: MutableMapping):
        self.session = session
        stored = session.get(SESSION_KEY)
        self.data: dict = dict(stored) if isinstance(stored, Mapping) else {}

    def get(self, name: str):
        return self.data.get(name)

    def save(self, name: str, value) -> None:
        self.data[name] = value
        self.session[SESSION_KEY] = self.data  # reassign so the store is marked modified

    def forget(self) -> None:
        """Drop every answer ("set up another address")."""
        self.data = {}
        self.session.clear()

    @property
    def address(self) -> EmailAddress | None:
        try:
            return parse_email(self.data.get("email") or "")
        except InvalidAddress:
            return None

    @property
    def program(self) -> str | None:
        value = self.data.get("program")
        return value if isinstance(value, str) and value else None

    @property
    def usage(self) -> Usage | None:
        return usage_from_answers(self.data.get("usage"))

    @property
    def answered(self) -> set[str]:
        present = {
            "email": self.address is not None,
            "program": self.program is not None,
            "usage": self.usage is not None,
        }
        return {name for name, ok in present.items() if ok}
