"""Parse HTML the way a browser would see its elements, to check what is really markup."""

from html.parser import HTMLParser

DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "svg", "style", "img", "form", "math"}


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {name: value or "" for name, value in attrs}))


def elements(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = _Elements()
    parser.feed(html)
    return parser.elements


def unsafe_markup(html: str) -> list[str]:
    """Every element or attribute in `html` that could run script; empty when safe."""
    problems = []
    for tag, attributes in elements(html):
        if tag in DANGEROUS_TAGS:
            problems.append(f"<{tag}>")
        for name, value in attributes.items():
            if name.startswith("on"):
                problems.append(f"<{tag} {name}>")
            if name in {"href", "src", "action", "formaction"} and value.strip().lower().startswith(
                ("javascript:", "data:", "vbscript:")
            ):
                problems.append(f"<{tag} {name}={value}>")
    return problems
