"""Checks on the macros in staff-written Markdown: unknown ones and ones written the wrong way.

A macro works only as a line of its own, `[[ports-table]]`. A line that still contains `[[` or
`]]` (for example `See [[servers]] below`, `[[servers]`, `[[servers]]]`, `[[ servers ]]`) would show the
brackets to customers, so it is reported with its line number. Code spans are ignored.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.help.markup import MACRO_LINE, unknown_macros

_CODE_SPAN = re.compile(r"(`+).*?\1")
_BRACKETS = re.compile(r"\[\[|\]\]")


def malformed_macro_lines(source: str) -> list[int]:
    """Line numbers (from 1) of lines with macro brackets that are not a macro line."""
    numbers = []
    for number, line in enumerate((source or "").splitlines(), start=1):
        macro = MACRO_LINE.fullmatch(line)
        if macro and macro.group(1) == macro.group(1).strip():
            continue
        if _BRACKETS.search(_CODE_SPAN.sub("", line)):
            numbers.append(number)
    return numbers


def macro_errors(source: str) -> list[ValidationError]:
    """Every macro problem in `source`, in line order: unknown macros, and brackets that are
    not a macro line (a line reported as unknown is not reported again)."""
    unknown = unknown_macros(source)
    errors = [
        (
            line,
            ValidationError(
                _("Line %(line)d: unknown macro [[%(name)s]]."),
                code="unknown_macro",
                params={"line": line, "name": name},
            ),
        )
        for line, name in unknown
    ]
    reported = {line for line, _name in unknown}
    errors += [
        (
            line,
            ValidationError(
                _(
                    "Line %(line)d: a macro must stand alone on its line, written "
                    "like [[ports-table]] or [[servers]]."
                ),
                code="malformed_macro",
                params={"line": line},
            ),
        )
        for line in malformed_macro_lines(source)
        if line not in reported
    ]
    return [error for _line, error in sorted(errors, key=lambda pair: pair[0])]
