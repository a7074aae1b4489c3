"""What a staff member's role lets them do, in words, for the "not allowed" page (403)."""

from dataclasses import dataclass

from django.apps import apps
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from portal.staff.roles import ADMINISTRATORS, SUPPORT_STAFF

ROLE_LABELS = {
    SUPPORT_STAFF: gettext_lazy("Support staff"),
    ADMINISTRATORS: gettext_lazy("Administrators"),
}
# Permission actions in the order and words staff read them.
ACTION_WORDS = {
    "view": pgettext_lazy("what a role may do", "view"),
    "add": pgettext_lazy("what a role may do", "add"),
    "change": pgettext_lazy("what a role may do", "change"),
    "delete": pgettext_lazy("what a role may do", "delete"),
}


@dataclass(frozen=True)
class Allowed:
    subject: str  # e.g. "Articles"
    actions: str  # e.g. "view, add, change"


def allowed_actions(user) -> list[Allowed]:
    """One line per kind of record the user may work with, in the admin's own names."""
    by_model: dict[tuple[str, str], set[str]] = {}
    for permission in user.get_all_permissions():
        app_label, codename = permission.split(".", 1)
        action, _sep, model_name = codename.partition("_")
        if action in ACTION_WORDS and model_name:
            by_model.setdefault((app_label, model_name), set()).add(action)
    lines = []
    for (app_label, model_name), actions in by_model.items():
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        words = [str(ACTION_WORDS[action]) for action in ACTION_WORDS if action in actions]
        lines.append(Allowed(capfirst(model._meta.verbose_name_plural), ", ".join(words)))
    return sorted(lines, key=lambda line: line.subject)


def role_names(user) -> str:
    names = [
        str(ROLE_LABELS.get(name, name)) for name in user.groups.values_list("name", flat=True)
    ]
    return ", ".join(names) if names else _("no role")
