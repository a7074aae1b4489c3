"""Every UI string is translated into Slovenian, and the compiled catalogues match the sources."""

import gettext
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def po_entries(language: str) -> list[dict]:
    """A small reader for the .po files we write: msgid, msgid_plural, msgstr[n], flags."""
    entries, entry, field = [], {}, None
    lines = (
        (LOCALE / language / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8").splitlines()
    )
    for line in [*lines, ""]:
        if not line.strip():
            if entry.get("msgid"):
                entries.append(entry)
            entry, field = {}, None
        elif line.startswith("#,"):
            entry["flags"] = line[2:].strip()
        elif line.startswith("#"):
            continue
        elif line.startswith('"') and field:
            entry[field] += eval(line)  # noqa: S307 - a C string literal from our own .po file
        else:
            field, _space, value = line.partition(" ")
            entry[field] = eval(value)  # noqa: S307
    return entries


@pytest.mark.parametrize("language", ["sl", "en"])
def test_catalogue_has_no_fuzzy_entries(language):
    assert [e["msgid"] for e in po_entries(language) if "fuzzy" in e.get("flags", "")] == []


def test_every_string_has_a_slovenian_translation():
    untranslated = [
        e["msgid"]
        for e in po_entries("sl")
        if not all(value for key, value in e.items() if key.startswith("msgstr"))
    ]
    assert untranslated == []


def test_compiled_slovenian_catalogue_matches_its_source():
    compiled = gettext.GNUTranslations((LOCALE / "sl" / "LC_MESSAGES" / "django.mo").open("rb"))
    for entry in po_entries("sl"):
        if "msgid_plural" in entry:
            assert compiled.ngettext(entry["msgid"], entry["msgid_plural"], 1) == entry["msgstr[0]"]
        elif "msgctxt" in entry:
            assert compiled.pgettext(entry["msgctxt"], entry["msgid"]) == entry["msgstr"]
        else:
            assert compiled.gettext(entry["msgid"]) == entry["msgstr"], entry["msgid"]
