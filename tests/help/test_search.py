"""Search behaviour, the same tests on SQLite (FTS5) and PostgreSQL (tsvector + pg_trgm).

Run them under both engines: `pytest tests/help` and
`DATABASE_URL=postgres://…/portal_helpcentre pytest tests/help`.
"""

import json

import pytest
from django.core.management import call_command
from django.test import Client

from portal.help.models import Article, SearchMiss, SearchSynonym
from portal.help.search.index import rebuild
from portal.help.search.service import Outcome, search_help
from tests.html_checks import unsafe_markup


@pytest.fixture
def library(content):
    """A small help centre; each article is the only one with the words a test looks for."""
    basics = content.category("osnove", name_sl="Osnove", name_en="Basics")
    problems = content.category("tezave", name_sl="Težave", name_en="Problems")
    return {
        "server": content.article(
            basics,
            slug="postni-streznik",
            title_sl="Kaj je poštni strežnik",
            title_en="What a mail server is",
            summary_sl="Strežnik, ki hrani vaš predal.",
            summary_en="The server that keeps your mailbox.",
            body_sl="Poštni strežnik sprejema in pošilja pošto.",
            body_en="A mail server receives and sends mail.",
        ),
        "protocols": content.article(
            basics,
            slug="protokoli",
            title_sl="Protokoli za prejemanje in pošiljanje",
            title_en="Protocols for receiving and sending",
            body_sl="Program uporablja IMAP/SMTP ali POP3.",
            body_en="Your program uses IMAP/SMTP or POP3.",
        ),
        "hostname": content.article(
            basics,
            slug="ime-gostitelja",
            title_sl="Ime gostitelja",
            title_en="Host name",
            body_sl="Vpišite imap.example.si kot dohodni strežnik.",
            body_en="Enter imap.example.si as the incoming server.",
        ),
        "thunderbird": content.article(
            basics,
            slug="thunderbird-nastavitev",
            title_sl="Nastavitev v programu Thunderbird",
            title_en="Setting up Thunderbird",
            body_sl="Odprite Thunderbird in dodajte račun.",
            body_en="Open Thunderbird and add an account.",
        ),
        "password": content.article(
            problems,
            slug="geslo",
            title_sl="Prijava ni uspela",
            title_en="Authentication failed",
            body_sl="Ponastavite geslo v cPanelu.",
            body_en="Reset the password in cPanel.",
        ),
        "mailbox": content.article(
            problems,
            slug="poln-predal",
            title_sl="Poln predal",
            title_en="Full mailbox",
            body_sl="Ko je predal poln, izbrišite stara sporočila.",
            body_en="When the mailbox is full, delete old messages.",
        ),
        "english_only": content.article(
            problems,
            slug="quota-warning",
            title_sl="Opozorilo o kvoti",
            title_en="Disk quota warning",
            body_sl="Opozorilo se pokaže, ko zmanjkuje prostora.",
            body_en="Dovecot says: Quota exceeded (mailbox for user is full).",
        ),
        "draft": content.article(
            problems,
            published=False,
            slug="osnutek",
            title_sl="Skrivnostni osnutek",
            body_sl="Zasebna beseda kvarkadabra.",
        ),
    }


def slugs(page) -> list[str]:
    return [result.url.rstrip("/").rsplit("/", 1)[-1] for result in page.results]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("postni", "postni-streznik"),  # finds "poštni"
        ("streznik", "postni-streznik"),  # finds "strežnik"
        ("POŠTNI Strežnik", "postni-streznik"),
        ("kaj je postni str", "postni-streznik"),  # the last word is a prefix
    ],
)
def test_search_ignores_case_and_slovenian_diacritics(library, typed, expected):
    page = search_help(typed, "sl")
    assert page.outcome == Outcome.FOUND
    assert slugs(page)[0] == expected


@pytest.mark.parametrize("language", ["sl", "en"])
def test_imap_is_found_inside_imap_smtp_and_host_names(library, language):
    found = slugs(search_help("imap", language))
    assert {"protokoli", "ime-gostitelja"} <= set(found)


def test_a_typo_is_caught_by_the_fallback_and_the_correction_is_shown(library):
    page = search_help("tunderbird", "sl")
    assert page.outcome == Outcome.FOUND
    assert slugs(page) == ["thunderbird-nastavitev"]
    assert page.corrected_query == "thunderbird"


def test_a_typo_is_caught_in_english_too(library):
    page = search_help("pasword", "en")
    assert slugs(page) == ["geslo"]
    assert page.corrected_query == "password"


def test_spelling_help_never_reveals_words_of_unpublished_articles(library):
    page = search_help("kvarkadabro", "sl")
    assert page.outcome == Outcome.NOTHING
    assert page.corrected_query == ""


