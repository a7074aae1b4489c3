"""Stored XSS: what staff type (or an attacker with a staff account) never runs in a visitor's page.

Payloads adapted from the OWASP XSS Filter Evasion Cheat Sheet go into every article field
(title, summary, Markdown body; both languages), a category's name and description, a mail
program's name and its setup steps. Chromium then opens every page that shows them: the
articles, the home page, the category pages, the search results and the wizard's result.

An executing payload calls `xss(n)` (which sets `window.__xss`) or opens a dialog. The walk runs
twice: with the Content-Security-Policy enforced (then any injected script or style that got
through shows up as a CSP violation, and the test fails at teardown), and with the policy
bypassed, which proves that the sanitiser alone stops every payload. Sanity tests show that
each detector fires when something does run.
"""

import pytest
from django.urls import reverse
from django.utils import translation

from portal.help.models import Article, Category
from portal.mail.models import MailProgram, ProgramStep
from portal.wizard.recommendation import Devices, Storage, Volume
from tests.browser.conftest import block_other_sites
from tests.browser.test_accessibility import arrived
from tests.browser.test_wizard import answer_email, answer_usage, label
from tests.html_checks import unsafe_markup

# `#N` becomes the payload's number, so a failure names the payload that ran.
OWASP_PAYLOADS = [
    "<script>xss(#N)</script>",
    "<SCRIPT SRC=data:text/javascript,xss(#N)></SCRIPT>",
    '<IMG SRC="javascript:xss(#N);">',
    "<IMG SRC=JaVaScRiPt:xss(#N)>",
    "<IMG SRC=`javascript:xss(#N)`>",
    '<IMG """><SCRIPT>xss(#N)</SCRIPT>">',
    "<img src=x onerror=xss(#N)>",
    "<img src=x onerror=alert(#N)//",
    '<IMG SRC=# onmouseover="xss(#N)">',
    "<svg onload=xss(#N)>",
    "<svg/onload=xss(#N)>",
    "<BODY ONLOAD=xss(#N)>",
    "<<SCRIPT>xss(#N);//<</SCRIPT>",
    "<scr<script>ipt>xss(#N)</scr</script>ipt>",
    '"><script>xss(#N)</script>',
    "'><img src=x onerror=xss(#N)>",
    '<iframe srcdoc="<script>parent.xss(#N)</script>"></iframe>',
    '<IFRAME SRC="javascript:parent.xss(#N);"></IFRAME>',
    '<DIV STYLE="background-image: url(javascript:xss(#N))">',
    '<DIV STYLE="width: expression(xss(#N));">',
    "<STYLE>@import'javascript:xss(#N)';</STYLE>",
    '<OBJECT TYPE="text/x-scriptlet" DATA="javascript:xss(#N)"></OBJECT>',
    '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:xss(#N);">',
    '<BASE HREF="javascript:xss(#N);//">',
    '<a href="jav&#x09;ascript:xss(#N)">click</a>',
    '<a href="&#14;  javascript:xss(#N)">click</a>',
    "<details open ontoggle=xss(#N)>",
    "<input autofocus onfocus=xss(#N)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=xss(#N)>",
    '<!--<img src="--><img src=x onerror=xss(#N)//">',
    # Markdown links, autolinks, images and reference definitions
    "[click](javascript:xss(#N))",
    "[click](JaVaScRiPt:xss(#N))",
    "[click](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;xss(#N))",
    "[click](jav&#x09;ascript:xss(#N))",
    "[click](javascript&#58;xss(#N))",
    "[click](vbscript:xss(#N))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<javascript:xss(#N)>",
    "<JaVaScRiPt:alert(#N)>",
    '[click](https://example.com "title\\" onmouseover=\\"xss(#N)")',
    "[click](https://example.com 'x\" onmouseover=\"xss(#N)')",
    '[click][ref#N]\n\n[ref#N]: javascript:xss(#N) "t"',
    "[click][t#N]\n\n[t#N]: https://example.com 'a\" onclick=\"xss(#N)'",
    "![x](javascript:xss(#N))",
    '![x](x" onerror="xss(#N))',
    "[x](https://example.com/?q=<script>xss(#N)</script>)",
    "`<script>xss(#N)</script>`",
]
PAYLOADS = [payload.replace("#N", str(number)) for number, payload in enumerate(OWASP_PAYLOADS)]
# Categories and the program name hold several payloads each (their fields are short).
CATEGORY_GROUPS = [PAYLOADS[i : i + 8] for i in range(0, len(PAYLOADS), 8)]
PROGRAM = "xss-program"

