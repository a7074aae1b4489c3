"""Production safety: the settings module refuses insecure defaults."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_settings(**environment):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    env |= environment
    code = "import settings.base as s; print(s.DEBUG, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.DATABASES['default']['ENGINE'])"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )


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