def test_title_matches_rank_above_body_matches(content):
    category = content.category()
    content.article(category, slug="v-besedilu", title_sl="Navodila", body_sl="Tudi Outlook.")
    content.article(category, slug="v-naslovu", title_sl="Outlook", body_sl="Navodila.")
    content.article(category, slug="v-povzetku", title_sl="Drugo", summary_sl="Za Outlook.")
    assert slugs(search_help("outlook", "sl")) == ["v-naslovu", "v-povzetku", "v-besedilu"]


def test_results_show_highlighted_escaped_snippets(content):
    content.article(
        slug="html",
        title_sl="Poštni <b>strežnik</b>",
        summary_sl="",
        body_sl='Če vidite <img src=x onerror="alert(1)">, je poštni strežnik v redu.',
    )
    result = search_help("postni", "sl").results[0]
    assert str(result.title) == "<mark>Poštni</mark> &lt;b&gt;strežnik&lt;/b&gt;"
    assert "<mark>poštni</mark>" in result.snippet
    assert "&lt;img" in result.snippet
    assert unsafe_markup(result.title + result.snippet) == []


def test_each_language_searches_its_own_text_first(library):
    assert slugs(search_help("receives", "en")) == ["postni-streznik"]
    assert search_help("receives", "en").results_language == "en"
    # "strežnik" is only in the Slovenian text: found there, and labelled as Slovenian.
    in_english = search_help("strežnik", "en")
    assert in_english.results_language == "sl"
    assert in_english.results[0].url == "/clanek/postni-streznik/"
    assert slugs(search_help("strežnik", "sl"))[0] == "postni-streznik"


def test_english_search_falls_back_to_slovenian_text_of_untranslated_articles(content):
    content.article(slug="samo-slovensko", title_en="", body_en="", body_sl="Čebelica.")
    assert slugs(search_help("cebelica", "en")) == ["samo-slovensko"]


def test_a_slovenian_search_with_no_slovenian_result_offers_english_results(library):
    page = search_help("dovecot quota exceeded", "sl")
    assert page.outcome == Outcome.FOUND
    assert page.in_other_language
    assert page.results_language == "en"
    assert page.results[0].url == "/en/article/quota-warning/"
    assert page.results[0].title == "Disk <mark>quota</mark> warning"


def test_unpublished_articles_are_never_found(library):
    assert search_help("skrivnostni", "sl").outcome == Outcome.NOTHING


def test_staff_synonym_phrase_leads_to_its_article(library):
    SearchSynonym.objects.create(phrase="Geslo ne dela", article=library["password"])
    page = search_help("geslo ne dela", "sl")
    assert slugs(page)[0] == "geslo"
    # The phrase inside a longer search still brings the article first.
    assert slugs(search_help("moje geslo ne dela na telefonu", "sl"))[0] == "geslo"


def test_synonym_expansion_covers_slovenian_word_forms(library):
    assert search_help("prazen predalu", "sl").outcome == Outcome.NOTHING
    SearchSynonym.objects.create(phrase="predalu", expansion="predal, predala")
    page = search_help("predalu poln", "sl")
    assert slugs(page)[0] == "poln-predal"
    assert "<mark>predal</mark>" in page.results[0].snippet


def test_a_synonym_for_an_unpublished_article_is_ignored(library):
    SearchSynonym.objects.create(phrase="skrivnost", article=library["draft"])
    assert search_help("skrivnost", "sl").outcome == Outcome.NOTHING


def test_partial_matches_when_no_article_has_every_word(library):
    page = search_help("thunderbird zebra", "sl")
    assert page.partial
    assert slugs(page) == ["thunderbird-nastavitev"]


def test_the_index_follows_edits_renames_and_deletes(library):
    article = library["thunderbird"]
    article.title_sl, article.title_en = "Nastavitev v programu Evolution", "Evolution"
    article.body_sl, article.body_en = "Odprite Evolution.", "Open Evolution."
    article.slug = "evolution"
    article.save()
    assert slugs(search_help("evolution", "sl")) == ["evolution"]
    assert "evolution" not in slugs(search_help("thunderbird", "sl"))
    Article.objects.filter(pk=article.pk).delete()
    assert search_help("evolution", "sl").outcome == Outcome.NOTHING


def test_rebuild_indexes_rows_written_in_bulk(content):
    category = content.category()
    Article.objects.bulk_create(
        Article(category=category, slug=f"bulk-{i}", title_sl=f"Hrošč {i}", published=True)
        for i in range(3)
    )
    assert search_help("hrosc", "sl").outcome == Outcome.NOTHING
    assert rebuild() == 3
    assert len(search_help("hrosc", "sl").results) == 3


def test_zero_result_searches_are_counted_normalised_and_without_personal_data(library):
    search_help("  Kvantni   ŠTEDILNIK ", "sl")
    search_help("kvantni štedilnik", "en")
    search_help("kvantni stedilnik jan@kvark.com 041 123 456", "sl")
    misses = {(miss.query, miss.language): miss.count for miss in SearchMiss.objects.all()}
    assert misses == {("kvantni stedilnik", "sl"): 2, ("kvantni stedilnik", "en"): 1}
    search_help("postni", "sl")
    search_help("!!!", "sl")
    assert SearchMiss.objects.count() == 2


