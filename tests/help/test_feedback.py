"""Was this helpful? — votes in both languages, one per browser, and what staff see."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from portal.help.models import ArticleFeedback
from portal.help.votes import COOKIE

PAGES = {"sl": "/clanek/{slug}/", "en": "/en/article/{slug}/"}
VOTES = {"sl": "/clanek/{slug}/glas/", "en": "/en/article/{slug}/vote/"}
# What every current browser sends with a form posted from one of the site's own pages.
FROM_OUR_PAGE = {"Sec-Fetch-Site": "same-origin"}


def browser(**defaults) -> Client:
    """A browser on the article page (it says where its form was sent from)."""
    return Client(headers=FROM_OUR_PAGE, **defaults)


@pytest.fixture
def client():
    return browser()


@pytest.fixture
def article(content):
    return content.article(slug="kaj-je-imap", title_sl="Kaj je IMAP?", title_en="What is IMAP?")


def counts(article):
    feedback = ArticleFeedback.objects.filter(article=article).first()
    return (feedback.helpful, feedback.not_helpful) if feedback else (0, 0)


@pytest.mark.parametrize(
    ("language", "asks", "thanks"),
    [("sl", "Vam je bil članek v pomoč?", "Hvala za vaše mnenje!"),
     ("en", "Was this article helpful?", "Thank you for your feedback!")],
)  # fmt: skip
def test_a_yes_vote_is_counted_and_thanked_without_javascript(
    client, article, language, asks, thanks
):
    page = client.get(PAGES[language].format(slug=article.slug)).text
    assert asks in page
    assert f'action="{VOTES[language].format(slug=article.slug)}"' in page
    assert 'name="csrfmiddlewaretoken"' not in page  # the same page for everyone

    response = client.post(VOTES[language].format(slug=article.slug), {"helpful": "yes"})
    assert response.status_code == 303
    assert response["Location"] == PAGES[language].format(slug=article.slug) + "?feedback#feedback"
    assert counts(article) == (1, 0)

    after = client.get(response["Location"]).text
    assert thanks in after
    assert 'name="helpful"' not in after  # the form is gone for this browser


@pytest.mark.parametrize(
    ("language", "sorry"),
    [("sl", "Žal nam je, da vam članek ni pomagal."),
     ("en", "We are sorry this article did not help.")],
)  # fmt: skip
def test_a_no_vote_offers_the_wizard_and_support(client, article, support_contact, language, sorry):
    response = client.post(
        VOTES[language].format(slug=article.slug), {"helpful": "no"}, follow=True
    )
    assert counts(article) == (0, 1)
    html = response.text
    assert sorry in html
    wizard = "/carovnik/" if language == "sl" else "/en/wizard/"
    assert f'<a href="{wizard}">' in html
    feedback = html.split('id="feedback"')[1].split("</section>")[0]
    email = "pomoc@neoserv.si" if language == "sl" else "help@neoserv.si"
    assert f'<a href="mailto:{email}">{email}</a>' in feedback
    assert '<a href="tel:+38612345678">+386 1 234 56 78</a>' in feedback


def test_one_vote_per_browser_per_article(client, article, content):
    url = VOTES["sl"].format(slug=article.slug)
    client.post(url, {"helpful": "yes"})
    again = client.post(url, {"helpful": "no"}, follow=True)
    assert counts(article) == (1, 0)
    assert "Ta članek ste že ocenili." in again.text
    # The same browser may still vote on another article; another browser on this one.
    other = content.article(slug="drugi")
    client.post(VOTES["sl"].format(slug=other.slug), {"helpful": "no"})
    assert counts(other) == (0, 1)
    browser().post(url, {"helpful": "no"})
    assert counts(article) == (1, 1)


def test_the_vote_cookie_holds_only_signed_article_ids(client, article):
    client.post(VOTES["sl"].format(slug=article.slug), {"helpful": "yes"})
    cookie = client.cookies[COOKIE]
    assert cookie.value.split(":")[0] == str(article.pk)
    assert cookie["httponly"]
    # A cookie edited by hand is ignored rather than trusted (or crashing the page).
    client.cookies[COOKIE] = f"{article.pk}:forged"
    assert 'name="helpful"' in client.get(PAGES["sl"].format(slug=article.slug)).text


@pytest.mark.parametrize("answer", ["", "maybe", "yes'); DROP TABLE x;--"])
def test_a_vote_without_a_valid_answer_is_a_clear_400(client, article, answer):
    response = client.post(VOTES["sl"].format(slug=article.slug), {"helpful": answer})
    assert response.status_code == 400
    assert "Odgovorite z »Da« ali »Ne«." in response.text
    assert counts(article) == (0, 0)


def test_voting_needs_post(article):
    assert browser().get(VOTES["sl"].format(slug=article.slug)).status_code == 405
    assert counts(article) == (0, 0)


@pytest.mark.parametrize(
    "headers",
    [{"Sec-Fetch-Site": "cross-site"},
     {"Sec-Fetch-Site": "same-site"},
     {"Origin": "https://napadalec.example"},
     {"Origin": "null"},
     {"Referer": "https://napadalec.example/stran/"},
     {}],
    ids=["cross-site", "same-site", "other-origin", "null-origin", "other-referer", "nothing"],
)  # fmt: skip
def test_a_vote_sent_from_another_site_is_refused_with_a_clear_403(article, headers):
    response = Client(headers=headers).post(
        VOTES["sl"].format(slug=article.slug), {"helpful": "no"}
    )
    assert response.status_code == 403
    assert "Vaš glas ni bil upoštevan: glasujte neposredno na strani članka." in response.text
    assert COOKIE not in response.cookies
    assert counts(article) == (0, 0)


@pytest.mark.parametrize(
    "headers",
    [{"Origin": "http://testserver"},
     {"Referer": "http://testserver/clanek/kaj-je-imap/"},
     {"Origin": "https://pomoc.example.si"}],
    ids=["own-origin", "own-referer", "trusted-origin"],
)  # fmt: skip
def test_a_browser_without_sec_fetch_site_votes_from_our_own_origin(article, settings, headers):
    settings.CSRF_TRUSTED_ORIGINS = ["https://pomoc.example.si"]
    response = Client(headers=headers).post(
        VOTES["sl"].format(slug=article.slug), {"helpful": "no"}
    )
    assert response.status_code == 303
    assert counts(article) == (0, 1)


def test_votes_on_unknown_or_unpublished_articles_are_404(client, content):
    content.article(slug="osnutek", published=False)
    assert client.post("/clanek/osnutek/glas/", {"helpful": "yes"}).status_code == 404
    assert client.post("/clanek/ni-ga/glas/", {"helpful": "yes"}).status_code == 404


def test_ratio_is_the_share_of_yes_votes(article):
    feedback = ArticleFeedback(article=article)
    assert feedback.ratio is None
    feedback.helpful, feedback.not_helpful = 3, 1
    assert feedback.ratio == 0.75


def test_staff_see_the_ratio_per_article_worst_first(client, content):
    for slug, yes, no in [("dober", 9, 1), ("slab", 1, 3), ("srednji", 1, 1), ("brez", 0, 0)]:
        ArticleFeedback.objects.create(
            article=content.article(slug=slug, title_sl=slug.capitalize()),
            helpful=yes,
            not_helpful=no,
        )
    admin = get_user_model().objects.create_superuser("urednica", "u@example.si", "x")
    client.force_login(admin)
    html = client.get("/admin/help/articlefeedback/").text
    order = [html.index(f">{title}<") for title in ("Slab", "Srednji", "Dober", "Brez")]
    assert order == sorted(order)
    assert "25%" in html
    assert "90%" in html


def test_the_vote_form_adds_no_queries_to_the_article_page(
    client, article, django_assert_max_num_queries
):
    client.post(VOTES["sl"].format(slug=article.slug), {"helpful": "yes"})
    # The article with its category, related articles, and the support contact.
    with django_assert_max_num_queries(3):
        assert client.get(PAGES["sl"].format(slug=article.slug)).status_code == 200


def test_a_client_dropping_its_cookie_cannot_stuff_votes_and_still_sees_thanks(article, settings):
    settings.PORTAL_VOTE_RATE = "5/d"
    url = VOTES["en"].format(slug=article.slug)
    for _ in range(50):  # a fresh browser (no vote cookie) each time, from the same address
        visitor = browser()
        response = visitor.post(url, {"helpful": "no"})
        assert response.status_code == 303
        assert "We are sorry this article did not help." in visitor.get(response["Location"]).text
    assert counts(article) == (0, 5)


def test_the_vote_limit_is_per_address_and_article(content, article, settings):
    settings.PORTAL_VOTE_RATE = "2/d"
    other = content.article(slug="kaj-je-pop3")
    for address in ("198.51.100.7", "198.51.100.7", "198.51.100.7", "203.0.113.9"):
        for voted_on in (article, other):
            browser(REMOTE_ADDR=address).post(
                VOTES["sl"].format(slug=voted_on.slug), {"helpful": "yes"}
            )
    assert counts(article) == (3, 0)  # two from the first address, one from the second
    assert counts(other) == (3, 0)
