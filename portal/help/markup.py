"""Staff-written Markdown → safe HTML, rendered once when an article is saved.

Raw HTML in the source is not passed through (markdown-it's `html` option is off) and the
result is cleaned by an allow-list sanitiser (nh3) as a second line of defence.
Live data comes from macros: a paragraph that is exactly `[[name]]`.
"""

import html
import re

import nh3
from django.utils.text import slugify
from markdown_it import MarkdownIt

MACROS = ("ports-table", "servers")
MACRO_LINE = re.compile(r"^[ \t]*\[\[([^\]\n]*)\]\][ \t]*$", re.MULTILINE)
MACRO_PARAGRAPH = re.compile(r"<p>\[\[([a-z-]+)\]\]</p>")

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr", "kbd", "li",
    "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "h2": {"id"}, "h3": {"id"}, "th": {"scope"}}

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_markdown.enable("table")


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


def _heading_ids(tokens) -> None:
    """Give h2/h3 headings stable ids so articles can have a table of contents."""
    seen: dict[str, int] = {}
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag in ("h2", "h3"):
            text = tokens[index + 1].content
            base = slugify(text) or "section"
            seen[base] = seen.get(base, 0) + 1
            token.attrSet("id", base if seen[base] == 1 else f"{base}-{seen[base]}")


def render_markdown(source: str) -> str:
    tokens = _markdown.parse(source or "")
    _heading_ids(tokens)
    rendered = _markdown.renderer.render(tokens, _markdown.options, {})
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


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
