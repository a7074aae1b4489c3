"""Hosting packages from billing as CSV: read a file, plan what it would change, write a file.

Pure functions on plain values (no database): the admin view gathers the current packages and
servers, calls `plan_import()`, shows the plan as a dry run, and applies it only when no row is
rejected. Importing never deletes: a package missing from the file is left alone.

The format, for import and export: UTF-8 (a byte-order mark is allowed), a header row, then
one package per row:

    domain,plan,quota_mb,server
    čebelica.si,Gostovanje Pro,20000,streznik2.avant.si

Domains may be written in either form (`čebelica.si` or `xn--ebelica-i6a.si`); the export
writes the form people read. Commas or semicolons separate values (spreadsheets set to
Slovenian save with semicolons).

Spreadsheets run a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a
formula. The export writes such a cell with an apostrophe in front (`'=…`, which spreadsheets
show as text); the import reads that form back without the apostrophe and rejects a plan that
would start with such a character in any other way (so `\t=1+1` is never cleaned up into
`=1+1`). A domain that appears on several rows rejects every one of those rows: which of them
is meant is for a person to decide.
"""

import csv
import hashlib
import io
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from portal.mail.addresses import InvalidAddress, to_ascii_domain, to_unicode_domain

COLUMNS = ("domain", "plan", "quota_mb", "server")
# Other names billing exports use for a column.
COLUMN_ALIASES = {
    "quota": "quota_mb",
    "server_hostname": "server",
    "server hostname": "server",
    "hostname": "server",
}
MAX_PLAN_LENGTH = 100
MAX_QUOTA_MB = 2_147_483_647  # PositiveIntegerField's limit

CREATE, CHANGE, UNCHANGED, REJECT = "create", "change", "unchanged", "reject"
# A cell starting with one of these is a formula to a spreadsheet.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TEXT_MARK = "'"  # how the export (and spreadsheets) mark such a cell as text
# The dry run page lists at most this many rows of each kind; the counts cover all rows.
SHOWN_ROWS = 50


class ImportFileError(ValueError):
    """The file as a whole cannot be read; the message says why, for the person uploading."""


@dataclass(frozen=True)
class PackageValues:
    domain: str  # ASCII form, as stored
    plan: str
    quota_mb: int
    server: str  # host name, ASCII, lower case

    @property
    def domain_display(self) -> str:
        return to_unicode_domain(self.domain)


@dataclass(frozen=True)
class Change:
    column: str
    old: str
    new: str


@dataclass(frozen=True)
class RowOutcome:
    line: int
    status: str
    domain: str  # as people read it (or as typed, when it is not a domain)
    values: PackageValues | None = None
    changes: tuple[Change, ...] = ()
    errors: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImportPlan:
    rows: tuple[RowOutcome, ...]
    notices: tuple[str, ...] = field(default=())

    @property
    def counts(self) -> dict[str, int]:
        tally = Counter(row.status for row in self.rows)
        return {status: tally[status] for status in (CREATE, CHANGE, UNCHANGED, REJECT)}

    @property
    def can_apply(self) -> bool:
        return bool(self.rows) and self.counts[REJECT] == 0

    @property
    def has_changes(self) -> bool:
        return self.counts[CREATE] + self.counts[CHANGE] > 0

    def _first(self, statuses: tuple[str, ...]) -> tuple[RowOutcome, ...]:
        return tuple(row for row in self.rows if row.status in statuses)[:SHOWN_ROWS]

    @property
    def rejected_rows_shown(self) -> tuple[RowOutcome, ...]:
        return self._first((REJECT,))

    @property
    def changed_rows_shown(self) -> tuple[RowOutcome, ...]:
        return self._first((CREATE, CHANGE))

    @property
    def fingerprint(self) -> str:
        """Identifies exactly what applying would write; compared again before applying."""
        digest = hashlib.sha256()
        for row in self.rows:
            values = row.values
            parts = [row.status, str(row.line)]
            if values:
                parts += [values.domain, values.plan, str(values.quota_mb), values.server]
            parts += [f"{c.column}:{c.old}>{c.new}" for c in row.changes]
            digest.update("\x1f".join(parts).encode() + b"\x1e")
        return digest.hexdigest()


def _decode(data: bytes) -> str:
    if not data.strip():
        raise ImportFileError(_("The file is empty."))
    if b"\x00" in data:
        raise ImportFileError(_("This is not a CSV file: it contains binary data."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _(
                "The file is not UTF-8 text (problem at byte %(position)d). Save it from the "
                "spreadsheet as “CSV UTF-8”."
            )
            % {"position": error.start + 1}
        ) from error


def _delimiter(first_line: str) -> str:
    counts = {delimiter: first_line.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def read_rows(data: bytes) -> tuple[list[tuple[int, dict[str, str] | list[str]]], list[str]]:
    """Decode and split the file: ([(line number, {column: text} or the raw values)], notices).

    A row whose number of values does not match the header is returned as its raw list.
    Raises ImportFileError when the file as a whole is unusable.
    """
    text = _decode(data)
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text.split("\n", 1)[0]))
    try:
        header = next(reader)
    except (csv.Error, StopIteration) as error:
        raise ImportFileError(_("This is not a readable CSV file.")) from error
    names = [COLUMN_ALIASES.get(name.strip().lower(), name.strip().lower()) for name in header]
    missing = [column for column in COLUMNS if column not in names]
    if missing:
        raise ImportFileError(
            _(
                "The first row must name the columns %(expected)s; missing: %(missing)s. "
                "(Found: %(found)s.)"
            )
            % {
                "expected": ", ".join(COLUMNS),
                "missing": ", ".join(missing),
                "found": ", ".join(header) or "—",
            }
        )
    repeated = sorted({name for name in names if name in COLUMNS and names.count(name) > 1})
    if repeated:
        raise ImportFileError(
            _("A column appears twice in the first row: %(columns)s.")
            % {"columns": ", ".join(repeated)}
        )
    notices = []
    ignored = [
        original for original, name in zip(header, names, strict=True) if name not in COLUMNS
    ]
    if ignored:
        notices.append(_("Ignored columns: %(columns)s.") % {"columns": ", ".join(ignored)})
    rows = []
    try:
        for values in reader:
            line = reader.line_num
            if not any(value.strip() for value in values):
                continue
            if len(values) != len(names):
                rows.append((line, values))
                continue
            rows.append((line, dict(zip(names, values, strict=True))))
    except csv.Error as error:
        raise ImportFileError(
            _("This is not a readable CSV file (line %(line)d).") % {"line": reader.line_num}
        ) from error
    if not rows:
        raise ImportFileError(_("The file has a header row but no packages."))
    return rows, notices


