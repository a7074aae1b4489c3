"""Load through the reverse proxy: requests/s through nginx beside straight to gunicorn.

    .venv/bin/python bench/proxy_load.py [--seconds 5] [--rounds 3] [--connections 32]

Serves the portal as bench/load.py does (gunicorn, 2 workers, production settings, demo
content) with Redis as the cache (database 12 of 127.0.0.1:6379, emptied before and after),
and puts Debian's nginx with the repository's configuration (deploy/nginx, rendered by
render.py into a temporary folder, a throwaway self-signed certificate) in front of it. Loads
home, an article and Thunderbird autoconfig (a new address of one domain per request, as
bench/load.py) with wrk, each straight to gunicorn and through nginx (plain HTTP on both,
so the figures compare the servers, not TLS), and prints requests/s, the ratio and nginx's
cache hits. Errors (non-2xx, socket errors) must be 0.
"""

import argparse
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import redis
import trustme

from bench.load import TARGETS, measure
from bench.server import free_port, prepared_site, running_gunicorn
from deploy.nginx.render import render_to

REDIS_URL = "redis://127.0.0.1:6379/12"
PROXY_TARGETS = [TARGETS[1], TARGETS[2], TARGETS[4]]  # home, article, autoconfig


@contextlib.contextmanager
def running_nginx(upstream: str, static_root: Path):
    """nginx with deploy/nginx in front of `upstream`, as an ordinary process; its base URL."""
    folder = Path(tempfile.mkdtemp(prefix="portal-proxy-bench-"))
    leaf = trustme.CA().issue_cert("127.0.0.1")
    leaf.private_key_and_cert_chain_pem.write_to_path(str(folder / "tls.pem"))
    leaf.private_key_pem.write_to_path(str(folder / "tls-key.pem"))
    http_port = free_port()
    config = render_to(
        folder / "nginx",
        {
            "PORTAL_NGINX_UPSTREAM": upstream,
            "PORTAL_NGINX_HTTP_LISTEN": f"127.0.0.1:{http_port}",
            "PORTAL_NGINX_HTTPS_LISTEN": f"127.0.0.1:{free_port()}",
            "PORTAL_NGINX_TLS_CERTIFICATE": str(folder / "tls.pem"),
            "PORTAL_NGINX_TLS_CERTIFICATE_KEY": str(folder / "tls-key.pem"),
            "PORTAL_NGINX_STATIC_ROOT": str(static_root),
            "PORTAL_NGINX_ACCESS_LOG": "/dev/null",
        },
    )
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    process = subprocess.Popen(
        [nginx, "-c", str(config), "-e", str(folder / "error.log")], start_new_session=True
    )
    base = f"http://127.0.0.1:{http_port}"
    try:
        for _attempt in range(100):
            with contextlib.suppress(OSError):
                urllib.request.urlopen(base + "/health/live/", timeout=2).close()
                break
            time.sleep(0.1)
        yield base
    finally:
        os.killpg(process.pid, signal.SIGQUIT)
        process.wait(timeout=15)
        shutil.rmtree(folder, ignore_errors=True)


def cache_status(base: str, path: str) -> str:
    with urllib.request.urlopen(base + path.replace("%s", "ana@vasadomena.si"), timeout=10) as r:
        return r.headers.get("X-Cache-Status", "-")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=32)
    options = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        raise SystemExit("nginx is not installed: apt-get install nginx")
    print(
        f"gunicorn 2 workers, Redis cache, nginx (deploy/nginx) in front; wrk -t2 "
        f"-c{options.connections}, {options.rounds} x {options.seconds}s per target (medians), "
        f"{os.cpu_count()} cores"
    )
    client = redis.Redis.from_url(REDIS_URL)
    client.flushdb()
    errors = 0
    try:
        with (
            prepared_site() as env,
            running_gunicorn(env | {"REDIS_URL": REDIS_URL}) as direct,
            running_nginx(direct.removeprefix("http://"), Path(env["DJANGO_STATIC_ROOT"])) as proxy,
        ):
            straight = measure(direct, PROXY_TARGETS, options)
            through = measure(proxy, PROXY_TARGETS, options)
            statuses = {t.name: cache_status(proxy, t.path) for t in PROXY_TARGETS}
            print(
                f"{'target':<12}{'gunicorn req/s':>16}{'nginx req/s':>13}{'ratio':>8}{'cache':>7}"
            )
            for target in PROXY_TARGETS:
                a, b = straight[target.name], through[target.name]
                print(
                    f"{target.name:<12}{a['rps']:>16.0f}{b['rps']:>13.0f}"
                    f"{b['rps'] / a['rps']:>8.1f}{statuses[target.name]:>7}"
                )
                errors += a["errors"] + b["errors"]
    finally:
        client.flushdb()
    if errors:
        raise SystemExit("errors during the load test")


if __name__ == "__main__":
    main()
