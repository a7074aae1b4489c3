"""The pure half of search: no database needed (pytest-django refuses any stray query)."""

import pytest

from portal.help.search.query import (
    MAX_TERMS,
    Term,
    build_match,
    parse_expansion,
    parse_query,
    phrase_candidates,
    query_words,
    telling_words,
    to_fts5,
    to_tsquery,
)
from portal.help.search.text import (
    Matcher,
    best_correction,
    fold,
    highlight,
    index_text,
    plain_text,
    redact,
    similarity,
    snippet,
    vocabulary,
    words,
)
from tests.html_checks import elements, unsafe_markup


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Poštni STREŽNIK", ["postni", "streznik"]),
        ("IMAP/SMTP", ["imap", "smtp"]),
        ("imap.example.si", ["imap", "example", "si"]),
        ("info@vasadomena.si", ["info", "vasadomena", "si"]),
        ("Đurđa čebelica", ["durda", "cebelica"]),
        ("  ¿¡!!  ", []),
        ("0x800CCC0E", ["0x800ccc0e"]),
    ],
)
def test_words_are_folded_and_split_on_punctuation(typed, expected):
    assert words(typed) == expected


def test_index_text_splits_what_postgresql_would_keep_whole():
    assert (
        index_text("Use IMAP/SMTP on imap.example.si:993.")
        == "Use IMAP SMTP on imap example si 993"
    )


def test_plain_text_keeps_prose_and_drops_markdown_layout_and_macros():
    markdown = (
        "## Vrata\n\n**Pomembno:** uporabite `993` in [navodila](https://example.si/x).\n\n"
        "[[ports-table]]\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- prva\n1. druga"
    )
    text = plain_text(markdown)
    assert text.startswith("Vrata Pomembno: uporabite 993 in navodila.")
    assert "ports-table" not in text
    assert "https" not in text
    assert "**" not in text
    assert "prva" in text
    assert "druga" in text
    assert "|" not in text


def test_a_long_query_is_cut_to_its_telling_words_and_says_so():
    typed = " ".join(f"beseda{chr(97 + i)}" for i in range(20)) + " " + "x" * 100
    query = parse_query(typed)
    assert len(query.terms) == MAX_TERMS
    assert query.shortened
    assert "x" * 40 in query.terms  # the longest word is kept, cut to 40 characters
    assert parse_query("kaj je imap").shortened is False


def test_similarity_matches_pg_trgm():
    # SELECT similarity('tunderbird', 'thunderbird') → 0.64285713 in PostgreSQL 15.
    assert similarity("tunderbird", "thunderbird") == pytest.approx(9 / 14)
    assert similarity("word", "word") == 1.0
    assert similarity("abc", "xyz") == 0.0


def test_best_correction_prefers_the_most_similar_known_word():
    candidates = [("thunderbolt", similarity("tunderbird", "thunderbolt"))]
    candidates.append(("thunderbird", similarity("tunderbird", "thunderbird")))
    assert best_correction("tunderbird", candidates) == "thunderbird"
    assert best_correction("thunderbird", [("thunderbird", 1.0)]) is None  # already right
    assert best_correction("imap", [("imep", 0.2)]) is None  # not similar enough
    assert best_correction("smt", [("smtp", 0.5)]) is None  # too short to guess


def test_vocabulary_skips_short_words_and_numbers():
    assert vocabulary(["Je IMAP na 993 ali POP3?"]) == {
        "imap": "imap",
        "ali": "ali",
        "pop3": "pop3",
    }


def test_vocabulary_keeps_the_spelling_with_diacritics():
    found = vocabulary(["Ne more posiljati", "Program ne more pošiljati pošte, Strežnik"])
    assert found["posiljati"] == "pošiljati"
    assert found["streznik"] == "strežnik"
    assert found["more"] == "more"


def test_phrase_candidates_are_runs_of_up_to_four_words():
    assert phrase_candidates(("geslo", "ne", "dela")) == [
        "geslo", "ne", "dela", "geslo ne", "ne dela", "geslo ne dela",
    ]  # fmt: skip


def test_build_match_expands_synonyms_and_prefixes_the_last_word():
    expansions = {"predalu": (("predal",), ("postni", "predal"))}
    match = build_match(("poln", "predalu", "ima"), expansions)
    assert match.clauses == (
        ((Term("poln"),),),
        ((Term("predalu"),), (Term("predal"),), (Term("postni"), Term("predal"))),
        ((Term("ima", prefix=True),),),
    )


def test_a_multi_word_phrase_is_one_clause_and_the_longest_phrase_wins():
    expansions = {"geslo": (("kodo",),), "geslo ne dela": (("prijava",),)}
    match = build_match(("geslo", "ne", "dela"), expansions)
    assert match.clauses == (((Term("geslo"), Term("ne"), Term("dela")), (Term("prijava"),)),)


def test_engine_syntax_for_the_same_query():
    match = build_match(("postni", "predalu", "str"), {"predalu": (("predal",),)})
    assert to_tsquery(match) == "((postni)) & ((predalu) | (predal)) & ((str:*))"
    assert to_fts5(match, ("title_sl", "body_sl")) == (
        '{title_sl body_sl} : ((("postni")) AND (("predalu") OR ("predal")) AND (("str"*)))'
    )
    assert " | " in to_tsquery(match.relaxed()).replace("(predalu) | (predal)", "")


