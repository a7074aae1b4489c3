"""Hostile input at every form field and endpoint: never a 500, never a reflected raw value.

Values are arbitrary text (NUL, RTL and zero-width marks, template syntax, 10 000+ characters),
arbitrary bytes (invalid UTF-8, lone surrogates encoded as bytes) and injection payloads that
carry the marker `<x-inj`. Whatever the status, the raw marker must never appear in a response:
markup the visitor typed is always shown escaped. Django's test client re-raises any exception
a view lets through, so a 500 fails with its traceback.

Bounded and deterministic for CI (`derandomize=True`, a fixed number of examples per test).
tests/autoconfig/test_hostile_input.py keeps the XML-specific attacks (XXE, entity bombs, body
caps); this file throws the same generated values at every endpoint.
"""

import codecs
from urllib.parse import quote_from_bytes
from xml.etree import ElementTree as ET

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context

from portal.mail.addresses import parse_email
from tests.autoconfig.expected import AUTODISCOVER_REQUEST

MARKER = "<x-inj"
BOUNDED = settings(
    derandomize=True,
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

INJECTIONS = [
    "<x-inj>",
    '"><x-inj a="1">',
    "'><x-inj a='1'>",
    "</title><x-inj>",
    "</textarea><x-inj>",
    "--><x-inj>",
    "<x-inj onmouseover=alert(1)>",
    "javascript:<x-inj>",
    "<x-inj/src=x onerror=alert(1)>",
    "]]><x-inj>",
]
SPECIALS = [
    "\x00",
    "\u202e",  # right-to-left override
    "\u200f",  # right-to-left mark
    "\u2066",  # left-to-right isolate
    "\u200b",  # zero-width space
    "\ufeff",
    "\uffff",
    "\r\n",
    "%00",
    "%",
    "\\",
    "{{ settings.SECRET_KEY }}",
    "{% debug %}",
    "'; DROP TABLE help_article; --",
    "../../etc/passwd",
    "@",
    ".",
    "xn--",
    "čšž",
    "😀",
    "&amp;",
]
INVALID_UTF8 = [
    "\ud800".encode("utf-8", "surrogatepass"),  # a lone surrogate
    "\udfff".encode("utf-8", "surrogatepass"),
    b"\xc0\xaf",  # an overlong slash
    b"\xff\xfe\x00",
    b"\xe2\x80",  # a truncated sequence
]

special_mix = st.lists(st.sampled_from(SPECIALS) | st.text(max_size=4), max_size=6).map("".join)
injection = st.builds(
    lambda before, payload, after: before + payload + after,
    special_mix,
    st.sampled_from(INJECTIONS),
    special_mix,
)
oversized = st.builds(
    lambda unit, tail: unit * (10_001 // len(unit) + 1) + tail,
    st.text(min_size=1, max_size=3),
    st.sampled_from(INJECTIONS) | st.just(""),
)
hostile_text = st.one_of(injection, st.text(max_size=200), special_mix, oversized)
hostile_bytes = st.one_of(
    st.binary(max_size=200),
    st.lists(st.sampled_from(INVALID_UTF8) | st.binary(max_size=4), min_size=1, max_size=5).map(
        b"".join
    ),
    st.text(st.characters(categories=["Cs", "Lo", "Zs"]), max_size=20).map(
        lambda text: text.encode("utf-8", "surrogatepass")
    ),
)
hostile = st.one_of(hostile_text, hostile_text, hostile_bytes)  # text twice as often as bytes
languages = st.sampled_from(["sl", "en"])


def raw(value: str | bytes) -> bytes:
    return value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")


def query(**params: str | bytes) -> str:
    return "&".join(
        f"{name}={quote_from_bytes(raw(value), safe='')}" for name, value in params.items()
    )


def form_body(fields: dict) -> bytes:
    """An urlencoded body built by hand, so that any bytes can be sent."""
    return b"&".join(
        quote_from_bytes(raw(name), safe="").encode()
        + b"="
        + quote_from_bytes(raw(value), safe="").encode()
        for name, value in fields.items()
    )


def post_form(client, path: str, fields: dict):
    return client.post(path, form_body(fields), content_type="application/x-www-form-urlencoded")


def url(language: str, name: str, *args) -> str:
    with translation.override(language):
        return reverse(name, args=args)


def describe(*values) -> None:
    """Which kinds of hostile value an example holds (shown by --hypothesis-show-statistics)."""
    for value in values:
        data = raw(value)
        if MARKER.encode() in data:
            event("an injection payload")
        if len(data) > 10_000:
            event("over 10 000 bytes")
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            event("invalid UTF-8")


def assert_handled(response, statuses: set[int]):
    """A deliberate answer (one of `statuses`) in which nothing typed comes back as markup."""
    assert response.status_code in statuses, response.status_code
    if currently_in_test_context():
        event(f"status {response.status_code}")  # shown by --hypothesis-show-statistics
    body = response.content.decode("utf-8", "replace")
    at = body.find(MARKER)
    assert at == -1, f"raw {MARKER} reflected: …{body[max(0, at - 80) : at + 80]}…"


@pytest.fixture
def demo(db):
    call_command("seed_demo")


def wizard_client(language: str, *, email="ana@vasadomena.si", program=None) -> Client:
    """A fresh browser (own session) that has answered the steps before the one under test."""
    client = Client()
    assert post_form(client, url(language, "wizard:start"), {"email": email}).status_code == 302
    if program is not None:
        response = post_form(client, url(language, "wizard:program"), {"program": program})
        assert response.status_code == 302
    return client


VALID_USAGE = {
    "devices": "few",
    "shared": "no",
    "storage": "keep",
    "forwarded": "no",
    "volume": "medium",
}

# --- The wizard ---------------------------------------------------------------------------------

local_part_alphabet = st.sampled_from(list("aZ09čŠ") + list("!#$%&'*+-/=?^_`{|}~."))
plausible_addresses = st.builds(
    lambda local, domain: f"{local}@{domain}",
    st.text(local_part_alphabet, min_size=1, max_size=20),
    st.sampled_from(["vasadomena.si", "čebelica.si", "neznana-domena.si", "xn--ebelica-i6a.si"]),
)

plausible_domains = st.builds(
    lambda www, domain: www + domain,
    st.sampled_from(["", "www.", "WWW."]),
    st.sampled_from(["vasadomena.si", "čebelica.si", "drugadomena.si", "xn--ebelica-i6a.si"]),
)


@BOUNDED
@given(email=hostile | plausible_addresses, language=languages)
def test_wizard_email_step(demo, email, language):
    describe(email)
    client = Client()
    response = post_form(client, url(language, "wizard:start"), {"email": email})
    assert_handled(response, {302, 400})
    if response.status_code == 400:
        return
    # Accepted: the address is shown back, escaped, on the next step and on the result.
    address = parse_email(email)
    assert_handled(client.get(url(language, "wizard:program")), {200})
    post_form(client, url(language, "wizard:program"), {"program": "other"})
    post_form(client, url(language, "wizard:usage"), VALID_USAGE)
    result = client.get(url(language, "wizard:result"))
    assert_handled(result, {200})
    assert escape(address.display) in result.content.decode()


@BOUNDED
@given(
    program=hostile, extra=st.dictionaries(hostile_text, hostile, max_size=3), language=languages
)
def test_wizard_program_step(demo, program, extra, language):
    describe(program, *extra, *extra.values())
    client = wizard_client(language)
    response = post_form(client, url(language, "wizard:program"), extra | {"program": program})
    assert_handled(response, {302, 400})


@BOUNDED
@given(
    answers=st.dictionaries(st.sampled_from(list(VALID_USAGE)) | hostile_text, hostile, max_size=8),
    keep_valid=st.booleans(),
    protocol=hostile,
    language=languages,
)
def test_wizard_usage_step_and_result(demo, answers, keep_valid, protocol, language):
    describe(protocol, *answers, *answers.values())
    client = wizard_client(language, email="ana@neznana-domena.si", program="thunderbird")
    fields = (VALID_USAGE | answers) if keep_valid else answers
    response = post_form(client, url(language, "wizard:usage"), fields)
    assert_handled(response, {302, 400})
    result = client.get(f"{url(language, 'wizard:result')}?{query(protocol=protocol)}")
    assert_handled(result, {200} if response.status_code == 302 else {302})


@BOUNDED
@given(protocol=hostile, language=languages)
def test_wizard_profile_download(demo, protocol, language):
    describe(protocol)
    client = wizard_client(language)
    assert_handled(
        post_form(client, url(language, "wizard:profile"), {"protocol": protocol}), {200}
    )
    assert_handled(
        post_form(Client(), url(language, "wizard:profile"), {"protocol": protocol}), {302}
    )


# --- The help centre ----------------------------------------------------------------------------


@BOUNDED
@given(q=hostile, language=languages)
def test_search(demo, q, language):
    describe(q)
    response = Client().get(f"{url(language, 'help:search')}?{query(q=q)}")
    assert_handled(response, {200, 400})


@BOUNDED
@given(
    slug=st.sampled_from(["kaj-je-imap", "tabela-vrat"]) | hostile_text,
    helpful=st.sampled_from(["yes", "no"]) | hostile,
    extra=st.dictionaries(hostile_text, hostile, max_size=2),
    language=languages,
)
def test_vote(demo, slug, helpful, extra, language):
    describe(slug, helpful, *extra, *extra.values())
    path = url(language, "help:vote", "SLUG").replace("SLUG", quote_from_bytes(raw(slug), safe=""))
    # Sent from the article page, as a browser says (Sec-Fetch-Site), so the answer is checked.
    browser = Client(headers={"Sec-Fetch-Site": "same-origin"})
    response = post_form(browser, path, extra | {"helpful": helpful})
    assert_handled(response, {303, 400, 404})


@BOUNDED
@given(
    path=hostile,
    prefix=st.sampled_from(["/", "/en/", "/clanek/", "/en/article/", "/carovnik/", "/en/"]),
    accept_language=st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=600),
)
def test_any_path_in_either_language(demo, path, prefix, accept_language):
    describe(path)
    response = Client().get(
        prefix + quote_from_bytes(raw(path), safe="/"), headers={"accept-language": accept_language}
    )
    assert_handled(response, {200, 301, 302, 404})


# --- Machine endpoints --------------------------------------------------------------------------


@BOUNDED
@given(
    emailaddress=hostile | plausible_addresses,
    host=st.sampled_from(["autoconfig.vasadomena.si", "vasadomena.si"]) | hostile_text,
    well_known=st.booleans(),
)
def test_thunderbird_autoconfig(demo, emailaddress, host, well_known):
    describe(emailaddress, host)
    path = "/.well-known/autoconfig/mail/config-v1.1.xml" if well_known else "/mail/config-v1.1.xml"
    client = Client()
    assert_handled(client.get(f"{path}?{query(emailaddress=emailaddress)}"), {200, 400, 404})
    host_header = raw(host).decode("latin-1")  # a header is bytes on the wire
    assert_handled(client.get(path, headers={"host": host_header}), {200, 400, 404})


def autodiscover_bodies():
    address_in_xml = st.builds(
        lambda value, escaped: AUTODISCOVER_REQUEST.format(
            address=escape(value) if escaped else value
        ).encode("utf-8", "surrogatepass"),
        hostile_text | plausible_addresses,
        st.booleans(),
    )
    return st.one_of(address_in_xml, address_in_xml, hostile_bytes, hostile_text.map(raw))


@BOUNDED
@given(
    body=autodiscover_bodies(),
    content_type=st.sampled_from(["text/xml", "application/xml", "text/xml; charset=utf-8"])
    | st.sampled_from(["text/xml", "application/xml"])
    | st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=80),
    mixed_case=st.booleans(),
)
def test_outlook_autodiscover(demo, body, content_type, mixed_case):
    describe(body)
    path = "/Autodiscover/Autodiscover.xml" if mixed_case else "/autodiscover/autodiscover.xml"
    response = Client().post(path, body, content_type=content_type, CONTENT_TYPE=content_type)
    assert_handled(response, {200, 400, 404, 413, 415})
    assert "WWW-Authenticate" not in response
    ET.fromstring(response.content)  # always a well-formed XML document


