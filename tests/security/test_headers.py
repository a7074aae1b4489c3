"""Security headers on every kind of response the portal sends, pages and machines alike."""

import pytest
from django.test import override_settings

from tests.autoconfig.expected import autodiscover_request
from tests.deploy.test_service_unavailable import database_down

AUTODISCOVER = "/autodiscover/autodiscover.xml"
# The only sources any directive may name: this site, nothing, or a per-response nonce.
ALLOWED_SOURCES = {"'self'", "'none'"}


@pytest.fixture
def demo(hosted, content):
    """Just what the pages below show: hosted domains, one category with one article."""
    content.article(category=content.category(slug="nastavitve"), slug="kaj-je-imap")


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def assert_secure_headers(response) -> None:
    policy = response.get("Content-Security-Policy")
    assert policy, "no Content-Security-Policy"
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    directives = csp_directives(policy)
    assert directives["frame-ancestors"] == ["'none'"]
    foreign = [
        f"{name} {source}"
        for name, sources in directives.items()
        for source in sources
        if source not in ALLOWED_SOURCES and not source.startswith("'nonce-")
    ]
    assert foreign == [], f"sources other than this site: {foreign}"
    assert "default-src" in directives
    assert response.get("X-Content-Type-Options") == "nosniff"
    assert response.get("Referrer-Policy") == "same-origin"
    assert response.get("X-Frame-Options") == "DENY"
    assert response.get("Cross-Origin-Opener-Policy") == "same-origin"


# name → (how to ask, the status that proves it is that kind of response)
RESPONSES = {
    "home (sl)": (lambda c: c.get("/"), 200),
    "home (en)": (lambda c: c.get("/en/"), 200),
    "category (sl)": (lambda c: c.get("/kategorija/nastavitve/"), 200),
    "category (en)": (lambda c: c.get("/en/category/nastavitve/"), 200),
    "article (sl)": (lambda c: c.get("/clanek/kaj-je-imap/"), 200),
    "article (en)": (lambda c: c.get("/en/article/kaj-je-imap/"), 200),
    "search (sl)": (lambda c: c.get("/iskanje/", {"q": "imap"}), 200),
    "search (en)": (lambda c: c.get("/en/search/", {"q": "imap"}), 200),
    "wizard (sl)": (lambda c: c.get("/carovnik/"), 200),
    "wizard (en)": (lambda c: c.get("/en/wizard/"), 200),
    "wizard 400 (sl)": (lambda c: c.post("/carovnik/", {"email": "@@"}), 400),
    "wizard 400 (en)": (lambda c: c.post("/en/wizard/", {"email": "@@"}), 400),
    "wizard redirect": (lambda c: c.get("/carovnik/rezultat/"), 302),
    "vote 400": (
        lambda c: c.post(
            "/clanek/kaj-je-imap/glas/",
            {"helpful": "maybe"},
            headers={"Sec-Fetch-Site": "same-origin"},
        ),
        400,
    ),
    "vote 403": (lambda c: c.post("/clanek/kaj-je-imap/glas/", {"helpful": "yes"}), 403),
    "DNS guide (sl)": (lambda c: c.get("/dns/", {"domain": "vasadomena.si"}), 200),
    "DNS guide (en)": (lambda c: c.get("/en/dns/", {"domain": "vasadomena.si"}), 200),
    "404 (sl)": (lambda c: c.get("/ni-take-strani/"), 404),
    "404 (en)": (lambda c: c.get("/en/no-such-page/"), 404),
    "autoconfig": (
        lambda c: c.get("/mail/config-v1.1.xml", {"emailaddress": "info@vasadomena.si"}),
        200,
    ),
    "autoconfig (well-known)": (
        lambda c: c.get(
            "/.well-known/autoconfig/mail/config-v1.1.xml", {"emailaddress": "info@vasadomena.si"}
        ),
        200,
    ),
    "autoconfig 400": (lambda c: c.get("/mail/config-v1.1.xml", {"emailaddress": "x"}), 400),
    "autodiscover": (
        lambda c: c.post(
            AUTODISCOVER, autodiscover_request("info@vasadomena.si"), content_type="text/xml"
        ),
        200,
    ),
    "autodiscover error": (
        lambda c: c.post(AUTODISCOVER, b"<not-xml", content_type="text/xml"),
        400,
    ),
    "autodiscover GET": (lambda c: c.get(AUTODISCOVER), 405),
    "mobileconfig": (lambda c: c.get("/mobileconfig/", {"domain": "vasadomena.si"}), 200),
    "mobileconfig 400": (lambda c: c.get("/mobileconfig/", {"domain": "@"}), 400),
    "sitemap.xml": (lambda c: c.get("/sitemap.xml"), 200),
    "robots.txt": (lambda c: c.get("/robots.txt"), 200),
    "static CSS (WhiteNoise)": (lambda c: c.get("/static/css/portal.css"), 200),
    "static SVG (WhiteNoise)": (lambda c: c.get("/static/icons/favicon.svg"), 200),
    "admin login": (lambda c: c.get("/admin/login/"), 200),
    "admin redirect": (lambda c: c.get("/admin/"), 302),
    "health live": (lambda c: c.get("/health/live/"), 200),
    "health ready": (lambda c: c.get("/health/ready/"), 200),
}