def test_last_seen_moves_forward(library):
    search_help("kvantni", "sl")
    first = SearchMiss.objects.get().last_seen
    search_help("kvantni", "sl")
    assert SearchMiss.objects.get().last_seen >= first


@pytest.mark.parametrize(
    ("path", "text", "status"),
    [
        ("/iskanje/?q=strežnik", "<mark>strežnik</mark>", 200),
        ("/en/search/?q=server", "<mark>server</mark>", 200),
        ("/iskanje/?q=tunderbird", "<strong>thunderbird</strong>", 200),
        ("/iskanje/?q=dovecot", "Rezultati v angleščini", 200),
        ("/iskanje/?q=kvantni", "Noben članek se ne ujema z iskanjem", 200),
        ("/en/search/?q=quantum", "No articles match", 200),
        ("/iskanje/", "Vpišite vprašanje", 200),
        ("/iskanje/?q=%20%20", "Vpišite vprašanje", 200),
        ("/iskanje/?q=" + "a" * 201, "Noben članek se ne ujema z iskanjem", 200),
        ("/en/search/?q=" + "imap " * 300, "<mark>IMAP</mark>", 200),
        ("/iskanje/?q=%21%3F%24%25", "ni besed ali številk", 400),
        ("/iskanje/?q=%00imap%00", "<mark>IMAP</mark>", 200),
        ("/iskanje/?q=%22%29%28%2A%3A%26%7C%21", "ni besed ali številk", 400),
        ("/iskanje/?q=imap%20OR%20NOT%20%22x%22*", "<mark>IMAP</mark>", 200),
    ],
)
def test_search_page_in_both_languages_never_fails(client, library, path, text, status):
    response = client.get(path)
    assert response.status_code == status
    assert text in response.text


def test_search_page_keeps_what_was_typed_escaped(client, library):
    typed = '<script>alert("x")</script>' + "z" * 200
    html = client.get("/iskanje/", {"q": typed}).text
    assert 'value="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;zzz' in html
    assert '<script>alert("x")' not in html


def test_search_results_are_not_indexed_by_search_engines(client, library):
    assert '<meta name="robots" content="noindex, follow">' in client.get("/iskanje/?q=imap").text


def test_every_page_has_a_search_box_that_works_without_javascript(client, library):
    html = client.get("/clanek/geslo/").text
    assert 'role="search"' in html
    assert 'action="/iskanje/"' in html
    assert 'name="q"' in html
    assert 'action="/en/search/"' in client.get("/en/").text


@pytest.mark.parametrize("size", [1, 500])
@pytest.mark.parametrize(
    ("typed", "budget"),
    [
        ("postni", 4),  # synonyms, match, the articles; the programs' names
        ("tunderbird", 7),  # + English, spelling, corrected match
        ("kvantni stedilnik", 9),  # + any word, then the miss is counted (update, insert)
    ],
)
def test_search_page_queries_do_not_grow_with_the_number_of_articles(
    content, size, typed, budget, django_assert_max_num_queries
):
    category = content.category()
    for number in range(size):
        content.article(
            category,
            slug=f"clanek-st-{number}",
            title_sl=f"Poštni predal {number}",
            body_sl="Poštni strežnik in Thunderbird.",
        )
    with django_assert_max_num_queries(budget + 1):  # and the support contact in the footer
        response = Client().get("/iskanje/", {"q": typed})
    assert response.status_code == 200
    assert ("<mark>" in response.text) == (budget < 9)


def test_rebuild_command_reports_what_it_indexed(library, capsys):
    call_command("rebuild_search_index")
    assert "Search index rebuilt: 8 articles." in capsys.readouterr().out
    assert slugs(search_help("postni", "sl"))[0] == "postni-streznik"


def test_articles_loaded_from_a_fixture_are_found_after_the_documented_rebuild(content, tmp_path):
    """loaddata saves rows raw; the receivers leave fixtures alone (they may carry their own
    search terms), and the documented command indexes them."""
    category = content.category()
    fixture = tmp_path / "articles.json"
    fixture.write_text(
        json.dumps(
            [
                {
                    "model": "help.article",
                    "pk": 900,
                    "fields": {
                        "category": category.pk,
                        "slug": "iz-datoteke",
                        "title_sl": "Kresnička v poštnem predalu",
                        "body_sl": "Besedilo iz datoteke.",
                        "published": True,
                        "created": "2026-01-01T00:00:00Z",
                        "updated": "2026-01-01T00:00:00Z",
                    },
                }
            ]
        )
    )
    call_command("loaddata", str(fixture), verbosity=0)
    assert search_help("kresnicka", "sl").outcome == Outcome.NOTHING
    call_command("rebuild_search_index", verbosity=0)
    assert slugs(search_help("kresnicka", "sl")) == ["iz-datoteke"]
