import pytest

from portal.help.markup import table_of_contents, unknown_macros
from portal.markdown import render_markdown
from tests.html_checks import unsafe_markup

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[klikni](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "<iframe src=https://example.com></iframe>",
    '<svg onload="alert(1)">',
    "<style>body{display:none}</style>",
    '[x](https://example.com "a\\" onmouseover=\\"alert(1)")',
]


@pytest.mark.parametrize("payload", HOSTILE)
def test_unsafe_markup_never_reaches_the_page(payload):
    assert unsafe_markup(render_markdown(f"Besedilo\n\n{payload}\n")) == []


def test_markdown_features_staff_use_are_kept():
    rendered = render_markdown(
        "## Vrata\n\n**Pomembno:** uporabite `993`.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        "[Pomoč](https://example.si/pomoc)"
    )
    assert '<h2 id="vrata">Vrata</h2>' in rendered
    assert "<strong>Pomembno:</strong>" in rendered
    assert "<code>993</code>" in rendered
    assert "<table>" in rendered
    assert 'href="https://example.si/pomoc"' in rendered


def test_headings_get_unique_ids_for_the_table_of_contents():
    rendered = render_markdown("## Strežnik\n\n## Strežnik\n\n### Vrata")
    assert table_of_contents(rendered) == [
        ("h2", "streznik", "Strežnik"),
        ("h2", "streznik-2", "Strežnik"),
        ("h3", "vrata", "Vrata"),
    ]


def test_unknown_macros_are_reported_with_their_line():
    assert unknown_macros("Uvod\n\n[[ports-table]]\n\n[[porst-table]]\n") == [(5, "porst-table")]


def test_unknown_macros_are_found_in_text_typed_in_a_browser():
    assert unknown_macros("Uvod\r\n\r\n[[porst-table]]\r\n") == [(3, "porst-table")]


def test_table_of_contents_keeps_headings_as_written_for_the_template_to_escape():
    rendered = render_markdown('## POP3 & IMAP\n\n## <b> "quoted"')
    assert [text for _level, _anchor, text in table_of_contents(rendered)] == [
        "POP3 & IMAP",
        '<b> "quoted"',
    ]
