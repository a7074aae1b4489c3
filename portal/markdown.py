"""Staff-written Markdown → safe HTML, for articles (help) and program steps (mail).

Raw HTML in the source is not passed through (markdown-it's `html` option is off) and the
result is cleaned by an allow-list sanitiser (nh3) as a second line of defence.
A shared module rather than part of either app, so that neither app imports the other for it.
"""

import nh3
from django.utils.text import slugify
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr", "kbd", "li",
    "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "h2": {"id"}, "h3": {"id"}, "th": {"scope"}}

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_markdown.enable("table")


def _heading_ids(tokens) -> None:
    """Give h2/h3 headings stable ids so articles can have a table of contents."""
    seen: dict[str, int] = {}
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag in ("h2", "h3"):
            text = tokens[index + 1].content
            base = slugify(text) or "section"
            seen[base] = seen.get(base, 0) + 1
            token.attrSet("id", base if seen[base] == 1 else f"{base}-{seen[base]}")


def normalise_source(text: str | None) -> str:
    """The form text is stored in: plain newlines (browsers send CRLF), no trailing spaces on
    a line, no blank lines at the end. Saving text a person did not change is then never a
    change. (A hard line break is written with a backslash at the end of the line.)"""
    lines = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).rstrip("\n")


def sanitise(rendered_html: str) -> str:
    return nh3.clean(
        rendered_html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


def render_markdown(source: str) -> str:
    tokens = _markdown.parse(source or "")
    _heading_ids(tokens)
    return sanitise(_markdown.renderer.render(tokens, _markdown.options, {}))
