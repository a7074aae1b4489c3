"""Program setup steps: staff write short Markdown with placeholders for the customer's values.

`{incoming_server}` and friends are filled in after the Markdown is rendered and sanitised, so
a value can never change the markup around it.
"""

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from django.utils.safestring import SafeString, mark_safe

from portal.markdown import render_markdown

PLACEHOLDERS = (
    "email",
    "username",
    "domain",
    "incoming_protocol",
    "incoming_server",
    "incoming_port",
    "incoming_security",
    "outgoing_server",
    "outgoing_port",
    "outgoing_security",
)
PLACEHOLDER_PATTERN = re.compile(r"\{([a-z_]+)\}")


# What a step says about encryption, in both languages. A step "claims encrypted" when it names
# SSL or TLS (a switch, a label such as SSL/TLS or STARTTLS) without turning it off, and "claims
# plain" when it says there is no encryption or turns the SSL switch off.
_TLS_WORDS = re.compile(r"\b(ssl|tls|starttls)\b", re.IGNORECASE)
_OFF_WORDS = re.compile(
    r"\b(off|untick|unticked|turn off|izklop\w*|počisti\w*|ne označite)\b", re.IGNORECASE
)
_PLAIN_WORDS = re.compile(
    r"(no encryption|without encryption|unencrypted|\bnone\b|brez šifriranja|nešifrirano)",
    re.IGNORECASE,
)
ENCRYPTED, PLAIN = "encrypted", "plain"


def security_claims(text: str) -> set[str]:
    """{"encrypted"}, {"plain"}, both (a contradiction) or neither, from a step's words."""
    claims = set()
    names_tls = bool(_TLS_WORDS.search(text or ""))
    switched_off = bool(_OFF_WORDS.search(text or ""))
    if names_tls and not switched_off:
        claims.add(ENCRYPTED)
    if _PLAIN_WORDS.search(text or "") or (names_tls and switched_off):
        claims.add(PLAIN)
    return claims


def security_mismatch(text: str, variant: str) -> bool:
    """True when a step's own words contradict the connection (`variant`) it is shown for.

    A step for both connections ("") must not name an encryption setting at all: the
    `{incoming_security}` placeholders say it with the right value for each variant.
    """
    claims = security_claims(PLACEHOLDER_PATTERN.sub(" ", text or ""))
    if not variant:
        return bool(claims)
    return bool(claims - {variant})


# Article macros (`[[ports-table]]`) are not expanded in steps: customers would see them as is.
MACRO_LIKE = re.compile(r"\[\[[^\]\n]*\]\]")


def macro_lines(text: str) -> list[int]:
    """Line numbers (from 1) of lines that hold an article macro such as [[ports-table]]."""
    return [
        number
        for number, line in enumerate((text or "").splitlines(), start=1)
        if MACRO_LIKE.search(line)
    ]


def unknown_placeholders(text: str) -> list[str]:
    return sorted(set(PLACEHOLDER_PATTERN.findall(text or "")) - set(PLACEHOLDERS))


# A tag in sanitised HTML: attribute values are always double-quoted there and may hold ">".
_TAG = re.compile(r'<(?:[^">]|"[^"]*")*>')


def fill_placeholders(rendered_html: str, values: Mapping[str, object]) -> str:
    """Replace known placeholders in already-sanitised HTML with escaped values: in text,
    highlighted (`<strong class="value">`); inside a tag (e.g. a link's title), as plain
    text escaped for an attribute, so the markup around it never changes."""

    def in_text(match: re.Match) -> str:
        name = match.group(1)
        if name not in values:
            return match.group(0)
        return f'<strong class="value">{html.escape(str(values[name]))}</strong>'

    def in_tag(match: re.Match) -> str:
        name = match.group(1)
        return html.escape(str(values[name])) if name in values else match.group(0)

    parts, position = [], 0
    for tag in _TAG.finditer(rendered_html):
        parts.append(PLACEHOLDER_PATTERN.sub(in_text, rendered_html[position : tag.start()]))
        parts.append(PLACEHOLDER_PATTERN.sub(in_tag, tag.group(0)))
        position = tag.end()
    parts.append(PLACEHOLDER_PATTERN.sub(in_text, rendered_html[position:]))
    return "".join(parts)


# Step texts are few and change rarely; rendering is pure, so each text is rendered once per
# process (bounded, so edited texts cannot grow it without limit).
_render_step_markdown = lru_cache(maxsize=1024)(render_markdown)


def render_step(text: str, values: Mapping[str, object]) -> str:
    """Markdown → sanitised HTML (`render_markdown`), then the customer's values filled in."""
    return fill_placeholders(_render_step_markdown(text), values)


@dataclass(frozen=True)
class ShownStep:
    """One step as the customer sees it: sanitised HTML and, when staff added one, an image."""

    html: SafeString
    image_url: str = ""
    image_alt: str = ""


def shown_step(text: str, values: Mapping[str, object], image_url="", image_alt="") -> ShownStep:
    # render_markdown sanitises the staff's Markdown; fill_placeholders escapes every value.
    return ShownStep(mark_safe(render_step(text, values)), image_url, image_alt)  # noqa: S308
