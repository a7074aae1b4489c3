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


def unknown_placeholders(text: str) -> list[str]:
    return sorted(set(PLACEHOLDER_PATTERN.findall(text or "")) - set(PLACEHOLDERS))


def fill_placeholders(rendered_html: str, values: Mapping[str, object]) -> str:
    """Replace known placeholders in already-sanitised HTML with escaped, highlighted values."""

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in values:
            return match.group(0)
        return f'<strong class="value">{html.escape(str(values[name]))}</strong>'

    return PLACEHOLDER_PATTERN.sub(replace, rendered_html)


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
