"""Load benchmark: the portal's pages against a bare Django view, on one gunicorn server.

    .venv/bin/python bench/load.py [--seconds 5] [--rounds 3] [--connections 8]

Serves the portal with bench/server.py (gunicorn, 2 workers, production settings, demo
content) and loads each target with wrk (Debian package `wrk`) in alternation: bare, home,
article, wizard result, autoconfig, bare, home, … It prints requests per second and p99
latency per target, each as a ratio to the bare `HttpResponse("ok")` view served by the same
server, plus errors (non-2xx answers and socket errors; must be 0).
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.server import served_portal, wizard_cookie

TARGETS = {
    "bare": "/bench/bare/",
    "home": "/",
    "article": "/clanek/tabela-vrat/",
    "wizard result": "/carovnik/rezultat/",
    "autoconfig": "/mail/config-v1.1.xml?emailaddress=info@vasadomena.si",
}


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

    with served_portal() as base:
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


if __name__ == "__main__":
    main()
