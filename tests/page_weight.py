"""First-load weight of a page: the HTML plus every subresource a browser would fetch.

`measure(fetch, path)` is deterministic: tests/test_budgets.py asserts the budget with it, and
`bench/page_budget.py` prints the figures for every public page type.

Counted: the document, stylesheets, scripts, images, icons (a browser always fetches one) and
preloads. Static files are counted at the size WhiteNoise transfers them (its pre-compressed
gzip/brotli variant when one exists); the HTML at the size the server sends it.
"""

import gzip
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

# One walk through the wizard (hosted address, Thunderbird, phone + laptop → IMAP).
WIZARD_ANSWERS = [
    ("/carovnik/", {"email": "info@vasadomena.si"}),
    ("/carovnik/program/", {"program": "thunderbird"}),
    (
        "/carovnik/uporaba/",
        {
            "devices": "few",
            "shared": "no",
            "storage": "keep",
            "forwarded": "no",
            "volume": "medium",
        },
    ),
]

BUDGET_BYTES = 50 * 1024
BUDGET_REQUESTS = 4


class _Subresources(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        rel = (attributes.get("rel") or "").lower().split()
        if tag == "link" and ({"stylesheet", "icon", "preload", "modulepreload"} & set(rel)):
            self.urls.append(attributes.get("href") or "")
        elif tag in {"script", "img", "iframe", "source", "video", "audio", "embed"}:
            if attributes.get("src"):
                self.urls.append(attributes["src"])
        elif tag == "object" and attributes.get("data"):
            self.urls.append(attributes["data"])


@dataclass
class PageWeight:
    path: str
    status: int
    resources: list[tuple[str, int]] = field(default_factory=list)  # (url, bytes transferred)
    foreign: list[str] = field(default_factory=list)  # subresources from other sites

    @property
    def requests(self) -> int:
        return len(self.resources)

    @property
    def total_bytes(self) -> int:
        return sum(size for _url, size in self.resources)

    @property
    def within_budget(self) -> bool:
        return (
            not self.foreign
            and self.total_bytes <= BUDGET_BYTES
            and self.requests <= BUDGET_REQUESTS
        )


def subresource_urls(html: str) -> list[str]:
    parser = _Subresources()
    parser.feed(html)
    return [url for url in parser.urls if url]


def measure(fetch, path: str) -> PageWeight:
    """`fetch(path) -> (status, body bytes, content-encoding)` is the server, e.g. a test client."""
    status, body, _encoding = fetch(path)
    weight = PageWeight(path=path, status=status, resources=[(path, len(body))])
    seen = {path}
    for url in subresource_urls(body.decode("utf-8", "replace")):
        absolute = urljoin(path, url)
        parts = urlsplit(absolute)
        if parts.scheme in {"http", "https"} or parts.netloc or absolute.startswith("//"):
            weight.foreign.append(url)
            continue
        if parts.scheme == "data" or absolute in seen:
            continue
        seen.add(absolute)
        _status, resource, _encoding = fetch(absolute)
        weight.resources.append((absolute, len(resource)))
    return weight


# -- Pages ---------------------------------------------------------------------------------------

PUBLIC_PAGES = [
    "/",
    "/kategorija/osnove/",
    "/clanek/tabela-vrat/",
    "/clanek/certifikat-ne-ustreza/",
    "/iskanje/?q=imap",
    "/iskanje/?q=qqqxyzzy",
    "/dns/?domain=vasadomena.si",
    "/ni-take-strani/",
    "/en/",
    "/en/article/tabela-vrat/",
]
WIZARD_PAGES = [
    "/carovnik/",
    "/carovnik/program/",
    "/carovnik/uporaba/",
    "/carovnik/rezultat/",
    "/en/wizard/result/",
]


def client_fetcher(client):
    """A `fetch` for `measure()` backed by Django's test client: static files count compressed."""

    def fetch(path: str) -> tuple[int, bytes, str]:
        response = client.get(path)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        if path.startswith("/static/"):
            return response.status_code, gzip.compress(body, 6, mtime=0), "gzip"
        return response.status_code, body, ""

    return fetch


def measure_all(client) -> list[PageWeight]:
    fetch = client_fetcher(client)
    weights = [measure(fetch, path) for path in PUBLIC_PAGES]
    for path, answers in WIZARD_ANSWERS:
        client.post(path, answers)
    weights += [measure(fetch, path) for path in WIZARD_PAGES]
    return weights


# -- The wizard's program step as the program list grows -----------------------------------------

PROGRAM_COUNTS = (10, 200)


def add_programs(total: int) -> None:
    """Generated programs (every platform and icon in turn) until `total` are active."""
    from portal.mail.models import Icon, MailProgram, Platform

    existing = MailProgram.objects.active().count()
    platforms, icons = list(Platform), list(Icon)
    MailProgram.objects.bulk_create(
        MailProgram(
            name=f"Poštni program {number}",
            slug=f"postni-program-{number}",
            platform=platforms[number % len(platforms)],
            icon=icons[number % len(icons)],
            order=100 + number,
        )
        for number in range(existing, total)
    )


def program_step_bytes(client, total: int) -> tuple[int, int]:
    """(HTML bytes, gzip bytes) of the program step with `total` active programs."""
    add_programs(total)
    client.post(*WIZARD_ANSWERS[0])
    response = client.get(WIZARD_ANSWERS[1][0])
    assert response.status_code == 200, response.status_code
    return len(response.content), len(gzip.compress(response.content, 6, mtime=0))
