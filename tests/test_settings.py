"""Production safety: the settings module refuses insecure defaults."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.cache.backends.locmem import LocMemCache

ROOT = Path(__file__).resolve().parent.parent


def clean_environment(**environment):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    return env | environment


def load_settings(**environment):
    code = "import settings.base as s; print(s.DEBUG, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.DATABASES['default']['ENGINE'])"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean_environment(**environment),
        capture_output=True,
        text=True,
        check=False,
    )


HTTPS_SETTINGS = [
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "X_FRAME_OPTIONS",
]


def https_settings(**environment) -> dict:
    code = (
        "import json, settings.base as s; "
        f"print(json.dumps({{name: getattr(s, name) for name in {HTTPS_SETTINGS!r}}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean_environment(**environment),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_missing_secret_key_with_debug_off_fails_loudly():
    result = load_settings()
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_defaults_to_https_and_hsts():
    result = load_settings(DJANGO_SECRET_KEY="x" * 50)
    assert result.stdout.split() == ["False", "True", "31536000", "django.db.backends.sqlite3"]


def test_plain_http_can_be_chosen_for_local_production_like_runs():
    result = load_settings(DJANGO_SECRET_KEY="x" * 50, DJANGO_HTTPS="0")
    assert result.stdout.split()[1:3] == ["False", "0"]


def test_database_url_selects_postgresql():
    result = load_settings(DJANGO_SECRET_KEY="x" * 50, DATABASE_URL="postgres://u@127.0.0.1/db")
    assert result.stdout.split()[3] == "django.db.backends.postgresql"


def test_production_turns_every_https_protection_on():
    assert https_settings(DJANGO_DEBUG="0", DJANGO_SECRET_KEY="x" * 50, DJANGO_HTTPS="1") == {
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "SECURE_REFERRER_POLICY": "same-origin",
        "SECURE_CROSS_ORIGIN_OPENER_POLICY": "same-origin",
        "X_FRAME_OPTIONS": "DENY",
    }


def test_local_development_does_not_force_https():
    settings = https_settings(DJANGO_DEBUG="1")
    assert settings["SECURE_SSL_REDIRECT"] is False
    assert settings["SECURE_HSTS_SECONDS"] == 0
    assert settings["SESSION_COOKIE_SECURE"] is False


def test_check_deploy_with_production_variables_reports_no_issues():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=clean_environment(
            DJANGO_SETTINGS_MODULE="settings.base",
            DJANGO_SECRET_KEY="a-long-random-production-key-" + "k7Qz" * 10,
            DJANGO_ALLOWED_HOSTS="pomoc.example.si",
        ),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def setting(name: str, **environment) -> str:
    code = f"import settings.base as s; print(s.{name})"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean_environment(DJANGO_SECRET_KEY="x" * 50, **environment),
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_pages_stay_cached_long_only_where_every_process_sees_a_save():
    # Shared Redis: a save bumps the version for every process at once.
    assert setting("PAGE_CACHE_SECONDS", REDIS_URL="redis://127.0.0.1:6379/0") == "3600"
    # A memory cache per process: other gunicorn workers catch up within seconds.
    assert setting("PAGE_CACHE_SECONDS") == "10"


def test_without_redis_the_local_cache_holds_the_working_set_of_many_domains():
    # Django's default (300 entries) would keep evicting with 1,000 domains in use.
    options = "CACHES['default']['OPTIONS']['MAX_ENTRIES']"
    assert setting(options) == "10000"
    assert setting(options, PORTAL_LOCAL_CACHE_ENTRIES="50000") == "50000"
    backend = "CACHES['default']['BACKEND']"
    assert setting(backend, REDIS_URL="redis://127.0.0.1:6379/4").endswith("RedisCache")


def test_the_local_cache_keeps_three_documents_for_each_of_1000_domains():
    local = LocMemCache("working-set", {"OPTIONS": settings.CACHES["default"]["OPTIONS"]})
    keys = [f"{kind}:domena{n}.si" for n in range(1000) for kind in ("a", "b", "c")]
    for key in keys:
        local.set(key, b"document")
    assert all(local.get(key) == b"document" for key in keys)
