"""What the deployment's environment variables do: cache, database timeout, reverse proxy."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, override_settings

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {"DJANGO_SECRET_KEY": "x" * 50}


def settings_from(expression: str, **environment):
    """Evaluates `expression` on settings.base (as `s`) loaded with exactly this environment."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("DJANGO_") and k not in {"DATABASE_URL", "REDIS_URL"}
    }
    code = f"import json, settings.base as s; print(json.dumps({expression}, default=str))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env | environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.splitlines()[-1])


def test_redis_url_selects_the_shared_redis_cache():
    cache = settings_from("s.CACHES['default']", **PRODUCTION, REDIS_URL="redis://cache:6379/0")
    assert cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert cache["LOCATION"] == "redis://cache:6379/0"


def test_without_redis_url_each_process_caches_in_memory():
    cache = settings_from("s.CACHES['default']", **PRODUCTION)
    assert cache["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


@pytest.mark.parametrize(
    ("environment", "timeout"),
    [
        ({}, 3),
        ({"DJANGO_DB_CONNECT_TIMEOUT": "5"}, 5),
        ({"DATABASE_URL": "postgres://u@db:5432/portal?connect_timeout=10"}, 10),
    ],
)
def test_postgresql_connections_give_up_after_a_few_seconds(environment, timeout):
    environment = {"DATABASE_URL": "postgres://u@db:5432/portal"} | environment
    options = settings_from("s.DATABASES['default']['OPTIONS']", **PRODUCTION, **environment)
    assert options["connect_timeout"] == timeout


def test_static_root_can_be_moved():
    assert settings_from("s.STATIC_ROOT", **PRODUCTION, DJANGO_STATIC_ROOT="/srv/static") == (
        "/srv/static"
    )


def test_proxy_settings_come_from_the_environment():
    expression = "[s.PORTAL_TRUSTED_PROXIES, s.CSRF_TRUSTED_ORIGINS]"
    assert settings_from(expression, **PRODUCTION) == [[], []]
    behind_proxy = settings_from(
        expression,
        **PRODUCTION,
        PORTAL_TRUSTED_PROXIES="127.0.0.1, 172.16.0.0/12",
        DJANGO_CSRF_TRUSTED_ORIGINS="https://pomoc.example.si, https://www.pomoc.example.si",
    )
    assert behind_proxy == [
        ["127.0.0.1", "172.16.0.0/12"],
        ["https://pomoc.example.si", "https://www.pomoc.example.si"],
    ]


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({"PORTAL_TRUSTED_PROXIES": "proxy.example"}, "PORTAL_TRUSTED_PROXIES"),
        ({"DJANGO_PROXY_SSL_HEADER": "1"}, "replaced by PORTAL_TRUSTED_PROXIES"),
    ],
)
def test_unclear_proxy_trust_stops_the_start(environment, message):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PORTAL_"))}
    result = subprocess.run(
        [sys.executable, "-c", "import settings.base"],
        cwd=ROOT,
        env=env | PRODUCTION | environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert message in result.stderr


BEHIND_PROXY = {"SECURE_SSL_REDIRECT": True, "PORTAL_TRUSTED_PROXIES": ["127.0.0.1"]}


@override_settings(**BEHIND_PROXY)
def test_behind_the_proxy_https_requests_are_served_and_plain_ones_redirected(client, db):
    assert client.get("/", HTTP_X_FORWARDED_PROTO="https").status_code == 200
    plain = client.get("/", HTTP_X_FORWARDED_PROTO="http")
    assert plain.status_code == 301
    assert plain["Location"].startswith("https://")


@override_settings(SECURE_SSL_REDIRECT=True)
def test_without_the_opt_in_a_forwarded_proto_header_is_not_trusted(client, db):
    assert client.get("/", HTTP_X_FORWARDED_PROTO="https").status_code == 301


def admin_login_post(origin: str):
    """The admin login form, posted through a proxy that passes an internal Host header."""
    browser = Client(enforce_csrf_checks=True, HTTP_X_FORWARDED_PROTO="https")
    browser.get("/admin/login/", HTTP_HOST="portal-web:8000")
    token = browser.cookies["csrftoken"].value
    return browser.post(
        "/admin/login/",
        {"username": "nobody", "password": "wrong-password", "csrfmiddlewaretoken": token},
        HTTP_HOST="portal-web:8000",
        HTTP_ORIGIN=origin,
    )


@override_settings(**BEHIND_PROXY, CSRF_TRUSTED_ORIGINS=["https://pomoc.example.si"])
def test_forms_posted_from_a_trusted_origin_pass_the_csrf_check(db):
    response = admin_login_post("https://pomoc.example.si")
    assert response.status_code == 200  # the login form again, with its error
    assert 'class="errornote"' in response.content.decode()


@override_settings(**BEHIND_PROXY, CSRF_TRUSTED_ORIGINS=[])
def test_forms_posted_from_an_origin_not_trusted_are_refused(db):
    assert admin_login_post("https://pomoc.example.si").status_code == 403