@BOUNDED
@given(
    emailaddress=hostile | plausible_addresses,
    domain=hostile | st.just("vasadomena.si"),
    protocol=st.sampled_from(["imap", "pop3"]) | hostile,
    which=st.sampled_from(["emailaddress", "domain", "both"]),
)
def test_apple_profile(demo, emailaddress, domain, protocol, which):
    describe(emailaddress, domain, protocol)
    params = {"protocol": protocol}
    if which in ("emailaddress", "both"):
        params["emailaddress"] = emailaddress
    if which in ("domain", "both"):
        params["domain"] = domain
    response = Client().get(f"/mobileconfig/?{query(**params)}")
    assert_handled(response, {200, 400, 404})


@BOUNDED
@given(domain=hostile | plausible_addresses | plausible_domains, language=languages)
def test_dns_guide(demo, domain, language):
    describe(domain)
    response = Client().get(f"{url(language, 'dnsguide:records')}?{query(domain=domain)}")
    assert_handled(response, {200, 400, 404})


# --- Declared charsets on every form POST ------------------------------------------------------

# Every endpoint that accepts a form POST: (URL name, args, statuses when the body is UTF-8).
FORM_ENDPOINTS = {
    "wizard:start": ((), {302, 400}),
    "wizard:program": ((), {302, 400}),
    "wizard:usage": ((), {302, 400}),
    "wizard:profile": ((), {200, 302, 404}),
    "help:vote": (("tabela-vrat",), {303, 400, 404}),
    "admin:login": ((), {200, 302, 403}),
}
NON_UTF8_CHARSETS = [
    "utf-16", "utf-16-le", "UTF-32", "utf-7", "rot13", "hex", "base64", "zlib", "cp1250",
    "iso-8859-2", "latin-1", "idna", "punycode", "x-unknown", "mbcs", "",
]  # fmt: skip
charsets = st.sampled_from([*NON_UTF8_CHARSETS, "utf-8", "UTF8"]) | st.text(
    st.characters(min_codepoint=33, max_codepoint=126, exclude_characters='";,\\'), max_size=20
)


