"""Staff sessions live in the database: logging out ends every copy, and idle ones expire."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

PASSWORD = "pravo-geslo-za-test-77"


@pytest.fixture
def staff_member(db):
    return get_user_model().objects.create_user("urednik", password=PASSWORD, is_staff=True)


def logged_in_client() -> Client:
    client = Client()
    response = client.post("/en/admin/login/", {"username": "urednik", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/en/admin/").status_code == 200
    return client


def copy_of(client: Client) -> Client:
    """Another browser holding a copy of the session cookie (e.g. taken before logout)."""
    thief = Client()
    thief.cookies[settings.SESSION_COOKIE_NAME] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return thief


def test_a_cookie_copied_before_logout_does_not_open_the_admin_after_it(staff_member):
    client = logged_in_client()
    thief = copy_of(client)
    assert thief.get("/en/admin/").status_code == 200  # the copy works while the session lives
    assert client.post("/en/admin/logout/").status_code == 200
    response = thief.get("/en/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/admin/login/")


def session_of(client: Client):
    return Session.objects.filter(session_key=client.cookies[settings.SESSION_COOKIE_NAME].value)


def test_an_idle_session_expires_and_activity_extends_it(staff_member):
    client = logged_in_client()
    [session] = session_of(client)
    assert session.expire_date <= timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE)
    session_of(client).update(expire_date=timezone.now() - timedelta(seconds=1))  # idle too long
    assert client.get("/en/admin/").status_code == 302

    client = logged_in_client()
    session_of(client).update(expire_date=timezone.now() + timedelta(minutes=1))  # nearly idle
    assert client.get("/en/admin/").status_code == 200  # activity moves the end forward
    assert session_of(client).get().expire_date > timezone.now() + timedelta(minutes=5)


def test_staff_sessions_are_short_lived_by_default():
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
