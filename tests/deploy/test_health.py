"""Liveness and readiness: cheap, never cached, and answered whatever the Host header."""

import socket

import pytest
from django.db import OperationalError
from django.test import override_settings
from django.urls import reverse

from portal import health
from portal.logs import HEALTH_PATH_PREFIX


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class UnreachableDatabase:
    """Stands in for django.db.connection when the server cannot be reached."""

    def cursor(self):
        raise OperationalError("connection to server at 127.0.0.1, port 5432 failed")


def assert_never_cached(response):
    assert "no-store" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]


def test_liveness_answers_without_touching_the_database(client):
    response = client.get("/health/live/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert_never_cached(response)


def test_readiness_checks_the_database_with_one_cheap_query(client, db, django_assert_num_queries):
    with django_assert_num_queries(1) as queries:
        response = client.get("/health/ready/")
    assert queries.captured_queries[0]["sql"] == "SELECT 1"
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert_never_cached(response)


def test_readiness_reports_an_unreachable_database(client, monkeypatch):
    monkeypatch.setattr(health, "connection", UnreachableDatabase())
    response = client.get("/health/ready/")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "down", "cache": "ok"}
    assert_never_cached(response)


def test_readiness_reports_an_unreachable_cache_but_stays_ready(client, db):
    unreachable_redis = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    with override_settings(CACHES=unreachable_redis):
        response = client.get("/health/ready/")
    # Pages render without the cache, so the replica stays in the load balancer.
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "down"}


@pytest.mark.parametrize("path", ["/health/live/", "/health/ready/"])
@override_settings(ALLOWED_HOSTS=["pomoc.example.si"], SECURE_SSL_REDIRECT=True)
def test_health_checks_answer_any_host_over_plain_http(client, db, path):
    # An orchestrator asks the container's own address over plain HTTP.
    response = client.get(path, HTTP_HOST="10.0.3.7:8000")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


@override_settings(ALLOWED_HOSTS=["pomoc.example.si"], SECURE_SSL_REDIRECT=True)
def test_pages_still_refuse_unknown_hosts_and_redirect_to_https(client, db):
    assert client.get("/", HTTP_HOST="10.0.3.7:8000").status_code == 400
    redirect = client.get("/", HTTP_HOST="pomoc.example.si")
    assert redirect.status_code == 301
    assert redirect["Location"] == "https://pomoc.example.si/"


def test_the_middleware_answers_exactly_the_routed_health_paths():
    routed = {reverse("health-live"), reverse("health-ready")}
    assert set(health.HEALTH_VIEWS) == routed
    assert all(path.startswith(HEALTH_PATH_PREFIX) for path in routed)
