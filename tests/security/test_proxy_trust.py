"""Proxy trust is explicit, and password guessing is limited per user name across addresses."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.test import Client, override_settings

from portal.proxies import client_address, forwarded_scheme, parse_networks
from portal.staff.roles import ADMINISTRATORS
from tests.staff.conftest import make_staff

PASSWORD = "pravo-geslo-za-test-77"
PROXY = parse_networks(["10.0.0.0/24"])


def test_forwarded_headers_count_only_from_a_trusted_proxy():
    assert client_address("203.0.113.9", "198.51.100.7", PROXY) == "203.0.113.9"
    assert client_address("10.0.0.2", "198.51.100.7", PROXY) == "198.51.100.7"
    # The client's own (forged) entries come before what our proxies appended.
    assert client_address("10.0.0.2", "1.2.3.4, 198.51.100.7, 10.0.0.3", PROXY) == "198.51.100.7"
    assert client_address("10.0.0.2", "nonsense, 10.0.0.3", PROXY) == "10.0.0.3"
    assert client_address("10.0.0.2", "", PROXY) == "10.0.0.2"
    assert client_address("10.0.0.2", "198.51.100.7", ()) == "10.0.0.2"
    assert forwarded_scheme("203.0.113.9", "https", PROXY) is None
    assert forwarded_scheme("10.0.0.2", "https", PROXY) == "https"
    assert forwarded_scheme("10.0.0.2", "https, http", PROXY) == "http"


@pytest.fixture
def staff_member(db):
    return get_user_model().objects.create_user("urednik", password=PASSWORD, is_staff=True)


def attempt(client, password, forwarded_for, username="urednik"):
    return client.post(
        "/en/admin/login/",
        {"username": username, "password": password},
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_without_a_trusted_proxy_rotating_x_forwarded_for_gains_nothing(staff_member, settings):
    client = Client()
    statuses = [
        attempt(client, "napacno", f"198.51.100.{n}").status_code
        for n in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert statuses[-1] == 429
    assert attempt(client, PASSWORD, "198.51.100.250").status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"127.0.0.1"}


@override_settings(PORTAL_TRUSTED_PROXIES=["127.0.0.1"], PORTAL_USERNAME_FAILURE_LIMIT=8)
def test_behind_the_proxy_a_user_name_is_locked_across_addresses(staff_member):
    client = Client()
    statuses = [attempt(client, "napacno", f"198.51.100.{n}").status_code for n in range(8)]
    assert statuses[:7] == [200] * 7  # each address stays under the per-address limit
    assert statuses[7] == 429  # but the user name has had enough
    assert attempt(client, PASSWORD, "203.0.113.50").status_code == 429  # from anywhere
    addresses = set(AccessAttempt.objects.values_list("ip_address", flat=True))
    assert {f"198.51.100.{n}" for n in range(8)} <= addresses  # as the trusted proxy saw them
    assert "127.0.0.1" not in addresses
    get_user_model().objects.create_user("kolegica", password=PASSWORD, is_staff=True)
    assert attempt(client, PASSWORD, "198.51.100.1", username="kolegica").status_code == 302


@override_settings(PORTAL_TRUSTED_PROXIES=["127.0.0.1"], PORTAL_USERNAME_FAILURE_LIMIT=8)
def test_the_user_name_lock_ends_after_the_cool_off(staff_member, settings):
    client = Client()
    for n in range(8):
        attempt(client, "napacno", f"198.51.100.{n}")
    assert attempt(client, PASSWORD, "203.0.113.50").status_code == 429
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.first().attempt_time - settings.AXES_COOLOFF_TIME
    )
    assert attempt(client, PASSWORD, "203.0.113.50").status_code == 302


@override_settings(PORTAL_TRUSTED_PROXIES=["127.0.0.1"], PORTAL_USERNAME_FAILURE_LIMIT=8)
def test_an_administrator_unlocks_a_user_name_in_the_admin(staff_member):
    client = Client()
    for n in range(8):
        attempt(client, "napacno", f"198.51.100.{n}")
    assert attempt(client, PASSWORD, "203.0.113.50").status_code == 429

    administrator = Client()
    administrator.force_login(make_staff("skrbnik", ADMINISTRATORS))
    listing = administrator.get("/en/admin/axes/accessattempt/?q=urednik")
    assert listing.status_code == 200
    selected = list(AccessAttempt.objects.filter(username="urednik").values_list("pk", flat=True))
    unlocked = administrator.post(
        "/en/admin/axes/accessattempt/",
        {"action": "delete_selected", "_selected_action": selected, "post": "yes"},
    )
    assert unlocked.status_code == 302
    assert attempt(client, PASSWORD, "203.0.113.50").status_code == 302
