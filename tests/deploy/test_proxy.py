"""The proxy path without Docker: Debian's nginx with deploy/nginx in front of two gunicorns.

deploy/nginx/render.py renders the same template compose uses into a temporary folder (free
ports, its own pid, temp and cache folders, a trustme certificate), and nginx runs as an
ordinary process in front of two gunicorn instances that share a throwaway PostgreSQL cluster
and Redis (database 11, this test's own), as web replicas do. The shared-cache lifetime is
two seconds here (PORTAL_PAGE_SHARED_MAX_AGE), so a staff save shows through the proxy
within seconds.
"""

import contextlib
import http.client
import http.cookiejar
import json
import os
import re
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import psycopg
import pytest
import redis
import trustme

from tests.deploy.test_production_path import (
    ROOT,
    Answer,
    Gunicorn,
    ThrowawayCluster,
    free_port,
    manage,
    port_open,
    postgres_bindir,
    production_environment,
    wait_until,
)

REDIS_URL = "redis://127.0.0.1:6379/11"
ARTICLE = "/clanek/tabela-vrat/"
SHARED_MAX_AGE = 2
STALE_WHILE_REVALIDATE = 2
STAFF = ("urednica", "Dolgo-geslo-za-preizkus-42")


class Nginx:
    """nginx as an ordinary process with the repository's configuration, rendered for the test."""

    def __init__(self, folder: Path, upstreams: list[str], static_root: Path, tls_files):
        self.http_port, self.https_port = free_port(), free_port()
        certificate, key = tls_files
        environment = {
            "PORTAL_NGINX_UPSTREAM": ",".join(upstreams),
            "PORTAL_NGINX_HTTP_LISTEN": f"127.0.0.1:{self.http_port}",
            "PORTAL_NGINX_HTTPS_LISTEN": f"127.0.0.1:{self.https_port}",
            "PORTAL_NGINX_TLS_CERTIFICATE": str(certificate),
            "PORTAL_NGINX_TLS_CERTIFICATE_KEY": str(key),
            "PORTAL_NGINX_STATIC_ROOT": str(static_root),
            "PORTAL_NGINX_WORKERS": "1",
        }
        self.folder = folder
        render = subprocess.run(
            [sys.executable, str(ROOT / "deploy/nginx/render.py"), str(folder)],
            env=os.environ | environment,
            capture_output=True,
            text=True,
            check=False,
        )
        assert render.returncode == 0, render.stderr
        self.config = Path(render.stdout.strip())
        error_log = str(folder / "error.log")
        self.process = subprocess.Popen(
            [shutil.which("nginx") or "/usr/sbin/nginx", "-c", str(self.config), "-e", error_log],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_until(lambda: port_open(self.https_port) or self.exited(), "nginx to start")
        assert not self.exited(), f"nginx exited:\n{self.error_log()}"

    def exited(self) -> bool:
        return self.process.poll() is not None

    def error_log(self) -> str:
        path = self.folder / "error.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGQUIT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)


class Visitor:
    """A browser of its own (cookies, TLS trust) connecting from a loopback address of its own."""

    def __init__(self, nginx: Nginx, tls: ssl.SSLContext, address: str = "127.0.0.1"):
        self.nginx, self.tls, self.address = nginx, tls, address
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: str = "", headers=None) -> Answer:
        connection = http.client.HTTPSConnection(
            "127.0.0.1", self.nginx.https_port, context=self.tls, source_address=(self.address, 0)
        )
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body.encode() or None, headers=headers)
            response = connection.getresponse()
            for header in response.headers.get_all("Set-Cookie") or []:
                name, value = header.split(";", 1)[0].split("=", 1)
                self.cookies[name] = value
            return Answer(response.status, response.headers, response.read().decode())
        finally:
            connection.close()

    def get(self, path: str, headers=None) -> Answer:
        return self.request("GET", path, headers=headers)


class FormFields(HTMLParser):
    """The fields a browser would send with the form whose id is `form_id`."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id, self.inside, self.fields = form_id, False, {}
        self.select: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        elif self.inside and tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind not in ("submit", "button", "file"):
                self.fields[attrs["name"]] = attrs.get("value", "on" if kind == "checkbox" else "")
        elif self.inside and tag == "select":
            self.select = attrs.get("name")
        elif self.inside and tag == "option" and self.select and "selected" in attrs:
            self.fields[self.select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None


class Staff:
    """A member of staff in the admin of one gunicorn instance (plain HTTP, straight to it)."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({}),
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
        )

    def open(self, path: str, fields: dict | None = None) -> str:
        data = urllib.parse.urlencode(fields).encode() if fields is not None else None
        request = urllib.request.Request(self.base + path, data=data)  # noqa: S310 (loopback)
        if data is not None:
            request.add_header("Origin", self.base)
        with self.opener.open(request, timeout=15) as response:
            return response.read().decode()

    def submit(self, path: str, form_id: str, changes: dict) -> str:
        parser = FormFields(form_id)
        parser.feed(self.open(path))
        assert parser.fields, f"no form #{form_id} on {path}"
        return self.open(path, parser.fields | changes)

    def log_in(self):
        username, password = STAFF
        page = self.submit(
            "/admin/login/", "login-form", {"username": username, "password": password}
        )
        assert "logout" in page, "staff could not log in"


