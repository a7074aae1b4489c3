"""How search reads what customers type or paste (issue 14), on SQLite and PostgreSQL:
any length, stop words of both languages not searched for or highlighted, codes exact, the
other language as a labelled fallback both ways, corrections spelled as the articles spell
them, one search box, and searches without results counted per language in a bounded table.

`DATABASE_URL=postgres://…/portal_NAME pytest tests/help` runs them on PostgreSQL.
"""

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from portal.help.models import SearchMiss
from portal.help.search import service
from portal.help.search.service import Outcome, search_help

# What Thunderbird shows when the server name does not match the certificate, pasted whole
# (the "Add Security Exception" dialog): 235 characters.
THUNDERBIRD_MESSAGE = (
    "Add Security Exception: You are about to override how Thunderbird identifies this site. "
    "The certificate for mail.vasadomena.si is not valid for that server. Someone could be "
    "trying to impersonate the server and you should not continue."
)


def slugs(page) -> list[str]:
    return [result.url.rstrip("/").rsplit("/", 1)[-1] for result in page.results]


@pytest.fixture
def demo(db):
    call_command("seed_demo")


def test_the_pasted_message_is_long():
    assert len(THUNDERBIRD_MESSAGE) == 235


def test_a_whole_pasted_thunderbird_message_finds_the_certificate_article(client, demo):
    page = search_help(THUNDERBIRD_MESSAGE, "sl")
    assert page.outcome == Outcome.FOUND
    assert slugs(page)[0] == "certifikat-ne-ustreza"
    assert page.shortened
    response = client.get("/iskanje/", {"q": THUNDERBIRD_MESSAGE})
    assert response.status_code == 200
    assert "Iskanje je bilo dolgo, zato smo ga skrajšali na najpomembnejše besede" in response.text
    assert response.text.index("/clanek/certifikat-ne-ustreza/") < response.text.index(
        "search-result__category"
    )
    english = client.get("/en/search/", {"q": THUNDERBIRD_MESSAGE})
    assert "Your search was long, so we shortened it to its most telling words" in english.text
    assert "/en/article/certifikat-ne-ustreza/" in english.text


@pytest.mark.parametrize("repeat", [50, 2000])
def test_any_length_is_searched_never_refused(client, content, repeat):
    content.article(slug="imap", title_sl="Kaj je IMAP", title_en="What IMAP is")
    typed = "imap " * repeat  # 250 and 10,000 characters
    for path in ("/iskanje/", "/en/search/"):
        response = client.get(path, {"q": typed})
        assert response.status_code == 200
        assert "<mark>IMAP</mark>" in response.text
    # The box keeps what was typed, and does not cut the text a customer pastes at 200.
    assert 'maxlength="500"' in client.get("/iskanje/").text


def test_a_short_search_is_not_said_to_be_shortened(client, content):
    content.article(slug="imap", title_sl="Kaj je IMAP")
    assert "skrajšali" not in client.get("/iskanje/", {"q": "kaj je imap"}).text


@pytest.mark.parametrize(
    ("language", "typed", "marked", "never_marked"),
    [
        ("en", "the certificate is not valid, it must be replaced", 5, ["The", "not", "be", "is"]),
        ("sl", "potrdilo je in ne velja", 3, ["je", "in", "ne"]),
    ],
)
def test_stop_words_are_not_highlighted(content, language, typed, marked, never_marked):
    content.article(
        slug="potrdilo",
        title_sl="Potrdilo",
        summary_sl="Potrdilo je potekel in ne velja več, je treba zamenjati.",
        title_en="Certificate",
        summary_en="The certificate is not valid: it must be replaced, it cannot be used.",
    )
    result = search_help(typed, language).results[0]
    html = str(result.title) + str(result.snippet)
    assert html.count("<mark>") == marked
    for word in never_marked:
        assert f"<mark>{word}</mark>" not in html