def _formula_error() -> str:
    return _(
        "The plan starts with a character a spreadsheet would run as a formula "
        "(=, +, -, @, a tab or a line break). Remove it, or put an apostrophe before it."
    )


def _plan(raw: str) -> tuple[str, str | None]:
    """(the plan with its whitespace tidied, an error or None). See the module's docstring."""
    marked = raw.startswith(TEXT_MARK) and raw[1:].startswith(FORMULA_START)
    if raw.startswith(FORMULA_START):
        return "", _formula_error()
    plan = " ".join((raw[1:] if marked else raw).split())
    if not plan:
        return "", _("The plan is empty.")
    if plan.startswith(FORMULA_START) and not marked:
        return "", _formula_error()
    if len(plan) > MAX_PLAN_LENGTH:
        return "", _("The plan is longer than %(limit)d characters.") % {"limit": MAX_PLAN_LENGTH}
    return plan, None


def _parse_row(
    row: dict[str, str], known_servers: Collection[str]
) -> tuple[PackageValues | None, str | None, str, list[str]]:
    """(values or None, ASCII domain or None, domain as shown, errors) for one row."""
    errors = []
    raw_domain = row["domain"].strip()
    domain, shown = None, raw_domain
    try:
        domain = to_ascii_domain(raw_domain)
        shown = to_unicode_domain(domain)
    except InvalidAddress:
        errors.append(_("“%(domain)s” is not a valid domain name.") % {"domain": raw_domain})

    plan, plan_error = _plan(row["plan"])
    if plan_error:
        errors.append(plan_error)

    quota_text = row["quota_mb"].strip()
    quota = int(quota_text) if quota_text.isascii() and quota_text.isdigit() else 0
    if not 1 <= quota <= MAX_QUOTA_MB:
        errors.append(
            _("The quota “%(quota)s” is not a whole number of megabytes (1 or more).")
            % {"quota": quota_text}
        )

    raw_server = row["server"].strip()
    try:
        server = to_ascii_domain(raw_server)
    except InvalidAddress:
        server = raw_server.lower()
    if server not in known_servers:
        errors.append(_("Unknown server “%(server)s”.") % {"server": raw_server})

    if errors:
        return None, domain, shown, errors
    return PackageValues(domain, plan, quota, server), domain, shown, []


def _changes(old: PackageValues, new: PackageValues) -> tuple[Change, ...]:
    return tuple(
        Change(column, str(getattr(old, column)), str(getattr(new, column)))
        for column in COLUMNS[1:]
        if getattr(old, column) != getattr(new, column)
    )


def plan_import(
    data: bytes, existing: Mapping[str, PackageValues], known_servers: Collection[str]
) -> ImportPlan:
    """What importing `data` would do, row by row. `existing` is keyed by ASCII domain;
    `known_servers` holds ASCII host names. Raises ImportFileError for an unusable file."""
    rows, notices = read_rows(data)
    parsed = []
    lines_of: dict[str, list[int]] = defaultdict(list)
    for line, row in rows:
        if isinstance(row, list):
            shown = row[0].strip() if row else ""
            error = _("Expected %(expected)d values, found %(found)d.") % {
                "expected": len(COLUMNS),
                "found": len(row),
            }
            parsed.append((line, None, None, shown, [error]))
            continue
        values, domain, shown, errors = _parse_row(row, known_servers)
        if domain is not None:
            lines_of[domain].append(line)
        parsed.append((line, values, domain, shown, errors))
    return ImportPlan(
        tuple(_outcome(entry, lines_of, existing) for entry in parsed), tuple(notices)
    )


def _outcome(entry, lines_of: Mapping[str, list[int]], existing) -> RowOutcome:
    line, values, domain, shown, errors = entry
    others = [other for other in lines_of.get(domain, ()) if other != line]
    if others:
        errors = [
            _("The same domain is also on line %(lines)s.")
            % {"lines": ", ".join(map(str, others))},
            *errors,
        ]
    if errors:
        return RowOutcome(line, REJECT, shown, errors=tuple(errors))
    current = existing.get(values.domain)
    if current is None:
        return RowOutcome(line, CREATE, shown, values)
    if current == values:
        return RowOutcome(line, UNCHANGED, shown, values)
    return RowOutcome(line, CHANGE, shown, values, _changes(current, values))


def spreadsheet_safe(value: object) -> str:
    """The cell as text; one a spreadsheet would run as a formula gets the text mark."""
    text = str(value)
    return TEXT_MARK + text if text.startswith(FORMULA_START) else text


def export_csv(packages: Iterable[PackageValues]) -> str:
    """The same format the import reads: header row, domains as people read them."""
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for package in packages:
        row = [package.domain_display, package.plan, package.quota_mb, package.server]
        writer.writerow([spreadsheet_safe(value) for value in row])
    return output.getvalue()