def shows_new_port(body: str) -> bool:
    return re.search(r"\b9993\b", body) is not None


def votes(database_url: str) -> int:
    with psycopg.connect(database_url.replace("postgres://", "postgresql://")) as connection:
        row = connection.execute(
            "SELECT coalesce(sum(helpful + not_helpful), 0) FROM help_articlefeedback"
        ).fetchone()
    return int(row[0])


@pytest.fixture(scope="module")  # one stack for both tests: it takes ~20 s to build
def proxied():
    if shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists():
        pytest.skip("nginx is not installed (.ci/run installs Debian's nginx-light)")
    bindir = postgres_bindir()
    if bindir is None or not (bindir / "pg_ctl").exists():
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not found; set PG_BINDIR")
    assert port_open(6379), "Redis is not answering on 127.0.0.1:6379 (see .ci/run)"
    redis.Redis.from_url(REDIS_URL).flushdb()
    folder = Path(tempfile.mkdtemp(prefix="portal-proxy-"))
    cluster = ThrowawayCluster(bindir, folder)
    servers: list[Gunicorn] = []
    nginx = None
    try:
        cluster.create()
        environment = production_environment(cluster, folder / "static") | {
            "REDIS_URL": REDIS_URL,
            "WEB_CONCURRENCY": "1",
            "PORTAL_TRUSTED_PROXIES": "127.0.0.1",  # nginx, as the portal sees its connections
            "PORTAL_VOTE_RATE": "1/d",
            "PORTAL_PAGE_SHARED_MAX_AGE": str(SHARED_MAX_AGE),
            "PORTAL_PAGE_STALE_WHILE_REVALIDATE": str(STALE_WHILE_REVALIDATE),
            "DJANGO_SUPERUSER_PASSWORD": STAFF[1],
        }
        manage(environment, "migrate", "--noinput")
        manage(environment, "collectstatic", "--noinput", "--verbosity", "0")
        manage(environment, "seed_demo")
        manage(
            environment,
            "createsuperuser",
            "--noinput",
            "--username",
            STAFF[0],
            "--email",
            "u@example.si",
        )
        servers = [Gunicorn(environment, folder / f"gunicorn-{n}.log") for n in (1, 2)]
        for server in servers:
            wait_until(lambda s=server: s.get("/health/live/").status == 200, "gunicorn to start")
        ca = trustme.CA()
        leaf = ca.issue_cert("127.0.0.1", "localhost")
        leaf.private_key_and_cert_chain_pem.write_to_path(str(folder / "tls.pem"))
        leaf.private_key_pem.write_to_path(str(folder / "tls-key.pem"))
        nginx = Nginx(
            folder / "nginx",
            [f"127.0.0.1:{server.port}" for server in servers],
            folder / "static",
            (folder / "tls.pem", folder / "tls-key.pem"),
        )
        tls = ssl.create_default_context()
        ca.configure_trust(tls)
        yield nginx, tls, servers, cluster
    finally:
        if nginx is not None:
            nginx.stop()
        for server in servers:
            server.stop()
        with contextlib.suppress(AssertionError, subprocess.TimeoutExpired):
            cluster.stop("immediate")
        with contextlib.suppress(redis.ConnectionError):
            redis.Redis.from_url(REDIS_URL).flushdb()
        shutil.rmtree(folder, ignore_errors=True)


