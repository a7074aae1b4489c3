"""A PostgreSQL server that stops answering on open connections gives the 503 page, not a hang.

A throwaway cluster of the test's own (never the machine's shared server) is frozen with
SIGSTOP after the portal has connected: the kernel still accepts and acknowledges packets, so
only the portal's own deadline (statement timeout plus portal/db_deadline.py) can end the wait.
"""

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.deploy.test_production_path import ROOT, ThrowawayCluster, postgres_bindir

pytestmark = pytest.mark.deploy

# Gunicorn kills a worker after 30 s: the portal must answer well before. This timeout only
# guards the test against a hang; it is not a speed figure.
HANG_GUARD_SECONDS = 28

PORTAL_SCRIPT = """
import sys
import time
import django
django.setup()
from django.db import connection
from django.test import Client

client = Client()
print("ANSWER before", client.get("/health/ready/").status_code, flush=True)
connection.ensure_connection()
sys.stdin.readline()  # the test freezes the database now
for path in ("/health/ready/", "/", "/en/article/tabela-vrat/"):
    started = time.monotonic()
    status = client.get(path).status_code
    print("ANSWER", path, status, flush=True)
    print(f"{path} answered {status} after {time.monotonic() - started:.1f} s", file=sys.stderr)
"""


def cluster_pids(cluster: ThrowawayCluster) -> list[int]:
    """The postmaster and every process it started (the backends serving connections)."""
    postmaster = int((cluster.data / "postmaster.pid").read_text().split()[0])
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == postmaster:
                children.append(int(stat.parent.name))
    return [postmaster, *children]


@pytest.fixture
def cluster():
    bindir = postgres_bindir()
    if bindir is None or not (bindir / "pg_ctl").exists():
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not found; set PG_BINDIR")
    folder = Path(tempfile.mkdtemp(prefix="portal-frozen-"))
    cluster = ThrowawayCluster(bindir, folder)
    try:
        cluster.create()
        yield cluster
    finally:
        with contextlib.suppress(OSError, ValueError):
            for pid in cluster_pids(cluster):
                os.kill(pid, signal.SIGCONT)
        with contextlib.suppress(AssertionError, subprocess.TimeoutExpired):
            cluster.stop("immediate")
        shutil.rmtree(folder, ignore_errors=True)


def test_a_frozen_database_gives_the_503_page_instead_of_a_hang(cluster):
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "PORTAL_")) and name not in {"DATABASE_URL", "REDIS_URL"}
    } | {
        "DJANGO_SETTINGS_MODULE": "settings.test",  # static files without collectstatic
        "DJANGO_SECRET_KEY": "x" * 50,
        "DJANGO_HTTPS": "0",
        "DATABASE_URL": cluster.url,
        "DJANGO_DB_STATEMENT_TIMEOUT": "2",
        "DJANGO_DB_CONNECT_TIMEOUT": "2",
    }
    portal = subprocess.Popen(
        [sys.executable, "-c", PORTAL_SCRIPT],
        cwd=ROOT,
        env=environment,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        first = portal.stdout.readline()
        while first and not first.startswith("ANSWER"):  # the portal's own log lines
            first = portal.stdout.readline()
        assert first.split() == ["ANSWER", "before", "200"]
        for pid in cluster_pids(cluster):
            os.kill(pid, signal.SIGSTOP)
        output, errors = portal.communicate("go\n", timeout=HANG_GUARD_SECONDS)
    finally:
        if portal.poll() is None:
            portal.kill()
            portal.wait()
    answers = dict(line.split()[1:] for line in output.splitlines() if line.startswith("ANSWER"))
    assert answers == {"/health/ready/": "503", "/": "503", "/en/article/tabela-vrat/": "503"}, (
        errors
    )
