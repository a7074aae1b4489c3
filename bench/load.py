"""Load benchmark: the portal's pages against a bare Django view, on one gunicorn server.

    .venv/bin/python bench/load.py [--seconds 5] [--rounds 3] [--connections 8]

Builds a throwaway SQLite database with the demo content, collects static files, starts
gunicorn (2 workers, the production settings plus one bare `HttpResponse("ok")` view, see
bench/settings.py) on a free loopback port, and loads each target with wrk (Debian package
`wrk`) in alternation: bare, home, article, wizard result, autoconfig, bare, home, … It
prints requests per second and p99 latency per target, each as a ratio to the bare view
measured in the same round, plus errors (non-2xx answers and socket errors; must be 0).
"""

import argparse
import http.cookiejar
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
TARGETS = {
    "bare": "/bench/bare/",
    "home": "/",
    "article": "/clanek/tabela-vrat/",
    "wizard result": "/carovnik/rezultat/",
    "autoconfig": "/mail/config-v1.1.xml?emailaddress=info@vasadomena.si",
}


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

    post("/carovnik/", {"email": "info@vasadomena.si"})
    post("/carovnik/program/", {"program": "thunderbird"})
    post(
        "/carovnik/uporaba/",
        {
            "devices": "few",
            "shared": "no",
            "storage": "keep",
            "forwarded": "no",
            "volume": "medium",
        },
    )
    return "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)


def run_wrk(url: str, seconds: int, connections: int, cookie: str = "") -> dict:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p99_value, p99_unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", output).groups()
    p99_ms = float(p99_value) * {"us": 0.001, "ms": 1, "s": 1000}[p99_unit]
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    errors = int(non_2xx.group(1)) if non_2xx else 0
    errors += sum(int(n) for n in socket_errors.groups()) if socket_errors else 0
    return {"rps": rps, "p99_ms": p99_ms, "errors": errors}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=8)
    options = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")

    workdir = Path(tempfile.mkdtemp(prefix="portal-load-"))
    env = environment(workdir)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = None
    try:
        manage(env, "migrate", "--noinput")
        manage(env, "seed_demo")
        manage(env, "collectstatic", "--noinput")
        gunicorn = [PYTHON, "-m", "gunicorn", "bench.wsgi:application", "--workers", "2"]
        config = ROOT / "portal" / "gunicorn_conf.py"
        if config.exists():
            gunicorn += ["--config", str(config)]
        gunicorn += ["--bind", f"127.0.0.1:{port}", "--access-logfile", "/dev/null"]
        server = subprocess.Popen(gunicorn, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
        wait_until_up(base)
        cookie = wizard_cookie(base)
        for name, path in TARGETS.items():  # warm every worker's caches before measuring
            run_wrk(base + path, 1, options.connections, cookie if "wizard" in name else "")

        results: dict[str, list[dict]] = {name: [] for name in TARGETS}
        for _round in range(options.rounds):
            for name, path in TARGETS.items():
                measured = run_wrk(
                    base + path,
                    options.seconds,
                    options.connections,
                    cookie if "wizard" in name else "",
                )
                results[name].append(measured)

        bare_rps = statistics.median(r["rps"] for r in results["bare"])
        bare_p99 = statistics.median(r["p99_ms"] for r in results["bare"])
        print(
            f"gunicorn 2 workers, wrk -t2 -c{options.connections}, {options.rounds} x {options.seconds}s per target, {os.cpu_count()} cores"
        )
        print(
            f"{'target':<15}{'req/s':>10}{'ratio':>8}{'p99 ms':>10}{'p99 ratio':>11}{'errors':>8}"
        )
        failed = False
        for name in TARGETS:
            rps = statistics.median(r["rps"] for r in results[name])
            p99 = statistics.median(r["p99_ms"] for r in results[name])
            errors = sum(r["errors"] for r in results[name])
            failed |= errors > 0
            print(
                f"{name:<15}{rps:>10.0f}{rps / bare_rps:>8.2f}{p99:>10.2f}{p99 / bare_p99:>11.2f}{errors:>8}"
            )
        if failed:
            raise SystemExit("errors during the load test")
    finally:
        if server:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
