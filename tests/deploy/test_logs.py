"""Structured logs: one JSON object per line, nothing personal, no successful health checks."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

from portal.logs import JSONFormatter, SkipSuccessfulHealthChecks

ROOT = Path(__file__).resolve().parents[2]

# Gunicorn's own logger, configured from portal/gunicorn_conf.py, in a process of its own
# (it reconfigures logging globally), writing three access lines and one error line.
GUNICORN_SCRIPT = """
import datetime
from gunicorn.config import Config
from gunicorn.glogging import Logger
import portal.gunicorn_conf as conf

cfg = Config()
for name in ("accesslog", "access_log_format", "logconfig_dict", "loglevel"):
    cfg.set(name, getattr(conf, name))
log = Logger(cfg)

class Response:
    sent = 1234
    headers = [("Content-Type", "text/xml")]
    def __init__(self, status):
        self.status = status

class Request:
    headers = [("HOST", "autoconfig.vasadomena.si"), ("USER-AGENT", "Thunderbird/140")]

def request(path, query=""):
    return {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query,
        "RAW_URI": path + ("?" + query if query else ""), "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "192.0.2.44", "HTTP_USER_AGENT": "Thunderbird/140",
    }

took = datetime.timedelta(milliseconds=12)
log.access(Response("200 OK"), Request(), request("/mail/config-v1.1.xml", "emailaddress=info@vasadomena.si"), took)
log.access(Response("200 OK"), Request(), request("/health/ready/"), took)
log.access(Response("503 Service Unavailable"), Request(), request("/health/ready/"), took)
log.error("Worker timeout (pid:%s)", 4242)
"""


def record(name="portal", msg="Hello", args=(), **extra):
    return logging.makeLogRecord(
        {"name": name, "msg": msg, "args": args, "levelname": "INFO", **extra}
    )


def test_a_record_becomes_one_line_of_json():
    line = JSONFormatter().format(record(msg="Članek %s shranjen", args=("tabela-vrat",)))
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "Članek tabela-vrat shranjen"
    assert (entry["level"], entry["logger"]) == ("INFO", "portal")
    assert entry["time"].endswith("+00:00")


def test_an_exception_stays_inside_the_one_line():
    try:
        raise ValueError("broken\nacross lines")
    except ValueError:
        entry = record(levelname="ERROR", exc_info=sys.exc_info())
    line = JSONFormatter().format(entry)
    assert "\n" not in line
    assert "ValueError: broken" in json.loads(line)["exception"]


def test_django_request_records_carry_their_status():
    line = JSONFormatter().format(record(name="django.request", status_code=503))
    assert json.loads(line)["status"] == 503


def test_gunicorn_access_lines_are_json_without_personal_data_or_successful_health_checks():
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    result = subprocess.run(
        [sys.executable, "-c", GUNICORN_SCRIPT],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    entries = [json.loads(line) for line in result.stdout.splitlines()]
    access = [entry for entry in entries if entry["logger"] == "gunicorn.access"]
    assert [(e["method"], e["path"], e["status"]) for e in access] == [
        ("GET", "/mail/config-v1.1.xml", 200),
        ("GET", "/health/ready/", 503),
    ]
    assert access[0]["duration_ms"] == 12
    assert access[0]["bytes"] == 1234
    assert [e["message"] for e in entries if e["logger"] == "gunicorn.error"] == [
        "Worker timeout (pid:4242)"
    ]
    for personal in ("info@vasadomena.si", "192.0.2.44", "Thunderbird"):
        assert personal not in result.stdout


def test_runserver_lines_of_successful_health_checks_are_dropped():
    health = SkipSuccessfulHealthChecks()
    line = '"%s" %s %s'
    assert not health.filter(
        record("django.server", line, ("GET /health/live/ HTTP/1.1", "200", "15"), status_code=200)
    )
    assert health.filter(
        record("django.server", line, ("GET /health/ready/ HTTP/1.1", "503", "60"), status_code=503)
    )
    assert health.filter(
        record("django.server", line, ("GET /clanek/x/ HTTP/1.1", "200", "900"), status_code=200)
    )


def load_settings(**environment):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")} | environment
    code = "import settings.base as s; print(s.LOGGING['handlers']['console']['formatter'])"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )


def test_production_logs_json_and_development_plain_lines():
    assert load_settings(DJANGO_SECRET_KEY="x" * 50).stdout.strip() == "json"
    assert load_settings(DJANGO_DEBUG="1").stdout.strip() == "plain"
    wrong = load_settings(DJANGO_SECRET_KEY="x" * 50, DJANGO_LOG_FORMAT="xml")
    assert wrong.returncode != 0
    assert "DJANGO_LOG_FORMAT must be" in wrong.stderr


BAD_REQUESTS_SCRIPT = """
import django
django.setup()
from django.test import Client, override_settings
client = Client()
with override_settings(ALLOWED_HOSTS=["testserver"]):
    client.get("/", HTTP_HOST="napadalec.example")
client.post("/en/wizard/", "&".join(f"f{n}=1" for n in range(1200)),
            content_type="application/x-www-form-urlencoded")
"""


def test_bad_requests_write_one_warning_line_each_without_a_traceback():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")} | {
        "DJANGO_SETTINGS_MODULE": "settings.test",  # production logging, static files as found
        "DATABASE_URL": "sqlite:///:memory:",
    }
    result = subprocess.run(
        [sys.executable, "-c", BAD_REQUESTS_SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    entries = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    security = [entry for entry in entries if entry["logger"].startswith("django.security")]
    assert [entry["logger"] for entry in security] == [
        "django.security.DisallowedHost",
        "django.security.TooManyFieldsSent",
    ]
    assert {entry["level"] for entry in security} == {"WARNING"}
    assert not [entry for entry in entries if entry["level"] in {"ERROR", "CRITICAL"}]
    assert not [entry for entry in entries if "exception" in entry]
