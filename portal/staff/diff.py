"""Readable differences between two versions of a record, field by field (plain values in, plain
values out; no database, no HTML: templates escape every piece of text they show).

Short one-line values are shown as "old → new". Text is compared line by line with difflib;
a changed line that has a counterpart is compared word by word, so a fixed typo is visible
without reading the whole paragraph twice.
"""

import difflib
import re
from dataclasses import dataclass, field

CONTEXT_LINES = 2
_TOKENS = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Segment:
    """A piece of a line: kind is "same", "removed" or "added"."""

    kind: str
    text: str


@dataclass(frozen=True)
class DiffLine:
    """kind: "same", "removed", "added", "changed" (segments hold the word diff) or "gap"."""

    kind: str
    old_number: int | None = None
    new_number: int | None = None
    segments: tuple[Segment, ...] = ()

    @property
    def text(self) -> str:
        return "".join(segment.text for segment in self.segments)


@dataclass(frozen=True)
class FieldChange:
    name: str
    label: str
    old: str
    new: str
    lines: tuple[DiffLine, ...] = field(default=())

    @property
    def is_text(self) -> bool:
        return bool(self.lines)


def _word_segments(old: str, new: str) -> tuple[Segment, ...]:
    old_tokens, new_tokens = _TOKENS.findall(old), _TOKENS.findall(new)
    segments = []
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(Segment("same", "".join(old_tokens[a1:a2])))
            continue
        if a2 > a1:
            segments.append(Segment("removed", "".join(old_tokens[a1:a2])))
        if b2 > b1:
            segments.append(Segment("added", "".join(new_tokens[b1:b2])))
    return tuple(segments)


def text_diff(old: str, new: str, context: int = CONTEXT_LINES) -> tuple[DiffLine, ...]:
    """Line diff with `context` unchanged lines around each change; "gap" marks skipped lines."""
    old_lines, new_lines = (old or "").splitlines(), (new or "").splitlines()
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    result: list[DiffLine] = []
    for group in matcher.get_grouped_opcodes(context):
        if result:
            result.append(DiffLine("gap"))
        for op, a1, a2, b1, b2 in group:
            if op == "equal":
                result.extend(
                    DiffLine("same", a1 + i + 1, b1 + i + 1, (Segment("same", old_lines[a1 + i]),))
                    for i in range(a2 - a1)
                )
                continue
            paired = min(a2 - a1, b2 - b1) if op == "replace" else 0
            for i in range(paired):
                result.append(
                    DiffLine(
                        "changed",
                        a1 + i + 1,
                        b1 + i + 1,
                        _word_segments(old_lines[a1 + i], new_lines[b1 + i]),
                    )
                )
            result.extend(
                DiffLine("removed", i + 1, None, (Segment("removed", old_lines[i]),))
                for i in range(a1 + paired, a2)
            )
            result.extend(
                DiffLine("added", None, i + 1, (Segment("added", new_lines[i]),))
                for i in range(b1 + paired, b2)
            )
    return tuple(result)


def compare_values(
    old: dict[str, str], new: dict[str, str], labels: dict[str, str], text_fields=()
) -> list[FieldChange]:
    """The fields (in `labels` order) whose displayed value differs between two versions."""
    changes = []
    for name, label in labels.items():
        before, after = old.get(name, ""), new.get(name, "")
        if before == after:
            continue
        is_text = name in text_fields or "\n" in before or "\n" in after
        lines = text_diff(before, after) if is_text else ()
        changes.append(FieldChange(name, label, before, after, lines))
    return changes