def names_utf8(charset: str) -> bool:
    try:
        return codecs.lookup(charset).name == "utf-8"
    except LookupError:
        return False


@BOUNDED
@given(
    endpoint=st.sampled_from(sorted(FORM_ENDPOINTS)),
    charset=charsets,
    fields=st.dictionaries(
        st.sampled_from(["email", "program", "helpful", "username"]) | hostile_text,
        hostile,
        max_size=3,
    ),
    multipart=st.booleans(),
    language=languages,
)
def test_any_declared_charset_on_any_form_post(
    demo, endpoint, charset, fields, multipart, language
):
    describe(*fields, *fields.values())
    args, utf8_statuses = FORM_ENDPOINTS[endpoint]
    client = wizard_client(language, program="thunderbird")
    post_form(client, url(language, "wizard:usage"), VALID_USAGE)
    if multipart:
        body = (
            b"--b\r\n"
            + b"".join(
                b'Content-Disposition: form-data; name="'
                + raw(name).replace(b'"', b"")
                + b'"\r\n\r\n'
                + raw(value)
                + b"\r\n--b\r\n"
                for name, value in fields.items()
            )[:-2]
            + b"--\r\n"
        )
        content_type = f"multipart/form-data; boundary=b; charset={charset}"
    else:
        body, content_type = (
            form_body(fields),
            f"application/x-www-form-urlencoded; charset={charset}",
        )
    # generic(): the test client's post() would re-encode the body in the declared charset;
    # CONTENT_TYPE: it would drop the header of an empty body, which a real client sends.
    path = url(language, endpoint, *args)
    response = client.generic(
        "POST",
        path,
        body,
        content_type,
        headers={"Sec-Fetch-Site": "same-origin"},  # a browser's form from our own page
        CONTENT_TYPE=content_type,
    )
    if names_utf8(charset) or not charset:
        assert_handled(response, utf8_statuses | {400})
        return
    assert_handled(response, {400})
    assert f'<html lang="{language}">' in response.text  # the translated page, in the layout


