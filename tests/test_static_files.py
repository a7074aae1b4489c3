"""Our stylesheet and script: colours only as variables, no UI text in the script.

What these rules mean in a browser (the labels in both languages, `[hidden]` winning over
`.btn`) is checked in tests/browser/test_static_files.py.
"""

import re
from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parent.parent / "static"
CSS = (STATIC / "css" / "portal.css").read_text(encoding="utf-8")
JS = (STATIC / "js" / "portal.js").read_text(encoding="utf-8")

# Colours written out: hex, colour functions, and the named colours a stylesheet might use.
COLOUR = re.compile(
    r"#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\("
    r"|(?<![\w-])(?:white|black|red|green|blue|yellow|orange|gray|grey|silver|navy|maroon"
    r"|purple|teal|olive|lime|aqua|fuchsia)(?![\w-])",
    re.IGNORECASE,
)


def without_comments(text: str) -> str:
    return re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL)


def root_block(css: str) -> str:
    return re.search(r":root\s*\{(.*?)\}", css, re.DOTALL).group(1)


def declared_variables(css: str) -> set[str]:
    return set(re.findall(r"(--[\w-]+)\s*:", root_block(css)))


def colours_outside_root(css: str) -> list[str]:
    css = without_comments(css)
    rest = css.replace(root_block(css), "", 1)
    return [
        line.strip()
        for line in rest.splitlines()
        if any(COLOUR.search(value) for value in re.findall(r":\s*([^;{}]+)", line))
    ]


def test_every_colour_of_the_stylesheet_is_a_variable():
    assert colours_outside_root(CSS) == []
    assert {"--ink", "--bg", "--brand", "--on-dark", "--danger-bg"} <= declared_variables(CSS)


def test_every_variable_the_stylesheet_uses_is_declared():
    used = set(re.findall(r"var\((--[\w-]+)", without_comments(CSS)))
    assert used
    assert used - declared_variables(CSS) == set()


@pytest.mark.parametrize(
    "rule",
    [
        ".badge-ok { background: #e3f3e7; }",
        ".btn { background: #fff; }",
        "mark { color: rgb(0 0 0); }",
        ".x { border: 1px solid white; }",
    ],
)
def test_the_colour_check_finds_a_colour_written_out(rule):
    assert colours_outside_root(":root { --ink: #000; }\n" + rule) == [rule]


def test_hidden_elements_stay_hidden_whatever_their_class():
    assert re.search(r"\[hidden\]\s*\{\s*display:\s*none\s*!important;?\s*\}", CSS)


def string_literals(script: str) -> list[str]:
    return [single or double for single, double in re.findall(r"'([^']*)'|\"([^\"]*)\"", script)]


def test_the_script_holds_no_ui_text():
    """Words a visitor reads come from the template (data-* attributes), in their language."""
    code = re.sub(r"^\s*//.*$", "", JS, flags=re.MULTILINE)
    literals = string_literals(code)
    assert "[data-copy]" in literals
    # Text is a capitalised word (or several); DOMContentLoaded and selectors are not.
    words = [s for s in literals if re.fullmatch(r"[A-ZČŠŽ][a-zčšž]+(?: [\wčšž]+)*[.!]?", s)]
    assert words == []
    assert not re.search(r"Kopira|Copied|Copy\b", code)


@pytest.mark.parametrize(
    ("path", "copy", "copied"), [("/", "Kopiraj", "Kopirano"), ("/en/", "Copy", "Copied")]
)
def test_every_page_carries_the_scripts_labels_in_its_language(client, db, path, copy, copied):
    html = client.get(path).content.decode()
    assert f'<body data-copy-label="{copy}" data-copied-label="{copied}">' in html
