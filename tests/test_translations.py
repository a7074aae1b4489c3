"""Every UI string is translated into Slovenian, and the compiled catalogues match the sources."""

import gettext
from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = ["sl", "en"]


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


def compiled(language: str) -> gettext.GNUTranslations:
    with (LOCALE / language / "LC_MESSAGES" / "django.mo").open("rb") as file:
        return gettext.GNUTranslations(file)


def live_entries(language: str) -> list[polib.POEntry]:
    return [entry for entry in catalogue(language) if not entry.obsolete]


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_no_fuzzy_entries(language):
    assert [entry.msgid for entry in catalogue(language).fuzzy_entries()] == []


def test_every_string_has_a_slovenian_translation():
    sl = catalogue("sl")
    assert len(sl) > 300
    assert [entry.msgid for entry in sl.untranslated_entries()] == []
    # A plural needs every one of Slovenian's four forms (1, 2, 3 or 4, 5 and more).
    plurals = [entry for entry in sl if entry.msgid_plural]
    assert plurals
    assert [e.msgid for e in plurals if len(e.msgstr_plural) != 4] == []


def lookup(translations: gettext.GNUTranslations, entry: polib.POEntry, n: int = 1) -> str:
    """What Django (through gettext) shows for the entry, with `n` for plurals."""
    if entry.msgid_plural and entry.msgctxt:
        return translations.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n)
    if entry.msgid_plural:
        return translations.ngettext(entry.msgid, entry.msgid_plural, n)
    if entry.msgctxt:
        return translations.pgettext(entry.msgctxt, entry.msgid)
    return translations.gettext(entry.msgid)


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_its_source(language):
    translations = compiled(language)
    # For each plural form, a number that selects it under the catalogue's own formula.
    number_for_form = {translations.plural(n): n for n in range(200, -1, -1)}
    mismatches = []
    for entry in live_entries(language):
        if entry.msgid_plural:
            expected = {
                number_for_form[int(form)]: text
                for form, text in entry.msgstr_plural.items()
                if text
            }
        else:
            expected = {1: entry.msgstr or entry.msgid}  # gettext falls back to the source
        for n, text in expected.items():
            if lookup(translations, entry, n) != text:
                mismatches.append((entry.msgid, n, lookup(translations, entry, n), text))
    assert mismatches == []
