"""Serve the portal like production for the benchmarks: gunicorn, demo content, static files.

`with served_portal() as base:` builds a throwaway SQLite database with the demo content,
collects static files and starts gunicorn (2 workers, the production settings plus one bare
view at /bench/bare/, see bench/settings.py) on a free loopback port; everything is removed
on exit. `prepared_site()` and `running_gunicorn()` are its two halves, for benchmarks that
start several servers (say, with different gunicorn options) on one database.
"""

import contextlib
import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from tests.page_weight import WIZARD_ANSWERS

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(workdir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env |= {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DJANGO_SECRET_KEY": "bench-" + "x" * 50,
        "DJANGO_DEBUG": "0",
        "DJANGO_HTTPS": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "DJANGO_STATIC_ROOT": str(workdir / "static"),
        "PYTHONPATH": str(ROOT),
    }
    return env


def manage(env, *args) -> None:
    subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


def wait_until_up(base: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/health/live/", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not come up")


def wizard_cookie(base: str) -> str:
    """Walk the wizard once over HTTP and return the session cookie header for its result page."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def post(path: str, data: dict) -> str:
        page = opener.open(base + path, timeout=10).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        fields = dict(data, csrfmiddlewaretoken=token.group(1) if token else "")
        body = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(base + path, data=body, headers={"Referer": base + path})
        return opener.open(request, timeout=10).geturl()

    for path, answers in WIZARD_ANSWERS:
        post(path, answers)
    return "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)


@contextlib.contextmanager
def prepared_site():
    """A throwaway database with the demo content and collected static files: the environment."""
    workdir = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    env = environment(workdir)
    try:
        manage(env, "migrate", "--noinput")
        manage(env, "seed_demo")
        manage(env, "collectstatic", "--noinput")
        yield env
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


@contextlib.contextmanager
def running_gunicorn(env: dict[str, str], workers: int = 2, options: tuple[str, ...] = ()):
    """gunicorn with the project's configuration (plus `options`, which win) on a free port."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    gunicorn = [PYTHON, "-m", "gunicorn", "bench.wsgi:application", "--workers", str(workers)]
    config = ROOT / "portal" / "gunicorn_conf.py"
    if config.exists():
        gunicorn += ["--config", str(config)]
    gunicorn += ["--bind", f"127.0.0.1:{port}", "--access-logfile", "/dev/null", *options]
    server = subprocess.Popen(gunicorn, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    try:
        wait_until_up(base)
        yield base
    finally:
        server.terminate()  # graceful: workers finish their requests (up to graceful_timeout)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@contextlib.contextmanager
def served_portal(workers: int = 2):
    with prepared_site() as env, running_gunicorn(env, workers) as base:
        yield base