# Defines xss() in every document and frame; a payload that runs records its number on top.
XSS_PROBE = """
window.xss = (n) => { try { top.__xss = n; } catch (error) { window.__xss = n; } };
"""
# Regions of our pages that show what staff wrote; our own markup elsewhere (icons, the QR
# code) is not staff input.
CONTENT_REGIONS = (
    "h1, .lead, .breadcrumbs, .toc, .article-body, .article-list, .category-card, "
    ".search-results, .program-steps__list, #program-steps-title"
)
# A program's name sits in a label after our own icon (an inline SVG), which is left out.
PROGRAM_LABEL_MARKUP = """label => {
  const copy = label.cloneNode(true);
  if (copy.firstElementChild && copy.firstElementChild.tagName.toLowerCase() === "svg") {
    copy.firstElementChild.remove();
  }
  return copy.innerHTML;
}"""


def article_body(payload: str, number: int, group: int) -> str:
    first_line = payload.splitlines()[0]
    return (
        f"{payload}\n\n## A {first_line}\n\nxssgroup{group} xssmarker{number} - {first_line}\n\n"
        f"## B {first_line}\n\n### C {first_line}\n\n- {first_line}\n"
    )


def store_payloads() -> list[Article]:
    articles = []
    for group_number, group in enumerate(CATEGORY_GROUPS):
        joined = " ".join(group)
        category = Category.objects.create(
            slug=f"xss-{group_number}",
            name_sl=joined[:120],
            name_en=joined[-120:],
            description_sl=joined[:300],
            description_en=joined[-300:],
        )
        for payload in group:
            number = PAYLOADS.index(payload)
            articles.append(
                Article.objects.create(
                    category=category,
                    slug=f"xss-{number}",
                    title_sl=f"xssgroup{group_number} {payload}"[:200],
                    title_en=f"xssgroup{group_number} {payload} EN"[:200],
                    summary_sl=payload[:300],
                    summary_en=payload[:300],
                    body_sl=article_body(payload, number, group_number),
                    body_en=article_body(payload, number, group_number),
                    published=True,
                )
            )
    program = MailProgram.objects.create(
        name=" ".join(PAYLOADS[:3])[:100], slug=PROGRAM, platform="windows"
    )
    for order, payload in enumerate(PAYLOADS):
        text = f"{payload} {{incoming_server}}"
        ProgramStep.objects.create(program=program, order=order, text_sl=text, text_en=text)
    return articles


# One round trip per check: whether xss() ran, and the markup of every staff-written region.
SEEN = f"""() => ({{
  fired: window.__xss === undefined ? null : window.__xss,
  regions: [
    ...Array.from(document.querySelectorAll({CONTENT_REGIONS!r}), region => region.innerHTML),
    ...Array.from(document.querySelectorAll(".program-choice label"), {PROGRAM_LABEL_MARKUP}),
  ],
}})"""


class XssDetector:
    """Watches one browser tab for dialogs and for `xss()` having run."""

    def __init__(self, page):
        self.page = page
        self.dialogs: list[str] = []
        page.context.add_init_script(XSS_PROBE)
        page.on("dialog", self._dialog)

    def _dialog(self, dialog):
        self.dialogs.append(f"{self.page.url}: {dialog.type} {dialog.message!r}")
        dialog.dismiss()

    def check(self, where: str) -> None:
        """Nothing ran, no dialog opened, and the staff-written parts hold no active markup."""
        seen = self.page.evaluate(SEEN)
        fired = seen["fired"]
        assert fired is None, f"payload {fired} ran on {where}: {PAYLOADS[int(fired)]!r}"
        assert self.dialogs == [], self.dialogs
        for markup in seen["regions"]:
            problems = unsafe_markup(markup)
            assert problems == [], f"{where}: {problems}"

    def visit(self, path: str) -> None:
        response = self.page.goto(path)
        assert response.status < 400, f"{path}: {response.status}"
        self.check(path)


def url(language: str, name: str, *args) -> str:
    with translation.override(language):
        return reverse(name, args=args)


@pytest.fixture
def stored(demo):
    return store_payloads()


@pytest.fixture(params=["csp-enforced", "csp-bypassed"])
def tab(request, chromium, live_server, stored):
    context = chromium.new_context(
        base_url=live_server.url, bypass_csp=request.param == "csp-bypassed"
    )
    foreign = block_other_sites(context, live_server.url)
    page = context.new_page()
    yield page
    context.close()
    assert foreign == [], f"injected markup made the page ask other sites: {foreign}"