def test_a_utf16_form_gets_the_translated_400_page(demo):
    for language, words in (("sl", "UTF-8"), ("en", "other than UTF-8")):
        response = Client().generic(
            "POST",
            url(language, "wizard:start"),
            "email=ana@vasadomena.si".encode("utf-16"),
            "application/x-www-form-urlencoded; charset=utf-16",
        )
        assert response.status_code == 400
        assert f'<html lang="{language}">' in response.text
        assert words in response.text


# --- Sizes Django itself limits --------------------------------------------------------------


def test_thousands_of_form_fields_are_a_bad_request_not_a_server_error(demo):
    fields = {f"field{number}": "x" for number in range(1_500)}
    response = post_form(Client(), url("sl", "wizard:start"), fields | {"email": "a@b.si"})
    assert response.status_code == 400


def test_a_three_megabyte_form_is_a_bad_request_not_a_server_error(demo):
    response = post_form(Client(), url("en", "wizard:start"), {"email": "a" * 3_000_000})
    assert response.status_code == 400


def test_the_marker_check_notices_a_raw_reflection():
    class Reflected:
        status_code = 200
        content = b"<p>You typed <x-inj a=1></p>"

    with pytest.raises(AssertionError, match="reflected"):
        assert_handled(Reflected(), {200})


def test_an_address_with_quotes_and_ampersands_is_shown_escaped(demo):
    client = wizard_client("en", email="o'brien&co@vasadomena.si", program="thunderbird")
    post_form(client, url("en", "wizard:usage"), VALID_USAGE)
    html = client.get(url("en", "wizard:result")).content.decode()
    assert "o&#x27;brien&amp;co@vasadomena.si" in html
    assert "o'brien&co@" not in html