@pytest.mark.parametrize("name", RESPONSES)
def test_every_response_carries_the_security_headers(client, demo, name):
    ask, status = RESPONSES[name]
    response = ask(client)
    assert response.status_code == status
    assert_secure_headers(response)


def test_a_server_error_page_carries_them_too(client, demo, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("portal.autoconfig.guide_views.render", broken)
    client.raise_request_exception = False
    response = client.get("/dns/")
    assert response.status_code == 500
    assert_secure_headers(response)


def test_the_service_unavailable_page_carries_them_too(client, demo, monkeypatch):
    with database_down(monkeypatch):
        response = client.get("/en/article/kaj-je-imap/?fresh")
    assert response.status_code == 503
    assert_secure_headers(response)


@pytest.mark.parametrize("path", ["/health/live/", "/health/ready/"])
def test_health_checks_may_load_nothing_and_be_framed_nowhere(client, db, path):
    response = client.get(path)
    assert csp_directives(response["Content-Security-Policy"]) == {
        "default-src": ["'none'"],
        "frame-ancestors": ["'none'"],
    }
    assert response["Content-Type"] == "application/json"


def test_html_pages_allow_scripts_only_from_this_site_and_no_inline_styles(client, demo):
    directives = csp_directives(client.get("/").headers["Content-Security-Policy"])
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]


def test_the_admin_gets_a_fresh_nonce_for_its_own_scripts(client, db):
    first = csp_directives(client.get("/admin/login/")["Content-Security-Policy"])
    second = csp_directives(client.get("/admin/login/")["Content-Security-Policy"])
    assert first["script-src"][0] == "'self'"
    assert first["script-src"][1].startswith("'nonce-")
    assert first["script-src"][1] != second["script-src"][1]


PRODUCTION_HTTPS = {
    "SECURE_SSL_REDIRECT": True,
    "SECURE_HSTS_SECONDS": 31_536_000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SECURE_HSTS_PRELOAD": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
}


@override_settings(**PRODUCTION_HTTPS)
def test_with_https_on_pages_redirect_to_https_and_carry_hsts(client, demo):
    plain = client.get("/en/article/kaj-je-imap/")
    assert plain.status_code == 301
    assert plain["Location"].startswith("https://")
    secure = client.get("/en/article/kaj-je-imap/", secure=True)
    assert secure.status_code == 200
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert_secure_headers(secure)


@override_settings(**PRODUCTION_HTTPS)
@pytest.mark.parametrize(
    "path",
    [
        "/health/live/",
        "/mail/config-v1.1.xml?emailaddress=info@vasadomena.si",
        "/.well-known/autoconfig/mail/config-v1.1.xml?emailaddress=info@vasadomena.si",
    ],
)
def test_with_https_on_health_and_thunderbird_still_answer_plain_http(client, demo, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "Strict-Transport-Security" not in response  # HSTS is only sent over HTTPS
    assert response["X-Content-Type-Options"] == "nosniff"


@override_settings(**PRODUCTION_HTTPS)
def test_with_https_on_the_wizard_cookie_is_secure_and_http_only(client, demo):
    response = client.post("/en/wizard/", {"email": "info@vasadomena.si"}, secure=True)
    assert response.status_code == 302
    cookie = response.cookies["wizard"]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