@pytest.mark.parametrize("language", ["sl", "en"])
def test_payloads_never_run_in_help_pages(tab, stored, language):
    detector = XssDetector(tab)
    detector.visit(url(language, "help:home"))
    for group_number in range(len(CATEGORY_GROUPS)):
        detector.visit(url(language, "help:category", f"xss-{group_number}"))
    for article in stored:
        detector.visit(url(language, "help:article", article.slug))
        # The payload reached the page, as text.
        title = article.title_sl if language == "sl" else article.title_en
        assert " ".join(tab.locator("h1").inner_text().split()) == " ".join(title.split())
    for group_number, group in enumerate(CATEGORY_GROUPS):
        detector.visit(url(language, "help:search") + f"?q=xssgroup{group_number}")
        assert tab.locator(".search-result").count() == len(group)  # every payload's article


@pytest.mark.parametrize("language", ["sl", "en"])
def test_payloads_never_run_in_the_wizard(tab, stored, language):
    detector = XssDetector(tab)
    answer_email(tab, language, "ana@vasadomena.si")
    arrived(tab, ".program-choices")
    detector.check("the program step")
    tab.locator(f"input[value='{PROGRAM}']").check()
    tab.get_by_role("button", name=label(language, "Continue")).click()
    answer_usage(tab, language, Devices.FEW, False, Storage.KEEP, False, Volume.MEDIUM)
    arrived(tab, ".program-steps__list")
    detector.check("the wizard result")
    steps = tab.locator(".program-steps__list > li")
    assert steps.count() == len(PAYLOADS)
    # The payloads are shown as text; the placeholder after each was filled in.
    assert "xss(0)" in steps.first.inner_text()
    assert "streznik.avant.si" in steps.first.inner_text()


# --- The detectors work --------------------------------------------------------------------


def test_the_detector_notices_a_script_that_runs(page, demo):
    detector = XssDetector(page)
    page.goto("/")
    page.evaluate("xss(7)")
    with pytest.raises(AssertionError, match="payload 7 ran"):
        detector.check("the home page")


def test_the_detector_notices_a_dialog(page, demo):
    detector = XssDetector(page)
    page.goto("/")
    page.evaluate("setTimeout(() => alert('xss'), 0)")
    page.wait_for_timeout(100)
    with pytest.raises(AssertionError, match="alert 'xss'"):
        detector.check("the home page")


def numbered(start: str) -> int:
    return next(number for number, payload in enumerate(PAYLOADS) if payload.startswith(start))


@pytest.mark.parametrize(
    "number",
    [numbered("<img src=x onerror=xss"), numbered("<iframe srcdoc"), numbered("<details")],
)
def test_the_payloads_would_run_if_markup_were_not_sanitised(chromium, live_server, demo, number):
    """Put straight into the page (no sanitiser, no CSP), the payloads do run."""
    context = chromium.new_context(base_url=live_server.url, bypass_csp=True)
    page = context.new_page()
    detector = XssDetector(page)
    page.goto("/")
    page.locator("main").evaluate("(main, html) => { main.innerHTML += html; }", PAYLOADS[number])
    page.wait_for_function("window.__xss !== undefined")
    with pytest.raises(AssertionError, match=f"payload {number} ran"):
        detector.check("the home page")
    context.close()


def test_the_policy_stops_unsanitised_markup_and_reports_it(page, demo, csp_violations):
    """With the policy enforced, the same markup does not run, and the violation is reported."""
    detector = XssDetector(page)
    page.goto("/")
    payload = PAYLOADS[numbered("<img src=x onerror=xss")]
    page.locator("main").evaluate("(main, html) => { main.innerHTML += html; }", payload)
    page.wait_for_timeout(200)
    assert page.evaluate("window.__xss") is None
    taken = csp_violations.take()
    assert any(
        violation["directive"] == "script-src-attr"
        for violation in taken
        if isinstance(violation, dict)
    )
    assert detector.dialogs == []


def test_the_table_of_contents_shows_headings_as_written(page, demo):
    category = Category.objects.create(slug="znaki", name_sl="Znaki", name_en="Characters")
    Article.objects.create(
        category=category,
        slug="znaki",
        title_sl="Znaki",
        body_sl='## POP3 & IMAP\n\n## <script> "quoted"\n\n## Three\n',
        published=True,
    )
    page.goto(url("sl", "help:article", "znaki"))
    headings = page.locator(".article-body h2").all_inner_texts()
    assert page.locator(".toc li").all_inner_texts() == headings