@pytest.fixture
def codes(content):
    category = content.category()
    return [
        content.article(category, slug="relay", title_sl="Relay", body_sl="554 5.7.1 Relay denied"),
        content.article(
            category,
            slug="stevilke",
            title_sl="Čas",
            body_sl="Vrata 25, po 5 minutah, 7 dni, 1 ura",
        ),
        content.article(category, slug="koda-12", title_sl="Druga", body_sl="Napaka 5.7.12"),
        content.article(category, slug="vrata-25", title_sl="Vrata", body_sl="0x800CCC0F ali 550"),
        content.article(category, slug="drugo", title_sl="Drugo", body_sl="0x800CCC0E in 5500"),
    ]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("5.7.1", ["relay"]),  # not "5, 7, 1" apart, not 5.7.12
        ("554 5.7.1", ["relay"]),
        ("0x800CCC0F", ["vrata-25"]),  # not 0x800CCC0E
        ("550", ["vrata-25"]),  # not 5500: a code is never a prefix
    ],
)
def test_error_codes_are_found_exactly(codes, typed, expected):
    assert slugs(search_help(typed, "sl")) == expected


def test_a_code_is_highlighted_whole(client, codes):
    assert "554 <mark>5.7.1</mark> Relay" in client.get("/iskanje/", {"q": "5.7.1"}).text


@pytest.fixture
def password(content):
    return content.article(
        content.category("tezave", name_sl="Težave", name_en="Problems"),
        slug="geslo",
        title_sl="Prijava ni uspela",
        title_en="Authentication failed",
        body_sl="Ponastavite geslo v cPanelu.",
        body_en="Reset the password in cPanel.",
    )


def test_english_search_falls_back_to_slovenian_articles_labelled(client, password):
    page = search_help("geslo", "en")
    assert page.outcome == Outcome.FOUND
    assert page.in_other_language
    assert page.results_language == "sl"
    assert page.results[0].url == "/clanek/geslo/"
    html = client.get("/en/search/", {"q": "geslo"}).text
    assert "Results in Slovenian." in html
    assert '<ol class="search-results" lang="sl">' in html
    assert 'href="/clanek/geslo/" hreflang="sl"' in html
    assert "<mark>geslo</mark>" in html


def test_slovenian_search_falls_back_to_english_articles_labelled(client, password):
    html = client.get("/iskanje/", {"q": "password"}).text
    assert "Rezultati v angleščini." in html
    assert '<ol class="search-results" lang="en">' in html
    assert 'href="/en/article/geslo/" hreflang="en"' in html


def test_own_language_results_carry_no_other_language_label(client, password):
    html = client.get("/en/search/", {"q": "password"}).text
    assert '<ol class="search-results">' in html
    assert "Results in Slovenian." not in html


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("ne more posiljti", "ne more pošiljati"),
        ("postni streznk", "postni strežnik"),
        ("Racunalnk", "računalnik"),
    ],
)
def test_a_correction_is_shown_as_the_articles_spell_it(client, content, typed, shown):
    content.article(
        slug="posiljanje",
        title_sl="Program ne more pošiljati",
        body_sl="Poštni strežnik zavrne pošto, ko računalnik ni prijavljen.",
    )
    page = search_help(typed, "sl")
    assert slugs(page) == ["posiljanje"]
    assert page.corrected_query == shown
    assert f"<strong>{shown}</strong>" in client.get("/iskanje/", {"q": typed}).text


def test_a_correction_learns_the_spelling_from_a_later_article(content):
    content.article(slug="brez", title_sl="Posiljati brez kljukic")  # typed without č, š, ž
    content.article(slug="s-kljukicami", title_sl="Pošiljati s kljukicami")
    assert search_help("posiljti", "sl").corrected_query == "pošiljati"


def test_a_match_deep_in_a_long_body_gets_a_snippet_around_it(content):
    filler = " ".join(f"beseda{chr(97 + n % 26)}" for n in range(400))
    content.article(
        slug="dolgo", title_sl="Dolgo", summary_sl="", body_sl=f"{filler} Kvarkadabra konec."
    )
    found = search_help("kvarkadabra", "sl").results[0].snippet
    assert found.startswith("… ")
    assert "<mark>Kvarkadabra</mark> konec." in found
    assert len(found) < 400


