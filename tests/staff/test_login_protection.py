"""The admin login against password guessing (django-axes with our settings)."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import RequestFactory

from portal.staff.login_protection import client_ip

PASSWORD = "pravo-geslo-za-test-77"


@pytest.fixture
def staff_member(db):
    return get_user_model().objects.create_user("urednik", password=PASSWORD, is_staff=True)


def attempt(client, password, username="urednik", language="en"):
    prefix = "/en" if language == "en" else ""
    return client.post(
        f"{prefix}/admin/login/?next={prefix}/admin/",
        {"username": username, "password": password},
    )


def test_wrong_passwords_lock_the_login_for_a_while(client, staff_member):
    limit = settings.AXES_FAILURE_LIMIT
    for _ in range(limit - 1):
        assert attempt(client, "napacno").status_code == 200
    locked = attempt(client, "napacno")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Too many failed logins" in page
    assert "Try again in 30 minutes." in page

    # Even the right password does not get in while locked.
    assert attempt(client, PASSWORD).status_code == 429
    assert client.get("/en/admin/").status_code == 302


def test_the_lockout_page_is_translated(client, staff_member):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = attempt(client, "napacno", language="sl")
    assert response.status_code == 429
    assert 'lang="sl"' in response.content.decode()
    assert "Preveč neuspešnih prijav" in response.content.decode()


def test_a_colleague_at_the_same_address_can_still_log_in(client, staff_member):
    colleague = get_user_model().objects.create_user("kolegica", password=PASSWORD, is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "napacno")
    assert attempt(client, PASSWORD, username="kolegica").status_code == 302
    assert client.session["_auth_user_id"] == str(colleague.pk)  # logged in, as herself


def test_a_successful_login_resets_the_count(client, staff_member):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "napacno")
    assert attempt(client, PASSWORD).status_code == 302
    assert client.session["_auth_user_id"] == str(staff_member.pk)
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "napacno").status_code == 200


def test_client_address_is_the_connection_unless_a_trusted_proxy_says_otherwise():
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.7"
    )
    assert client_ip(request) == "10.0.0.2"  # the middleware rewrites REMOTE_ADDR, see below