def test_the_proxy_caches_public_pages_and_shows_a_staff_save_within_the_shared_max_age(proxied):
    nginx, tls, (first, second), cluster = proxied
    visitor = Visitor(nginx, tls)

    ready = visitor.get("/health/ready/")
    assert (ready.status, json.loads(ready.body)) == (
        200,
        {"status": "ok", "database": "ok", "cache": "ok"},
    )
    assert visitor.get("/health/live/").status == 200
    assert ready.headers["X-Cache-Status"] is None  # health checks never come from a cache

    article = visitor.get(ARTICLE)
    assert article.status == 200
    assert article.headers["X-Cache-Status"] == "MISS"
    assert (
        article.headers["Cache-Control"]
        == "public, max-age=60, s-maxage=2, stale-while-revalidate=2"
    )
    # HTTPS and the host as the proxy passed them on (X-Forwarded-Proto, Host).
    canonical = f'<link rel="canonical" href="https://127.0.0.1:{nginx.https_port}{ARTICLE}">'
    assert canonical in article.body
    again = Visitor(nginx, tls).get(ARTICLE)
    assert (again.status, again.headers["X-Cache-Status"]) == (200, "HIT")
    assert again.body == article.body
    assert not shows_new_port(article.body)
    not_modified = visitor.get(ARTICLE, {"If-None-Match": article.headers["ETag"]})
    assert not_modified.status == 304

    # Thunderbird's document is kept per domain: another address of it comes from the cache,
    # and no address is written into the cache.
    autoconfig = visitor.get("/mail/config-v1.1.xml?emailaddress=ana@vasadomena.si")
    assert (autoconfig.status, autoconfig.headers["X-Cache-Status"]) == (200, "MISS")
    other = visitor.get("/mail/config-v1.1.xml?emailaddress=info%40vasadomena.si")
    assert (other.status, other.headers["X-Cache-Status"]) == (200, "HIT")
    assert other.body == autoconfig.body
    cached = b"".join(
        path.read_bytes() for path in (nginx.folder / "cache").rglob("*") if path.is_file()
    )
    assert b"vasadomena.si" in cached
    assert b"ana@" not in cached
    assert b"info%40" not in cached
    assert b"ana%40" not in cached

    # Static files come from disk, with a year's lifetime for hashed names.
    manifest = json.loads((nginx.folder.parent / "static/staticfiles.json").read_text())
    hashed = manifest["paths"]["css/portal.css"]
    static = visitor.get(f"/static/{hashed}")
    assert static.status == 200
    assert static.headers["Cache-Control"] == "public, max-age=31536000, immutable"

    # Staff save a port on the first instance; the second shows it at once (one database, one
    # shared cache), the proxy within the shared max-age.
    staff = Staff(first.base)
    staff.log_in()
    with psycopg.connect(cluster.url.replace("postgres://", "postgresql://")) as connection:
        (port_id,) = connection.execute(
            "SELECT id FROM mail_portsetting WHERE protocol = 'imap' AND security = 'ssl'"
        ).fetchone()
    staff.submit(f"/admin/mail/portsetting/{port_id}/change/", "portsetting_form", {"port": "9993"})
    saved_at = time.monotonic()
    assert shows_new_port(second.get(ARTICLE).body)
    wait_until(
        lambda: shows_new_port(Visitor(nginx, tls).get(ARTICLE).body),
        "the proxy to show the save",
        seconds=SHARED_MAX_AGE + STALE_WHILE_REVALIDATE + 3,
    )
    assert time.monotonic() - saved_at < SHARED_MAX_AGE + STALE_WHILE_REVALIDATE + 3

    # Pages a proxy does not keep (a query string) go to both replicas in turn.
    for number in range(4):
        assert visitor.get(f"{ARTICLE}?stran={number}").status == 200
    for server in (first, second):
        assert f'"path": "{ARTICLE}"' in server.log(), "each replica served some of the requests"


def test_the_portal_sees_the_client_address_the_proxy_saw_never_a_forged_one(proxied):
    nginx, tls, _servers, cluster = proxied
    vote = f"{ARTICLE}glas/"
    same_origin = {"Sec-Fetch-Site": "same-origin"}
    # One vote per article and client address a day (PORTAL_VOTE_RATE=1/d here): a second
    # browser on the same address is not counted, even when it claims another address.
    assert (
        Visitor(nginx, tls, "127.0.0.2").request("POST", vote, "helpful=yes", same_origin).status
        == 303
    )
    forged = same_origin | {"X-Forwarded-For": "198.51.100.23"}
    assert (
        Visitor(nginx, tls, "127.0.0.2").request("POST", vote, "helpful=yes", forged).status == 303
    )
    assert votes(cluster.url) == 1
    # Another client address counts.
    assert (
        Visitor(nginx, tls, "127.0.0.3").request("POST", vote, "helpful=yes", same_origin).status
        == 303
    )
    assert votes(cluster.url) == 2
    # A vote sent from another site is refused, through the proxy too.
    refused = Visitor(nginx, tls, "127.0.0.4").request(
        "POST", vote, "helpful=yes", {"Sec-Fetch-Site": "cross-site"}
    )
    assert refused.status == 403
    assert votes(cluster.url) == 2
