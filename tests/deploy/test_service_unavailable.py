"""While the database cannot be reached, visitors get a translated 503 page, not a 500."""

import contextlib
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import OperationalError, connections
from django.test import RequestFactory
from redis.exceptions import ConnectionError as RedisConnectionError

from portal.middleware import RETRY_AFTER_SECONDS, ServiceUnavailableMiddleware

ROOT = Path(__file__).resolve().parents[2]


def refuse_connection(self):
    raise OperationalError(
        'connection to server at "127.0.0.1", port 5432 failed: Connection refused'
    )


@contextlib.contextmanager
def database_down(monkeypatch):
    """Every new cursor fails the way psycopg fails when the server is down."""
    with monkeypatch.context() as patch:
        patch.setattr(type(connections["default"]), "ensure_connection", refuse_connection)
        yield


@pytest.fixture
def article(content):
    return content.article(slug="tabela-vrat")


def test_an_article_answers_503_in_slovenian_while_the_database_is_down(
    client, article, monkeypatch
):
    with database_down(monkeypatch):
        response = client.get("/clanek/tabela-vrat/")
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert '<html lang="sl">' in html
    assert "Center pomoči je začasno nedosegljiv" in html
    assert "podpora@example.si" in html


def test_the_english_page_is_in_english(client, article, monkeypatch):
    with database_down(monkeypatch):
        response = client.get("/en/article/tabela-vrat/")
    assert response.status_code == 503
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "The help centre is temporarily unavailable" in html


def test_the_page_works_again_once_the_database_is_back(client, article, monkeypatch):
    with database_down(monkeypatch):
        assert client.get("/clanek/tabela-vrat/").status_code == 503
    back = client.get("/clanek/tabela-vrat/")
    assert back.status_code == 200
    assert article.title_sl in back.content.decode()


def test_an_unreachable_cache_also_answers_503():
    middleware = ServiceUnavailableMiddleware(lambda request: None)
    request = RequestFactory().get("/")
    response = middleware.process_exception(request, RedisConnectionError("Connection refused"))
    assert response.status_code == 503


def test_other_errors_are_left_to_the_500_handler():
    middleware = ServiceUnavailableMiddleware(lambda request: None)
    request = RequestFactory().get("/")
    assert middleware.process_exception(request, ValueError("a bug")) is None


SILENT_DATABASE_SCRIPT = """
import django
django.setup()
from django.db import OperationalError, connection
try:
    connection.ensure_connection()
except OperationalError as error:
    print("gave up:", error)
"""


def test_a_database_that_never_answers_makes_the_connection_give_up_not_hang():
    # A socket that completes the TCP handshake (the kernel does) but never says a word.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")} | {
            "DJANGO_SETTINGS_MODULE": "settings.base",
            "DJANGO_SECRET_KEY": "x" * 50,
            "DATABASE_URL": f"postgres://portal@127.0.0.1:{port}/portal",
            "DJANGO_DB_CONNECT_TIMEOUT": "1",
        }
        # The subprocess timeout only guards against a hang; it is far above connect_timeout.
        result = subprocess.run(
            [sys.executable, "-c", SILENT_DATABASE_SCRIPT],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        )
    assert any(line.startswith("gave up:") for line in result.stdout.splitlines())