@pytest.mark.parametrize(
    "path",
    ["/iskanje/", "/iskanje/?q=geslo", "/iskanje/?q=kvantni", "/iskanje/?q=%21%21", "/en/search/"],
)
def test_the_search_page_has_one_search_box(client, password, path):
    html = client.get(path).text
    assert html.count('type="search"') == 1
    assert html.count('role="search"') == 1
    assert 'id="search-query"' in html
    assert '<label class="form-label" for="search-query">' in html


def test_other_pages_keep_the_search_box_in_the_header(client, password):
    html = client.get("/clanek/geslo/").text
    assert html.count('type="search"') == 1
    assert 'id="site-search"' in html


def test_misses_are_counted_per_language_and_normalised(password):
    search_help("The KVANTNI   štedilnik is not here!", "en")
    search_help("kvantni stedilnik", "en")
    search_help("kvantni štedilnik je", "sl")
    misses = {(m.query, m.language): m.count for m in SearchMiss.objects.all()}
    assert misses == {("kvantni stedilnik", "en"): 2, ("kvantni stedilnik", "sl"): 1}


def test_a_long_miss_is_stored_by_its_telling_words(password):
    search_help("Zzqx " * 10 + "Wwwzzz 0x800DEAD1 vvvv", "sl")
    assert SearchMiss.objects.get().query == "zzqx wwwzzz 0x800dead1 vvvv"


def test_junk_cannot_grow_the_misses_without_limit(password, monkeypatch):
    monkeypatch.setattr(service, "MAX_SEARCH_MISSES", 3)
    search_help("kvantni stedilnik", "sl")
    search_help("kvantni stedilnik", "sl")  # recurs: counted twice
    for number in range(6):
        search_help(f"smeti{chr(97 + number)}", "sl")
    kept = {(m.query, m.count) for m in SearchMiss.objects.all()}
    # The recurring search stays; each new junk query replaced the oldest junk.
    assert kept == {("kvantni stedilnik", 2), ("smetie", 1), ("smetif", 1)}


def test_pruning_drops_the_least_counted_then_the_oldest(db, monkeypatch):
    monkeypatch.setattr(service, "MAX_SEARCH_MISSES", 2)
    long_ago = timezone.now() - timezone.timedelta(days=30)
    SearchMiss.objects.create(query="star pogost", count=9, last_seen=long_ago)
    SearchMiss.objects.create(query="star redek", count=1, last_seen=long_ago)
    service.record_miss("nov", "sl")
    assert set(SearchMiss.objects.values_list("query", flat=True)) == {"star pogost", "nov"}


def test_a_search_of_more_than_four_words_is_not_spell_corrected(content):
    content.article(slug="thunderbird", title_sl="Thunderbird", body_sl="Odprite Thunderbird.")
    short = search_help("tunderbird", "sl")
    assert short.corrected_query == "thunderbird"
    pasted = search_help("tunderbird kvarkadabra vrtavka skodelica metulj", "sl")
    assert pasted.corrected_query == ""
    assert pasted.outcome == Outcome.NOTHING


@pytest.mark.parametrize("size", [1, 200])
def test_a_long_paste_costs_a_bounded_number_of_queries(
    content, size, django_assert_max_num_queries
):
    category = content.category()
    for number in range(size):
        content.article(
            category,
            slug=f"clanek-{number}",
            title_sl=f"Thunderbird in potrdilo {number}",
            body_sl="Server certificate for Thunderbird.",
        )
    # Synonyms, every word in Slovenian, in English, any word, the shown articles: no
    # spelling help for a search of eight words; plus the programs' names (a program named in
    # the search) and the footer's support contact.
    with django_assert_max_num_queries(7):
        response = Client().get("/iskanje/", {"q": THUNDERBIRD_MESSAGE})
    assert response.status_code == 200
    assert "<mark>Thunderbird</mark>" in response.text
