"""The wizard's answers last for one visit only, in an encrypted cookie, never in a row."""

import base64
import time

import pytest
from cryptography.fernet import Fernet
from django.contrib.sessions.models import Session
from django.test import Client

from portal.wizard import cookie as wizard_cookie
from tests.wizard.conftest import walk

ADDRESS = "tajna.oseba@vasadomena.si"

pytestmark = pytest.mark.usefixtures("hosted", "programs")


def prefilled_email(client) -> bool:
    return ADDRESS in client.get("/carovnik/").text


def test_the_answers_cookie_ends_with_the_browser_session_and_hides_the_address():
    client = Client()
    response = client.post("/carovnik/", {"email": ADDRESS})
    cookie = response.cookies[wizard_cookie.COOKIE_NAME]
    assert cookie["max-age"] == ""  # no lifetime and no date: a browser-session cookie
    assert cookie["expires"] == ""
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    value = cookie.value
    assert "tajna" not in value
    padded = value + "=" * (-len(value) % 4)
    assert b"tajna" not in base64.urlsafe_b64decode(padded)  # not readable once decoded either
    assert prefilled_email(client)


def test_the_next_person_after_the_browser_closed_starts_empty():
    client = Client()
    client.post("/carovnik/", {"email": ADDRESS})
    assert prefilled_email(client)
    next_person = Client()  # the browser was closed: session cookies are gone
    assert not prefilled_email(next_person)


def test_set_up_another_address_forgets_the_answers(client):
    walk(client, email=ADDRESS)
    page = client.get("/carovnik/rezultat/").text
    assert 'action="/carovnik/znova/"' in page
    response = client.post("/carovnik/znova/")
    assert response.status_code == 302
    assert response["Location"] == "/carovnik/"
    assert response.cookies[wizard_cookie.COOKIE_NAME].value == ""  # deleted
    assert not prefilled_email(client)
    assert client.get("/carovnik/rezultat/").status_code == 302  # back to the first step


def test_answers_older_than_the_idle_limit_are_refused(client, settings):
    stale = time.time() - wizard_cookie.MAX_IDLE_SECONDS - 60
    fernet = wizard_cookie._fernet()
    token = fernet.encrypt_at_time(b'{"wizard": {"email": "%s"}}' % ADDRESS.encode(), int(stale))
    client.cookies[wizard_cookie.COOKIE_NAME] = token.decode()
    assert not prefilled_email(client)


def test_a_forged_or_foreign_cookie_means_no_answers(client):
    foreign = Fernet(Fernet.generate_key()).encrypt(b'{"wizard": {"email": "a@vasadomena.si"}}')
    client.cookies[wizard_cookie.COOKIE_NAME] = foreign.decode()
    assert "a@vasadomena.si" not in client.get("/carovnik/").text
    client.cookies[wizard_cookie.COOKIE_NAME] = "not-a-token"
    assert client.get("/carovnik/").status_code == 200


def test_a_whole_walk_creates_no_session_row(client):
    walk(client, email=ADDRESS)
    assert Session.objects.count() == 0
