"""The production path without Docker: what the image runs, run from the working tree.

A throwaway PostgreSQL cluster (initdb into a temporary folder, its own port, so the machine's
shared server is never touched), `migrate`, `collectstatic` and `seed_demo` as the `migrate`
service and the image build do them, then gunicorn with the image's configuration and
production settings (debug off, Redis as the cache). The test then stops the database, checks
that the portal answers 503 instead of hanging, starts it again and checks that the same
gunicorn recovers.
"""

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Redis on this machine (started by .ci/run); this database number is the test's own.
REDIS_URL = "redis://127.0.0.1:6379/13"
# A request that takes longer than this has hung: the portal must answer well before.
CLIENT_TIMEOUT = 15
ARTICLE = "/clanek/tabela-vrat/"
AUTOCONFIG = "/.well-known/autoconfig/mail/config-v1.1.xml?emailaddress=info@vasadomena.si"
# Never send loopback requests through a proxy from the environment.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def postgres_bindir() -> Path | None:
    """The newest PostgreSQL server binaries: Debian's /usr/lib/postgresql/N/bin or the PATH."""
    if os.environ.get("PG_BINDIR"):
        return Path(os.environ["PG_BINDIR"])
    debian = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda path: int(path.parent.parent.name) if path.parent.parent.name.isdigit() else 0,
    )
    if debian:
        return debian[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex((host, port)) == 0


@dataclass
class Answer:
    status: int
    headers: Message
    body: str

    def json(self) -> dict:
        return json.loads(self.body)


def fetch(url: str) -> Answer:
    try:
        with OPENER.open(url, timeout=CLIENT_TIMEOUT) as response:
            return Answer(response.status, response.headers, response.read().decode())
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.headers, error.read().decode())


def wait_until(condition, what: str, seconds: float = 30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            if condition():
                return
        time.sleep(0.3)
    pytest.fail(f"Gave up waiting {seconds:.0f} s for {what}")


class ThrowawayCluster:
    """A PostgreSQL cluster in a temporary folder, on its own port, owned by a non-root user."""

    def __init__(self, bindir: Path, folder: Path):
        self.bindir = bindir
        self.folder = folder
        self.data = folder / "data"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/portal"

    def run(self, program: str, *args: str):
        command = [str(self.bindir / program), *args]
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)
        assert result.returncode == 0, f"{program} failed:\n{result.stdout}\n{result.stderr}"

    def create(self):
        if os.geteuid() == 0:
            shutil.chown(self.folder, user="postgres", group="postgres")
        self.run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust")
        self.start()
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "portal")

    def start(self):
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        log = str(self.folder / "postgres.log")
        self.run("pg_ctl", "-D", str(self.data), "-o", options, "-l", log, "-w", "start")

    def stop(self, mode: str = "fast"):
        self.run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def log(self) -> str:
        path = self.folder / "postgres.log"
        return path.read_text(errors="replace") if path.exists() else ""


def production_environment(cluster: ThrowawayCluster, static_root: Path) -> dict:
    inherited = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "PORTAL_", "GUNICORN_"))
        and name not in {"DATABASE_URL", "REDIS_URL", "WEB_CONCURRENCY", "PORT"}
    }
    return inherited | {
        "DJANGO_SETTINGS_MODULE": "settings.base",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_HTTPS": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": cluster.url,
        "REDIS_URL": REDIS_URL,
        "DJANGO_STATIC_ROOT": str(static_root),
        "WEB_CONCURRENCY": "2",
        "PYTHONUNBUFFERED": "1",
    }


def manage(environment: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=180,
    )
    assert result.returncode == 0, (
        f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    )
    return result.stdout


class Gunicorn:
    """gunicorn as the image starts it (portal/gunicorn_conf.py), on a free loopback port."""

    def __init__(self, environment: dict, log_path: Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.log_file = log_path.open("wb")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--config",
                "python:portal.gunicorn_conf",
                "--bind",
                f"127.0.0.1:{self.port}",
                "portal.wsgi:application",
            ],
            cwd=ROOT,
            env=environment,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def get(self, path: str) -> Answer:
        assert self.process.poll() is None, f"gunicorn exited:\n{self.log()}"
        return fetch(self.base + path)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        self.log_file.close()


@pytest.fixture
def production():
    bindir = postgres_bindir()
    if bindir is None or not (bindir / "pg_ctl").exists():
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not found; set PG_BINDIR")
    assert port_open(6379), (
        "Redis is not answering on 127.0.0.1:6379; start it (see .ci/run) and run again"
    )
    # Not pytest's tmp_path: that folder is private to root, and the cluster's owner must enter it.
    folder = Path(tempfile.mkdtemp(prefix="portal-production-"))
    cluster = ThrowawayCluster(bindir, folder)
    gunicorn = None
    try:
        cluster.create()
        environment = production_environment(cluster, folder / "static")
        manage(environment, "migrate", "--noinput")
        manage(environment, "collectstatic", "--noinput")
        manage(environment, "seed_demo")
        gunicorn = Gunicorn(environment, folder / "gunicorn.log")
        wait_until(lambda: gunicorn.get("/health/live/").status == 200, "gunicorn to start")
        yield cluster, gunicorn
    finally:
        if gunicorn is not None:
            gunicorn.stop()
        with contextlib.suppress(AssertionError, subprocess.TimeoutExpired):
            cluster.stop("immediate")
        shutil.rmtree(folder, ignore_errors=True)


def access_lines(log: str) -> list[dict]:
    records = [json.loads(line) for line in log.splitlines() if line.strip()]
    return [record for record in records if record["logger"] == "gunicorn.access"]


def test_production_path_serves_fails_over_to_503_and_recovers(production):
    cluster, gunicorn = production

    ready = gunicorn.get("/health/ready/")
    assert (ready.status, ready.json()) == (200, {"status": "ok", "database": "ok", "cache": "ok"})
    article = gunicorn.get(ARTICLE)
    assert article.status == 200
    assert article.headers["Content-Type"].startswith("text/html")
    autoconfig = gunicorn.get(AUTOCONFIG)
    assert autoconfig.status == 200, autoconfig.body
    assert "<clientConfig" in autoconfig.body
    assert "streznik.avant.si" in autoconfig.body

    cluster.stop()

    ready = gunicorn.get("/health/ready/")
    assert (ready.status, ready.json()) == (
        503,
        {"status": "unavailable", "database": "down", "cache": "ok"},
    )
    # A query string of its own, so no page cache can answer in the database's place.
    unavailable = gunicorn.get(f"{ARTICLE}?poskus={secrets.token_hex(4)}")
    assert unavailable.status == 503
    assert unavailable.headers["Retry-After"].isdigit()
    assert "Center pomoči je začasno nedosegljiv" in unavailable.body

    cluster.start()

    wait_until(lambda: gunicorn.get("/health/ready/").status == 200, "readiness after restart")
    assert gunicorn.get(f"{ARTICLE}?poskus={secrets.token_hex(4)}").status == 200
    assert gunicorn.process.poll() is None, "gunicorn must not have been restarted"

    log = gunicorn.log()
    access = access_lines(log)  # every line is JSON, or this raises
    assert {"method": "GET", "path": ARTICLE, "status": 200} in [
        {key: line.get(key) for key in ("method", "path", "status")} for line in access
    ]
    health_statuses = [line["status"] for line in access if line["path"] == "/health/ready/"]
    assert health_statuses, "failed health checks are logged"
    assert set(health_statuses) == {503}, "successful health checks are not logged"
    assert "info@vasadomena.si" not in log, "no e-mail address from a query string in the logs"
