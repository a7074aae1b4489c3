"""The Slovenian follows the glossary: no catalogue entry and no Slovenian demo text uses a term
docs/glossary.md marks as wrong (the `code` variants in its »✗ not this« columns), and the
slips issue 14 found read correctly now."""

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "docs" / "glossary.md"
CATALOGUES = [
    ROOT / "locale" / "sl" / "LC_MESSAGES" / name for name in ("django.po", "djangojs.po")
]
CONTENT = ROOT / "portal" / "demo" / "content"
WRONG_COLUMN = "✗ not this"
CODE_SPAN = re.compile(r"`([^`]+)`")


@dataclass(frozen=True)
class WrongTerm:
    written: str  # as the glossary writes it, e.g. "gostovaln* paket*"
    pattern: re.Pattern


@dataclass(frozen=True)
class Text:
    where: str  # file and entry, for the failure message
    text: str


def term_pattern(written: str) -> re.Pattern:
    """`gostovaln* paket*` → whole words, any ending after a `*`, case-insensitive; a term
    that ends in a letter must not go on with a letter or a hyphen (»IMAP-u« is right)."""
    words = []
    for word in written.split():
        any_ending = len(word) > 1 and word.endswith("*") and word[-2].isalnum()
        stem = word[:-1] if any_ending else word
        words.append(re.escape(stem) + (r"\w*" if any_ending else ""))
    start = r"(?<![\w-])" if written[0].isalnum() else ""
    end = r"(?![\w-])" if re.sub(r"(?<=\w)\*$", "", written)[-1].isalnum() else ""
    return re.compile(start + r"\s+".join(words) + end, re.IGNORECASE)


def cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def glossary_wrong_terms(markdown: str) -> list[WrongTerm]:
    """The `code` variants in every table column headed »✗ not this«."""
    terms, column = [], None
    for line in markdown.splitlines():
        if not line.startswith("|"):
            column = None
            continue
        row = cells(line)
        if column is None:
            column = row.index(WRONG_COLUMN) if WRONG_COLUMN in row else -1
        elif column >= 0 and not set(line) <= set("|-: "):
            for written in CODE_SPAN.findall(row[column]):
                terms.append(WrongTerm(written, term_pattern(written)))
    return terms


WRONG_TERMS = glossary_wrong_terms(GLOSSARY.read_text(encoding="utf-8"))


def catalogue_texts() -> list[Text]:
    texts = []
    for path in CATALOGUES:
        for entry in polib.pofile(str(path)):
            if entry.obsolete:
                continue
            strings = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
            name = f"{path.relative_to(ROOT)}: {entry.msgid!r}"
            texts += [Text(name, string) for string in strings]
    return texts


def slovenian_strings(value, path: str, slovenian: bool = False):
    """(key path, text) for every Slovenian string in parsed TOML: keys `sl` and `*_sl`, and
    everything under them."""
    if isinstance(value, str):
        if slovenian:
            yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            inner = slovenian or key == "sl" or key.endswith("_sl")
            yield from slovenian_strings(item, f"{path}.{key}" if path else key, inner)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from slovenian_strings(item, f"{path}[{index}]", slovenian)


def article_texts(path: Path) -> list[Text]:
    raw = path.read_text(encoding="utf-8")
    _start, front, body = raw.split("+++\n", 2)
    name = str(path.relative_to(ROOT))
    texts = [
        Text(f"{name}: {key}", text) for key, text in slovenian_strings(tomllib.loads(front), "")
    ]
    slovenian_body = body.split("<!-- en -->")[0]
    return [*texts, Text(f"{name}: the Slovenian text", slovenian_body)]


