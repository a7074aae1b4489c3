"""The readable diff: plain values in, structured lines out (no database)."""

import pytest

from portal.help.markup_checks import malformed_macro_lines
from portal.staff.diff import Segment, compare_values, text_diff


def kinds(lines) -> list[str]:
    return [line.kind for line in lines]


def test_changed_line_is_diffed_word_by_word():
    (line,) = text_diff("Use port 587 here.", "Use port 465 here.")
    assert line.kind == "changed"
    assert (line.old_number, line.new_number) == (1, 1)
    assert Segment("removed", "587") in line.segments
    assert Segment("added", "465") in line.segments
    assert "".join(s.text for s in line.segments if s.kind != "added") == "Use port 587 here."


def test_added_and_removed_lines_keep_their_numbers():
    lines = text_diff("a\nb\nc", "a\nc\nd")
    assert [(line.kind, line.old_number, line.new_number) for line in lines] == [
        ("same", 1, 1),
        ("removed", 2, None),
        ("same", 3, 2),
        ("added", None, 3),
    ]


def test_far_apart_changes_are_separated_by_a_gap():
    old = "\n".join(f"line {n}" for n in range(1, 21))
    new = old.replace("line 2\n", "line two\n").replace("line 19", "line nineteen")
    lines = text_diff(old, new)
    assert "gap" in kinds(lines)
    assert len(lines) < 20  # unchanged middle is left out


def test_compare_values_lists_only_changed_fields_in_order():
    labels = {"title": "Title", "body": "Text", "published": "Published"}
    changes = compare_values(
        {"title": "A", "body": "x\ny", "published": "Yes"},
        {"title": "B", "body": "x\ny", "published": "No"},
        labels,
        text_fields={"body"},
    )
    assert [(c.label, c.old, c.new, c.is_text) for c in changes] == [
        ("Title", "A", "B", False),
        ("Published", "Yes", "No", False),
    ]


def test_text_fields_get_line_diffs():
    (change,) = compare_values({"body": "a"}, {"body": "b"}, {"body": "Text"}, {"body"})
    assert change.is_text
    assert kinds(change.lines) == ["changed"]


@pytest.mark.parametrize(
    ("source", "lines"),
    [
        ("[[ports-table]]\n\n[[servers]]", []),
        ("Glej [[servers]] spodaj.", [1]),
        ("a\n[[servers]\nb", [2]),
        ("a\n\n[[servers]]]", [3]),
        ("[[ servers ]]", [1]),
        ("Primer: `[[servers]]` v svoji vrstici.", []),
        ("[[neznan]]", []),  # a whole-line macro; unknown_macros() reports the name
        ("", []),
    ],
)
def test_malformed_macro_lines(source, lines):
    assert malformed_macro_lines(source) == lines
