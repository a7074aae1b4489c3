"""The address never leaves the session: not in a URL, a response header, a log line or a row."""

import logging

import pytest

from tests.html_checks import elements
from tests.wizard.conftest import (
    USAGE_ONE_DEVICE_HEAVY,
    USAGE_SHARED_OFFICE,
    text_in_every_row,
    walk,
)

LOCAL_PART = "tajna.oseba.7391"
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "data", "content"}

pytestmark = pytest.mark.usefixtures("hosted", "programs")


def urls_in(response) -> list[str]:
    """Every URL a response hands to the browser: its redirect and every link in its markup."""
    found = []
    if "Location" in response.headers:
        found.append(response.headers["Location"])
    if response.headers.get("Content-Type", "").startswith("text/html"):
        for _tag, attributes in elements(response.content.decode()):
            found += [value for name, value in attributes.items() if name in URL_ATTRIBUTES]
    return found


def full_walks(client):
    """Both languages, hosted and unknown domains, every kind of program, every extra page."""
    responses = []
    for prefix, domain, program, usage in [
        ("", "vasadomena.si", "mail-iphone", USAGE_ONE_DEVICE_HEAVY),
        ("/en", "čebelica.si", "thunderbird", USAGE_SHARED_OFFICE),
        ("", "neznana-domena.si", "other", USAGE_ONE_DEVICE_HEAVY),
        ("/en", "vasadomena.si", "mail-iphone", USAGE_SHARED_OFFICE),
    ]:
        address = f"{LOCAL_PART}@{domain}"
        responses += [
            response for _m, _u, response in walk(client, address, program, usage, prefix)
        ]
        result_url, profile_url = {
            "": ("/carovnik/rezultat/", "/carovnik/profil/"),
            "/en": ("/en/wizard/result/", "/en/wizard/profile/"),
        }[prefix]
        for protocol in ("pop3", "imap"):
            responses.append(client.get(f"{result_url}?protocol={protocol}"))
        responses.append(client.post(profile_url, {"protocol": "pop3"}))
    responses.append(client.post("/carovnik/", {"email": f"{LOCAL_PART}@@napaka"}))
    responses.append(client.post("/en/wizard/", {"email": f"{LOCAL_PART} vasadomena.si"}))
    return responses


def test_the_address_appears_in_no_url_header_log_line_or_database_row(client, caplog):
    caplog.set_level(logging.DEBUG)
    responses = full_walks(client)

    profiles = [r for r in responses if r["Content-Type"] == "application/x-apple-aspen-config"]
    assert len(profiles) == 3  # every hosted walk; the unknown domain gets a 404
    assert LOCAL_PART in profiles[0].content.decode()  # the download itself carries it, by design
    assert [r.status_code for r in responses[-2:]] == [400, 400]

    urls = [url for response in responses for url in urls_in(response)]
    assert any(url.startswith("/carovnik/") for url in urls)
    assert any(url.endswith("?protocol=pop3") for url in urls)
    assert [url for url in urls if LOCAL_PART in url] == []
    assert [url for url in urls if ("@" in url or "%40" in url) and "podpora@" not in url] == []
    for response in responses:
        headers = " ".join(f"{name}: {value}" for name, value in response.headers.items())
        assert LOCAL_PART not in headers  # cookies are kept apart, in response.cookies
    assert LOCAL_PART not in caplog.text
    assert all(LOCAL_PART not in str(record.args) for record in caplog.records)
    assert LOCAL_PART not in text_in_every_row()


def test_the_scan_would_notice_an_address_in_a_row(programs):
    """The database scan is real: an address written anywhere is found."""
    programs.program("leak", name=f"{LOCAL_PART}@vasadomena.si")
    assert LOCAL_PART in text_in_every_row()