def content_texts(sections: str = "all") -> list[Text]:
    """Every Slovenian text in portal/demo/content, except the search vocabulary ([search]:
    what customers type, wrong variants included). sections="programs" or "other"."""
    texts = []
    for path in sorted(CONTENT.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        data.pop("search", None)
        if sections == "programs":
            data = {"programs": data.get("programs", [])}
        elif sections == "other":
            data.pop("programs", None)
        name = str(path.relative_to(ROOT))
        texts += [Text(f"{name}: {key}", text) for key, text in slovenian_strings(data, "")]
    if sections != "programs":
        for path in sorted((CONTENT / "articles").glob("*.md")):
            texts += article_texts(path)
    return texts


def wrong_terms_in(texts: list[Text], terms: list[WrongTerm] = WRONG_TERMS) -> list[str]:
    found = []
    for text in texts:
        for term in terms:
            for match in term.pattern.finditer(text.text):
                found.append(f"{text.where}: »{match[0]}« (glossary: ✗ {term.written})")
    return found


# -- The glossary as the test reads it --------------------------------------------------------


def test_the_glossary_lists_the_company_terms_wrong_variants_for_the_test():
    written = {term.written for term in WRONG_TERMS}
    assert {"uporabnišk* cent*", "gostovaln* paket*", "ni priporočen*", "pri IMAP"} <= written
    assert "nabiralnik" not in written  # advice only: right for the letterbox by the house


@pytest.mark.parametrize(
    ("text", "caught"),
    [
        ("Prijavite se v uporabniški center.", "uporabniški center"),
        ("V uporabniškem centru poiščite paket.", "uporabniškem centru"),
        ("Opis gostovalnega paketa.", "gostovalnega paketa"),
        ("Ta možnost ni priporočena.", "ni priporočena"),
        ("Pri IMAP pošta ostane na strežniku.", "Pri IMAP"),
        ("Z IMAP vsi vidijo ista sporočila.", "Z IMAP"),
        ("Pri **Dohodna pošta** vpišite strežnik.", "Pri **"),
    ],
)
def test_a_wrong_term_is_caught_in_any_form(text, caught):
    assert wrong_terms_in([Text("example", text)]) == [
        f"example: »{caught}« (glossary: ✗ {term.written})"
        for term in WRONG_TERMS
        if term.pattern.search(text)
    ]
    assert len(wrong_terms_in([Text("example", text)])) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Pri IMAP-u pošta ostane na strežniku.",
        "Z IMAP-om vsi vidijo ista sporočila.",
        "V polje **Dohodna pošta** vpišite strežnik.",
        "Prijavite se v naročniški center Moj NEOSERV.",
        "Izpraznite nabiralnik pred hišo.",
        "Šifrirana povezava ni priporočljiva le, ko …",
        "Priporočeno: vrata 993.",
    ],
)
def test_the_right_terms_pass(text):
    assert wrong_terms_in([Text("example", text)]) == []


# -- The catalogues and the demo content ------------------------------------------------------


def test_no_slovenian_catalogue_entry_uses_a_wrong_term():
    texts = catalogue_texts()
    assert len(texts) > 700
    assert wrong_terms_in(texts) == []


def test_no_slovenian_demo_text_uses_a_wrong_term():
    texts = content_texts("other")
    assert len({text.where.split(":")[0] for text in texts}) >= 16  # articles, demo, providers…
    assert wrong_terms_in(texts) == []


def test_no_slovenian_program_step_uses_a_wrong_term():
    texts = content_texts("programs")
    assert texts
    assert wrong_terms_in(texts) == []


# -- The slips issue 14 found, as they read now -------------------------------------------------


def slovenian(msgid: str, catalogue: str = "django.po") -> str:
    path = ROOT / "locale" / "sl" / "LC_MESSAGES" / catalogue
    return polib.pofile(str(path)).find(msgid).msgstr


def demo_article(slug: str) -> str:
    return (CONTENT / "articles" / f"{slug}.md").read_text(encoding="utf-8")


def test_abbreviations_are_declined():
    assert 'summary = "Pri IMAP-u pošta ostane na strežniku in je usklajena' in demo_article(
        "kaj-je-imap"
    )
    assert slovenian(
        "Several people use this mailbox. With IMAP everyone sees the same messages and can "
        "tell which ones the others have already read or answered."
    ) == (
        "Ta poštni predal uporablja več oseb. Z IMAP-om vsi vidijo ista sporočila in vedo, "
        "katera so drugi že prebrali ali nanje odgovorili."
    )
    assert slovenian("You want your mail to stay on the server, and with IMAP it does.") == (
        "Želite, da pošta ostane na strežniku, in z IMAP-om tudi ostane."
    )


def test_no_preposition_right_before_a_quoted_label():
    assert (
        "sta v vrsticah\n   **Incoming Server** in **Outgoing Server** zapisana ime strežnika"
        in demo_article("kje-najdem-ime-streznika")
    )
    assert "Z načinom **SSL/TLS** je povezava šifrirana od prvega trenutka." in demo_article(
        "tabela-vrat"
    )


def test_the_pronoun_agrees_with_the_company():
    assert slovenian(
        "if another company looks after your mail, its help pages or its support give the settings."
    ) == (
        "če za vašo pošto skrbi drugo podjetje, nastavitve najdete na njegovih straneh s pomočjo "
        "ali pri njegovi podpori."
    )


def test_one_word_for_one_thing():
    assert slovenian("Not recommended") == "Ni priporočljivo"
    assert slovenian("not recommended") == "ni priporočljivo"
    assert slovenian("Import hosting packages") == "Uvoz paketov gostovanja"
    assert slovenian("hosting package") == "paket gostovanja"
    assert slovenian(
        "Your hosting package is not in our list, so we cannot tell its disk quota; you will "
        "find it in the customer centre Moj %(organization)s."
    ) == (
        "Vašega paketa gostovanja ni na našem seznamu, zato ne vemo, koliko prostora na disku "
        "ima; to najdete v naročniškem centru Moj %(organization)s."
    )
