"""Load benchmark: the portal's pages and machine formats against a bare Django view, on gunicorn.

    .venv/bin/python bench/load.py [--seconds 5] [--rounds 3] [--connections 8]
                                   [--sections targets,redis,recycling]

Serves the portal with bench/server.py (gunicorn, 2 workers, the project's gunicorn
configuration, production settings, demo content) and loads it with wrk (Debian package `wrk`).

targets: each target in alternation (bare, home, article, wizard result, Thunderbird autoconfig,
  Autodiscover, Apple profile, bare, home, …). The three machine formats are asked for a new
  address of the same domain on every request (a wrk Lua script counts up the local part), as
  when the mailboxes of one customer set themselves up. Prints requests per second and p99
  latency per target, each as a ratio to the bare `HttpResponse("ok")` view.
redis: bare, home, article and Thunderbird autoconfig with Redis as the cache (REDIS_URL, database
  12 of the Redis on 127.0.0.1:6379, emptied before and after), as the web replicas run: the
  ratios of a cached page and of autoconfig to the bare view on the same gunicorn.
recycling: Thunderbird autoconfig and the home page on three servers that differ only in
  gunicorn's worker recycling: none, the project's setting (portal/gunicorn_conf.py) and the
  former `max_requests = 2000`. Prints requests per second and p99 for each.

Errors (non-2xx answers and socket errors) are counted and must be 0.
"""

import argparse
import contextlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import redis

from bench.server import prepared_site, running_gunicorn, wizard_cookie
from portal import gunicorn_conf

DOMAIN = "vasadomena.si"
AUTODISCOVER_BODY = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">'
    "<Request><EMailAddress>%s</EMailAddress>"
    "<AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/"
    "responseschema/2006a</AcceptableResponseSchema></Request></Autodiscover>"
)
# A new address of the same domain on every request: `%s` in the path or body is the address.
ADDRESS_SCRIPT = """
local counter = 0
wrk.method = "{method}"
wrk.headers["Content-Type"] = "text/xml"
request = function()
  counter = counter + 1
  local address = "uporabnik" .. counter .. "@{domain}"
  local path = string.format("{path}", address)
  local body = {body}
  return wrk.format(nil, path, nil, body)
end
"""


@dataclass(frozen=True)
class Target:
    name: str
    path: str
    method: str = "GET"
    body: str | None = None  # with `%s` for the address (then the path may have one too)
    wizard: bool = False  # needs the session cookie of a finished wizard

    @property
    def per_address(self) -> bool:
        return "%s" in self.path or self.body is not None

    def script(self) -> str:
        body = "nil" if self.body is None else f"string.format('{self.body}', address)"
        return ADDRESS_SCRIPT.format(method=self.method, domain=DOMAIN, path=self.path, body=body)


TARGETS = [
    Target("bare", "/bench/bare/"),
    Target("home", "/"),
    Target("article", "/clanek/tabela-vrat/"),
    Target("wizard result", "/carovnik/rezultat/", wizard=True),
    Target("autoconfig", "/mail/config-v1.1.xml?emailaddress=%s"),
    Target("autodiscover", "/autodiscover/autodiscover.xml", "POST", AUTODISCOVER_BODY),
    Target("apple profile", "/mobileconfig/?emailaddress=%s"),
]
RECYCLING_TARGETS = [TARGETS[4], TARGETS[1]]
REDIS_TARGETS = [TARGETS[0], TARGETS[1], TARGETS[2], TARGETS[4]]
REDIS_URL = "redis://127.0.0.1:6379/12"
RECYCLING = [
    ("none", ("--max-requests", "0")),
    (
        f"portal ({gunicorn_conf.max_requests:,}±{gunicorn_conf.max_requests_jitter:,})",
        (),
    ),
    ("every 2,000 (before)", ("--max-requests", "2000", "--max-requests-jitter", "200")),
]


def run_wrk(base: str, target: Target, seconds: int, connections: int, cookie: str = "") -> dict:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    if target.wizard:
        command += ["-H", f"Cookie: {cookie}"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        if target.per_address:
            script.write(target.script())
            script.flush()
            command += ["-s", script.name, base + target.path.split("?")[0]]
        else:
            command.append(base + target.path)
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


def measure(base: str, targets: list[Target], options, cookie: str = "") -> dict[str, dict]:
    """Median requests/s and p99 per target over the rounds, targets in alternation."""
    for target in targets:  # warm every worker's caches before measuring
        run_wrk(base, target, 1, options.connections, cookie)
    runs: dict[str, list[dict]] = {target.name: [] for target in targets}
    for _round in range(options.rounds):
        for target in targets:
            runs[target.name].append(
                run_wrk(base, target, options.seconds, options.connections, cookie)
            )
    return {
        name: {
            "rps": statistics.median(r["rps"] for r in measured),
            "p99_ms": statistics.median(r["p99_ms"] for r in measured),
            "errors": sum(r["errors"] for r in measured),
        }
        for name, measured in runs.items()
    }


def print_targets(results: dict[str, dict]) -> None:
    """Printed while the server still runs, so a slow shutdown cannot lose the figures."""
    bare = results["bare"]
    print(f"{'target':<15}{'req/s':>10}{'ratio':>8}{'p99 ms':>10}{'p99 ratio':>11}{'errors':>8}")
    for name, result in results.items():
        print(
            f"{name:<15}{result['rps']:>10.0f}{result['rps'] / bare['rps']:>8.2f}"
            f"{result['p99_ms']:>10.2f}{result['p99_ms'] / bare['p99_ms']:>11.2f}"
            f"{result['errors']:>8}"
        )


def print_recycling(rows: list[tuple[str, dict[str, dict]]]) -> None:
    print(f"{'max_requests':<26}{'target':<13}{'req/s':>8}{'p99 ms':>9}{'errors':>8}")
    for variant, results in rows:
        for name, result in results.items():
            print(
                f"{variant:<26}{name:<13}{result['rps']:>8.0f}{result['p99_ms']:>9.2f}"
                f"{result['errors']:>8}"
            )


@contextlib.contextmanager
def empty_redis_database():
    """REDIS_URL's database, emptied before and after (never the whole server)."""
    client = redis.Redis.from_url(REDIS_URL)
    client.flushdb()
    try:
        yield
    finally:
        client.flushdb()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--sections", default="targets,redis,recycling")
    options = parser.parse_args()
    sections = options.sections.split(",")
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")

    print(
        f"gunicorn 2 workers, wrk -t2 -c{options.connections}, {options.rounds} x "
        f"{options.seconds}s per target (medians), {os.cpu_count()} cores"
    )
    errors = 0
    with prepared_site() as env:
        if "targets" in sections:
            with running_gunicorn(env) as base:
                results = measure(base, TARGETS, options, wizard_cookie(base))
                print_targets(results)
            errors += sum(result["errors"] for result in results.values())
        if "redis" in sections:
            with empty_redis_database(), running_gunicorn(env | {"REDIS_URL": REDIS_URL}) as base:
                results = measure(base, REDIS_TARGETS, options)
                print(f"\nwith Redis as the cache ({REDIS_URL})")
                print_targets(results)
            errors += sum(result["errors"] for result in results.values())
        if "recycling" in sections:
            rows = []
            for variant, gunicorn_options in RECYCLING:
                with running_gunicorn(env, options=gunicorn_options) as base:
                    rows.append((variant, measure(base, RECYCLING_TARGETS, options)))
            print()
            print_recycling(rows)
            errors += sum(r["errors"] for _variant, results in rows for r in results.values())
    if errors:
        raise SystemExit("errors during the load test")


if __name__ == "__main__":
    main()
