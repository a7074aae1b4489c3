"""Article macros: a paragraph that is exactly `[[name]]` stands for live data.

Markdown itself is rendered by `portal.markdown` (shared with the mail app's program steps);
this module knows which macros exist, finds them in the source and in rendered HTML, and
builds an article's table of contents.
"""

import html
import re

import nh3

MACROS = ("ports-table", "servers")
MACRO_LINE = re.compile(r"^[ \t]*\[\[([^\]\n]*)\]\][ \t]*$", re.MULTILINE)
MACRO_PARAGRAPH = re.compile(r"<p>\[\[([a-z-]+)\]\]</p>")


def unknown_macros(source: str) -> list[tuple[int, str]]:
    """Return (line number, name) for each `[[…]]` line that is not a known macro."""
    source = (source or "").replace("\r\n", "\n").replace("\r", "\n")  # browsers send CRLF
    problems = []
    for match in MACRO_LINE.finditer(source):
        name = match.group(1).strip()
        if name not in MACROS:
            line_number = source.count("\n", 0, match.start()) + 1
            problems.append((line_number, name))
    return problems


def table_of_contents(rendered_html: str) -> list[tuple[str, str, str]]:
    """(level, id, text) for each h2/h3 in rendered HTML, in order."""
    pattern = re.compile(r'<(h[23]) id="([^"]+)">(.*?)</\1>', re.DOTALL)
    return [
        (level, anchor, html.unescape(nh3.clean(text, tags=set())))
        for level, anchor, text in pattern.findall(rendered_html)
    ]


def expand_macros(rendered_html: str, render_macro) -> str:
    """Replace each macro paragraph with `render_macro(name)` (trusted, template-rendered HTML)."""
    return MACRO_PARAGRAPH.sub(lambda match: render_macro(match.group(1)), rendered_html)


def used_macros(rendered_html: str) -> set[str]:
    return set(MACRO_PARAGRAPH.findall(rendered_html))