def test_engine_syntax_refuses_anything_but_words():
    with pytest.raises(ValueError, match="not a search word"):
        to_tsquery(build_match(('x" OR "y',), {}))


def test_parse_expansion_reads_comma_separated_alternatives():
    assert parse_expansion("predal, Predala ,, poštni predal") == (
        ("predal",),
        ("predala",),
        ("postni", "predal"),
    )


def test_highlight_escapes_text_and_marks_only_matches():
    html = highlight('Poštni <script>alert("x")</script> strežnik', Matcher(frozenset({"postni"})))
    assert html.startswith("<mark>Poštni</mark> &lt;script&gt;")
    assert unsafe_markup(html) == []
    assert [tag for tag, _attributes in elements(html)] == ["mark"]


def test_prefix_matcher_marks_words_that_start_with_the_last_typed_word():
    html = highlight("IMAP in imap.example.si", Matcher(frozenset(), frozenset({"ima"})))
    assert str(html) == "<mark>IMAP</mark> in <mark>imap</mark>.example.si"


def test_snippet_is_a_window_around_the_first_match():
    text = " ".join(f"w{i}" for i in range(100)) + " Thunderbird konec"
    found = snippet(text, Matcher(frozenset({"thunderbird"})))
    assert found.startswith("… w92")
    assert "<mark>Thunderbird</mark> konec" in found
    assert snippet(text, Matcher(frozenset({"outlook"}))) is None


def test_snippet_of_hostile_text_is_escaped():
    found = snippet('<img src=x onerror="alert(1)"> geslo', Matcher(frozenset({"geslo"})))
    assert "&lt;img" in found
    assert unsafe_markup(found) == []


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("info@vasadomena.si ne dela", "ne dela"),
        ("pokličite me na 041 123 456", "pokličite me na"),
        ("napaka 0x800CCC0E na vratih 587", "napaka 0x800CCC0E na vratih 587"),
    ],
)
def test_redact_removes_addresses_and_phone_numbers(typed, kept):
    assert " ".join(redact(typed).split()) == kept


def test_fold_is_case_and_accent_insensitive():
    assert fold("ČŠŽ čšž ĆĐ") == "csz csz cd"


def test_stop_words_of_both_languages_are_not_searched_for():
    query = parse_query("The certificate is not valid, ker je potrdilo ne veljavno in to")
    assert query.terms == ("certificate", "valid", "ker", "potrdilo", "veljavno")
    # Synonym phrases are looked up among every word, stop words included.
    assert query_words("Geslo NE dela") == ("geslo", "ne", "dela")


def test_a_query_of_stop_words_only_keeps_them():
    assert parse_query("to je to").terms == ("to", "je")


@pytest.mark.parametrize(
    ("typed", "terms", "prefixed"),
    [
        ("0x800CCC0F", ("0x800ccc0f",), []),
        (
            "554 5.7.1 Relay access denied",
            ("554", "5.7.1", "relay", "access", "denied"),
            ["denied"],
        ),
        ("Napaka 550.", ("napaka", "550"), []),
        ("napaka 5.7.1", ("napaka", "5.7.1"), []),
    ],
)
def test_error_codes_are_single_exact_terms(typed, terms, prefixed):
    query = parse_query(typed)
    assert query.terms == terms
    match = build_match(query.words, {}, query.terms)
    assert [term.word for term in match.terms if term.prefix] == prefixed


def test_codes_and_long_words_are_kept_when_a_paste_is_shortened():
    words = [f"w{i}" for i in range(12)] + ["certificate", "0x800ccc0f", "ab", "5.7.1"]
    kept, left_out = telling_words(words)
    assert left_out
    assert kept == ("w0", "w1", "w2", "w10", "w11", "certificate", "0x800ccc0f", "5.7.1")


def test_a_dotted_code_is_a_phrase_for_both_engines():
    match = build_match(("5.7.1", "relay"), {})
    assert to_tsquery(match) == "((5 <-> 7 <-> 1)) & ((relay:*))"
    assert to_fts5(match, ("title_sl",)) == '{title_sl} : ((("5 7 1")) AND (("relay"*)))'


def test_a_code_is_highlighted_whole():
    html = highlight("Strežnik odgovori 554 5.7.1 Relay denied", Matcher(frozenset({"5.7.1"})))
    assert str(html) == "Strežnik odgovori 554 <mark>5.7.1</mark> Relay denied"


def test_the_shortened_search_is_shown_as_typed():
    typed = "Potrdilo za STREŽNIK " + " ".join(f"x{chr(97 + i)}" for i in range(10))
    query = parse_query(typed)
    assert query.shortened
    assert query.terms_as_typed == "potrdilo strežnik xa xb xc xd xe xf"


def test_text_beyond_the_read_length_is_left_out_and_said_so():
    query = parse_query("imap " + "x" * 495 + "yyy")
    assert query.terms == ("imap",)
    assert query.shortened
