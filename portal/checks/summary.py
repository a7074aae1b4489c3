"""Pure wording of check results: what staff and customers are told. No database access."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext_lazy

from portal.checks.choices import Problem
from portal.mail.choices import Security


@dataclass(frozen=True)
class EndpointState:
    """The latest check of one endpoint, as plain values."""

    security: str
    checked_at: datetime | None
    problem: str
    certificate_not_after: datetime | None = None
    certificate_names_host: bool | None = None


@dataclass(frozen=True)
class ServerCheck:
    """What a customer is told about the server they are about to type into their program."""

    checked_at: datetime
    answers: bool
    certificate_valid_until: date | None

    def sentence(self, now: datetime) -> str:
        checked = checked_ago(now - self.checked_at)
        if not self.answers:
            return _(
                "%(checked)s: the server did not answer as it should. Our support team "
                "already knows and is working on it; if your mail program reports an error, "
                "please try again a little later."
            ) % {"checked": checked}
        if self.certificate_valid_until is None:
            return _("%(checked)s: the server answers.") % {"checked": checked}
        return _("%(checked)s: the server answers, its certificate is valid until %(date)s.") % {
            "checked": checked,
            "date": long_date(self.certificate_valid_until),
        }


def server_check(
    states: list[EndpointState], now: datetime, fresh_for: timedelta
) -> ServerCheck | None:
    """The encrypted endpoints a customer uses, summed up; None when there is nothing recent
    to say (never checked, or the checker has not run for `fresh_for`)."""
    encrypted = [s for s in states if s.security != Security.NONE and s.checked_at]
    if not encrypted:
        return None
    checked_at = min(s.checked_at for s in encrypted)
    if now - checked_at > fresh_for:
        return None
    expiries = [s.certificate_not_after for s in encrypted if s.certificate_not_after]
    return ServerCheck(
        checked_at=checked_at,
        answers=all(s.problem == Problem.NONE for s in encrypted),
        certificate_valid_until=min(expiries).date() if expiries else None,
    )


def checked_ago(elapsed: timedelta) -> str:
    minutes = max(0, int(elapsed.total_seconds() // 60))
    if minutes == 0:
        return _("Checked just now")
    return ngettext("Checked %(count)d minute ago", "Checked %(count)d minutes ago", minutes) % {
        "count": minutes
    }


MONTH_PATTERNS = (
    pgettext_lazy("long date", "%(day)d January %(year)d"),
    pgettext_lazy("long date", "%(day)d February %(year)d"),
    pgettext_lazy("long date", "%(day)d March %(year)d"),
    pgettext_lazy("long date", "%(day)d April %(year)d"),
    pgettext_lazy("long date", "%(day)d May %(year)d"),
    pgettext_lazy("long date", "%(day)d June %(year)d"),
    pgettext_lazy("long date", "%(day)d July %(year)d"),
    pgettext_lazy("long date", "%(day)d August %(year)d"),
    pgettext_lazy("long date", "%(day)d September %(year)d"),
    pgettext_lazy("long date", "%(day)d October %(year)d"),
    pgettext_lazy("long date", "%(day)d November %(year)d"),
    pgettext_lazy("long date", "%(day)d December %(year)d"),
)


def long_date(value: date) -> str:
    """ "12 March 2027" / "12. marca 2027": Slovenian needs the month in the genitive, which
    Django's date formats do not offer."""
    return str(MONTH_PATTERNS[value.month - 1]) % {"day": value.day, "year": value.year}


def attention_reasons(state: EndpointState, now: datetime, warning_days: int) -> list[str]:
    """Why staff should look at an endpoint (empty: all is well)."""
    reasons = []
    if state.problem != Problem.NONE:
        reasons.append(str(Problem(state.problem).label))
    not_after = state.certificate_not_after
    if not_after and now <= not_after < now + timedelta(days=warning_days):
        days = (not_after - now).days
        reasons.append(
            ngettext(
                "Certificate expires in %(count)d day",
                "Certificate expires in %(count)d days",
                days,
            )
            % {"count": days}
        )
    if state.certificate_names_host is False and state.problem != Problem.CERTIFICATE_WRONG_NAME:
        reasons.append(str(Problem.CERTIFICATE_WRONG_NAME.label))
    return reasons
