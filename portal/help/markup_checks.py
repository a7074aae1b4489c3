"""Checks on staff-written Markdown beyond `unknown_macros()`: macros written the wrong way.

A macro works only as a line of its own, `[[ports-table]]`. A line that still contains `[[` or
`]]` (for example `See [[servers]] below`, `[[servers]`, `[[servers]]]`, `[[ servers ]]`) would show the
brackets to customers, so it is reported with its line number. Code spans are ignored.
"""

import re

from portal.help.markup import MACRO_LINE

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
