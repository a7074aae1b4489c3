"""Outlook's Autodiscover v2 question, `autodiscover.json`, in both of its forms."""

import json
import logging
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from portal.logs import JSONFormatter, RedactEmailAddresses

POX_URL = "https://pomoc.example.si/autodiscover/autodiscover.xml"
V1_ANSWER = {"Protocol": "AutodiscoverV1", "Url": POX_URL}


@pytest.fixture(autouse=True)
def portal_name(settings):
    settings.PORTAL_HOSTNAME = "pomoc.example.si"


@pytest.mark.parametrize(
    ("path", "query"),
    [
        (
            "/autodiscover/autodiscover.json",
            {"Email": "ana@vasadomena.si", "Protocol": "AutodiscoverV1"},
        ),
        (
            "/Autodiscover/Autodiscover.json",
            {"Email": "ana@vasadomena.si", "Protocol": "autodiscoverv1"},
        ),
        (
            "/autodiscover/autodiscover.json",
            {"email": "ana@vasadomena.si", "protocol": "AUTODISCOVERV1"},
        ),
        ("/autodiscover/autodiscover.json/v1.0/ana@vasadomena.si", {"Protocol": "AutodiscoverV1"}),
        (
            "/autodiscover/autodiscover.json/v1.0/ana%40vasadomena.si",
            {"Protocol": "AutoDiscoverV1"},
        ),
        ("/Autodiscover/Autodiscover.json/V1.0/info@čebelica.si", {"Protocol": "AutodiscoverV1"}),
    ],
)
def test_outlook_is_pointed_at_our_pox_endpoint(client, path, query):
    response = client.get(path, query)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert json.loads(response.content) == V1_ANSWER


def test_without_portal_hostname_the_url_is_on_the_host_asked_over_https(client, settings):
    settings.PORTAL_HOSTNAME = ""
    response = client.get(
        "/autodiscover/autodiscover.json/v1.0/ana@vasadomena.si",
        {"Protocol": "AutodiscoverV1"},
        headers={"host": "autodiscover.vasadomena.si"},
    )
    assert json.loads(response.content)["Url"] == (
        "https://autodiscover.vasadomena.si/autodiscover/autodiscover.xml"
    )


def test_the_answer_never_reveals_whether_a_mailbox_or_domain_exists(client):
    answers = {
        client.get(
            f"/autodiscover/autodiscover.json/v1.0/{address}", {"Protocol": "AutodiscoverV1"}
        ).content
        for address in ["info@vasadomena.si", "ne-obstaja@vasadomena.si", "x@drugadomena.si"]
    }
    assert len(answers) == 1


@pytest.mark.parametrize("protocol", ["ActiveSync", "Ews", "Rest", "AutodiscoverV2", ""])
def test_other_protocols_are_a_json_error(client, protocol):
    response = client.get(
        "/autodiscover/autodiscover.json",
        {"Email": "ana@vasadomena.si", "Protocol": protocol},
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json; charset=utf-8"
    document = json.loads(response.content)
    assert document["ErrorCode"] == "InvalidProtocol"
    assert "AutodiscoverV1" in document["ErrorMessage"]


@pytest.mark.parametrize(
    "path",
    [
        "/autodiscover/autodiscover.json?Protocol=AutodiscoverV1",
        "/autodiscover/autodiscover.json?Protocol=AutodiscoverV1&Email=not-an-address",
        "/autodiscover/autodiscover.json/v1.0/nobody?Protocol=AutodiscoverV1",
    ],
)
def test_a_missing_or_malformed_address_is_a_json_error(client, path):
    response = client.get(path)
    assert response.status_code == 400
    assert json.loads(response.content)["ErrorCode"] == "InvalidUser"


def test_only_get_is_answered(client):
    response = client.post("/autodiscover/autodiscover.json?Protocol=AutodiscoverV1")
    assert response.status_code == 405


def test_the_address_never_reaches_a_log_line(client, caplog):
    """Django logs every 4xx with its path; the console handler's filter redacts addresses."""
    caplog.set_level(logging.DEBUG)
    secret = "tajni-predal"
    client.get(f"/autodiscover/autodiscover.json/v1.0/{secret}@vasadomena.si", {"Protocol": "Ews"})
    client.get(f"/autodiscover/autodiscover.json/v1.0/{secret}%40vasadomena.si", {"Protocol": "x"})
    client.get("/autodiscover/autodiscover.json", {"Email": f"{secret}@vasadomena.si"})
    assert caplog.records, "Django logs the 4xx answers"
    console = django_settings.LOGGING["handlers"]["console"]
    assert "redact_email_addresses" in console["filters"]
    redact, formatter = RedactEmailAddresses(), JSONFormatter()
    lines = [formatter.format(r) for r in caplog.records if redact.filter(r)]
    assert lines
    assert not [line for line in lines if secret in line]
    assert [line for line in lines if "/v1.0/<address>" in line]


def test_gunicorn_access_lines_lose_the_address_but_keep_their_fields():
    atoms = {"m": "GET", "U": "/autodiscover/autodiscover.json/v1.0/ana@vasadomena.si"}
    atoms |= {"s": "200", "B": "90", "M": "3"}
    record = logging.LogRecord(
        "gunicorn.access", logging.INFO, "", 0, "%(m)s %(U)s %(s)s", (), None
    )
    record.args = atoms
    assert RedactEmailAddresses().filter(record)
    entry = json.loads(JSONFormatter().format(record))
    assert entry["message"] == "GET /autodiscover/autodiscover.json/v1.0/<address> 200"
    assert entry["path"] == "/autodiscover/autodiscover.json/v1.0/<address>"
    assert entry["status"] == 200


@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(email=st.text(max_size=80), protocol=st.text(max_size=30), path_part=st.text(max_size=40))
def test_any_input_gets_json_and_never_a_server_error(client, db, email, protocol, path_part):
    # db: an address that matches no route gets the HTML 404 page, which shows the support
    # contact from the database.
    for response in (
        client.get("/autodiscover/autodiscover.json", {"Email": email, "Protocol": protocol}),
        client.get(
            f"/autodiscover/autodiscover.json/v1.0/{quote(path_part, safe='')}",
            {"Protocol": protocol},
        ),
    ):
        assert response.status_code in {200, 400, 404}
        if response.status_code != 404:  # an empty path part is not this URL at all
            assert set(json.loads(response.content)) in (
                {"Protocol", "Url"},
                {"ErrorCode", "ErrorMessage"},
            )
