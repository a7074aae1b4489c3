"""Playwright driving Debian's Chromium against pytest-django's live server.

Every browser test is also a Content-Security-Policy check: each context made through the
`chromium` fixture (the `page` fixture's and the ones tests open themselves) reports every
`securitypolicyviolation` event and every console message about the policy, and the test
fails at teardown if there was any. A test that provokes a violation on purpose takes it
with `csp_violations.take()`.
"""

import contextlib
import os
import shutil

import pytest
from django.core.management import call_command

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Playwright's sync API runs an event loop in this thread; the ORM calls our tests make
# around it are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Runs in every document before the page's own scripts (init scripts are not subject to the
# page's CSP). Violations are kept in window.__cspViolations for the page's lifetime and sent
# to Python at once, so that a navigation right after a violation loses nothing.
CSP_WATCH_SCRIPT = """
(() => {
  window.__cspViolations = [];
  document.addEventListener("securitypolicyviolation", (event) => {
    const violation = {
      directive: event.effectiveDirective,
      blocked: event.blockedURI,
      sample: event.sample,
      source: event.sourceFile,
      line: event.lineNumber,
      page: event.documentURI,
    };
    window.__cspViolations.push(violation);
    if (typeof window.__reportCspViolation === "function") {
      window.__reportCspViolation(violation);
    }
  }, true);
})();
"""


class CspViolations:
    """What the browser reported about the Content-Security-Policy during one test."""

    def __init__(self):
        self.events: list[dict] = []
        self.console: list[str] = []

    def attach(self, context):
        context.expose_function("__reportCspViolation", self._event)
        context.add_init_script(CSP_WATCH_SCRIPT)
        context.on("console", self._console)

    def _event(self, violation):
        self.events.append(violation)

    def _console(self, message):
        if message.type == "error" and "Content Security Policy" in message.text:
            self.console.append(f"{message.location.get('url', '')}: {message.text}")

    def take(self) -> list:
        """Everything reported so far (and forget it): for tests that provoke violations."""
        taken = [*self.events, *self.console]
        self.events.clear()
        self.console.clear()
        return taken

    def report(self) -> str:
        lines = [
            f"{v['page']}: {v['directive']} blocked {v['blocked'] or '(inline)'}"
            f" {v['sample']!r} at {v['source']}:{v['line']}"
            for v in self.events
        ]
        return "\n".join([*lines, *self.console])


class WatchedBrowser:
    """The Chromium browser; every new context reports CSP violations to the current test."""

    def __init__(self, browser):
        self._browser = browser
        self.current: CspViolations | None = None
        self.contexts: list = []

    def new_context(self, **options):
        context = self._browser.new_context(**options)
        if self.current is not None:
            self.current.attach(context)
            self.contexts.append(context)
        return context

    def flush(self):
        """Let reports already sent by open pages reach Python (a round trip per page)."""
        for context in self.contexts:
            for page in context.pages:
                with contextlib.suppress(Exception):  # a closed page has nothing to report
                    page.evaluate("1")
        self.contexts.clear()

    def __getattr__(self, name):
        return getattr(self._browser, name)


@pytest.fixture(scope="session")
def chromium():
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        pytest.skip(f"Chromium not found at {CHROMIUM}: install Debian's 'chromium' package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield WatchedBrowser(browser)
        browser.close()


@pytest.fixture(autouse=True)
def csp_violations(request):
    """Fails the test if any page it opened broke the Content-Security-Policy."""
    if request.node.get_closest_marker("browser") is None:
        yield None
        return
    browser = request.getfixturevalue("chromium")
    violations = CspViolations()
    browser.current = violations
    yield violations
    browser.flush()
    browser.current = None
    report = violations.report()
    assert report == "", f"Content-Security-Policy violations:\n{report}"


def block_other_sites(context, site_url: str) -> list[str]:
    """Abort every request to another site; the returned list collects their URLs."""
    foreign: list[str] = []

    def block(route):
        foreign.append(route.request.url)
        route.abort()

    context.route(lambda url: not url.startswith(site_url), block)
    return foreign


@pytest.fixture
def page(chromium, live_server, csp_violations):
    """A fresh Slovenian browser tab; the test fails if the page asks any other site."""
    context = chromium.new_context(base_url=live_server.url, locale="sl-SI")
    foreign = block_other_sites(context, live_server.url)
    page = context.new_page()
    yield page
    chromium.flush()
    context.close()
    assert foreign == [], f"The page requested other sites: {foreign}"


@pytest.fixture
def demo(transactional_db):
    """The demo content of `manage.py seed_demo`: servers, packages, programs, articles."""
    call_command("seed_demo")
