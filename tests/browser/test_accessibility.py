"""Accessibility in a real Chromium: axe-core on every page type in both languages, a
keyboard-only walk through the wizard with a visible focus indicator at every stop, and the
settings card at 200 % zoom and on a 360 px phone screen.

Zoom: Chrome's own zoom (Ctrl +) makes the layout viewport narrower in CSS pixels and each CSS
pixel larger on the screen; for a 1280 x 800 window at 200 % that is a 640 x 400 CSS-pixel viewport
with a device pixel ratio of 2, which is what the zoom test sets up. (`document.body.style.zoom`
scales one element without reflowing the viewport, and the DevTools page scale factor is a
pinch-zoom that does not reflow the page at all, so neither says whether the layout holds.)

Screenshots of the card go to test-artifacts/ (git-ignored) for CI to keep.
"""

from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from portal.wizard.recommendation import Devices, Storage, Volume
from tests.browser.axe import assert_no_wcag_violations, wcag_violations
from tests.browser.test_wizard import (
    START,
    answer_email,
    answer_program,
    answer_usage,
    choice,
    label,
)

LANGUAGES = ["sl", "en"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ADDRESS = "ana.novak@vasadomena.si"


def url(language: str, name: str, *args, query: str = "") -> str:
    with translation.override(language):
        return reverse(name, args=args) + query


def assert_accessible(page) -> None:
    page.wait_for_load_state("load")
    # The strict CSP refuses style="" attributes; none may be in our markup (QR code included).
    # Checked before axe runs: tools (axe, screenshots) may leave empty ones behind.
    styled = page.locator("[style]")
    assert styled.count() == 0, styled.first.evaluate("element => element.outerHTML.slice(0, 200)")
    assert_no_wcag_violations(page)


def arrived(page, selector: str) -> None:
    """Wait until the page that shows `selector` has fully loaded, stylesheets included.

    A click that submits a form returns once the next page is on its way, so waiting for the
    load event alone could still see the previous page's.
    """
    page.locator(selector).first.wait_for()
    page.wait_for_load_state("load")


def without_browser_validation(page, language) -> None:
    """Submit the form as a browser without HTML validation would, to reach the server's errors."""
    page.locator("form.wizard-form").evaluate("form => { form.noValidate = true; }")
    page.get_by_role("button", name=label(language, "Continue")).click()


# Each visit leaves the browser on one page type; the test scans whatever it shows.
def home(page, language):
    page.goto(url(language, "help:home"))


def category(page, language):
    page.goto(url(language, "help:category", "nastavitve"))


def article_with_ports_table(page, language):
    page.goto(url(language, "help:article", "tabela-vrat"))
    expect(page.locator("table.ports-table")).to_be_visible()


def troubleshooting_article(page, language):
    page.goto(url(language, "help:article", "certifikat-ne-ustreza"))


def search_with_results(page, language):
    page.goto(url(language, "help:search", query="?q=imap"))
    assert page.locator(".search-result").count() > 0


def search_without_results(page, language):
    page.goto(url(language, "help:search", query="?q=kvantni+%C5%A1tedilnik"))
    expect(page.locator(".search-tips")).to_be_visible()


def search_without_words(page, language):
    page.goto(url(language, "help:search", query="?q=%21%21%21"))
    expect(page.locator("#search-error")).to_be_visible()


def not_found(page, language):
    response = page.goto(url(language, "help:home") + "ni-take-strani/")
    assert response.status == 404


def dns_guide_for_a_hosted_domain(page, language):
    page.goto(url(language, "dnsguide:records", query="?domain=vasadomena.si"))
    expect(page.locator("#dns-zone")).to_be_visible()


def dns_guide_for_an_unknown_domain(page, language):
    response = page.goto(url(language, "dnsguide:records", query="?domain=drugadomena.si"))
    assert response.status == 404


def wizard_email(page, language):
    page.goto(START[language])


def wizard_email_error(page, language):
    answer_email(page, language, "ana.novak@@vasadomena")
    arrived(page, "[aria-invalid=true]")
    assert page.locator("[aria-invalid=true]").count() == 1


def wizard_program(page, language):
    answer_email(page, language, ADDRESS)
    arrived(page, ".program-choices")


def wizard_program_error(page, language):
    wizard_program(page, language)
    without_browser_validation(page, language)
    arrived(page, ".invalid-feedback")


def wizard_usage(page, language):
    wizard_program(page, language)
    answer_program(page, language, "Mozilla Thunderbird")
    arrived(page, "input[name=devices]")


def wizard_usage_error(page, language):
    wizard_usage(page, language)
    without_browser_validation(page, language)
    arrived(page, ".invalid-feedback")
    assert page.locator(".invalid-feedback").count() == 5


def wizard_result_hosted(page, language):
    answer_email(page, language, ADDRESS)
    answer_program(page, language, "Mail (iPhone, iPad)")
    answer_usage(page, language, Devices.FEW, True, Storage.KEEP, False, Volume.MEDIUM)
    arrived(page, "svg.qr-code")


def wizard_result_unknown_domain(page, language):
    answer_email(page, language, "ana.novak@neznana-domena.si")
    answer_program(page, language, label(language, "Another program"))
    answer_usage(page, language, Devices.ONE, False, Storage.SPACE, False, Volume.A_LOT)
    arrived(page, ".settings-card")
    expect(page.locator(".location--unknown")).to_be_visible()


PAGE_TYPES = [
    home,
    category,
    article_with_ports_table,
    troubleshooting_article,
    search_with_results,
    search_without_results,
    search_without_words,
    not_found,
    dns_guide_for_a_hosted_domain,
    dns_guide_for_an_unknown_domain,
    wizard_email,
    wizard_email_error,
    wizard_program,
    wizard_program_error,
    wizard_usage,
    wizard_usage_error,
    wizard_result_hosted,
    wizard_result_unknown_domain,
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("visit", PAGE_TYPES, ids=lambda visit: visit.__name__)
def test_page_has_no_wcag_violations(page, demo, visit, language):
    visit(page, language)
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page)


# --- Keyboard only -------------------------------------------------------------------------

FOCUS_STYLE = """element => {
  const style = getComputedStyle(element);
  return {
    outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
    outlineVisible: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
    boxShadow: style.boxShadow,
    tag: element.tagName.toLowerCase(),
    name: (element.labels && element.labels[0] ? element.labels[0].textContent
           : element.textContent || element.value || "").trim().slice(0, 60),
  };
}"""


class KeyboardWalk:
    """Moves focus with the keyboard only and checks every element it reaches.

    An element's look while focused is compared with its look once focus has left it: the
    outline (or box-shadow) must be visible while focused, and differ from the unfocused look.
    """

    def __init__(self, page):
        self.page = page
        self.keyboard = page.keyboard
        self.visited: list[str] = []
        self._focused = None  # (handle, style) of the element that has focus

    def press(self, key: str) -> dict:
        self.keyboard.press(key)
        return self._check_focus()

    def _check_focus(self) -> dict:
        handle = self.page.evaluate_handle("document.activeElement")
        style = handle.evaluate(FOCUS_STYLE)
        previous, self._focused = self._focused, (handle, style)
        if previous is not None and not previous[0].evaluate("e => e === document.activeElement"):
            handle_before, focused_look = previous
            if handle_before.evaluate("e => e.isConnected"):
                unfocused = handle_before.evaluate(FOCUS_STYLE)
                assert (unfocused["outline"], unfocused["boxShadow"]) != (
                    focused_look["outline"],
                    focused_look["boxShadow"],
                ), f"focus looks no different on <{focused_look['tag']}> {focused_look['name']!r}"
        if style["tag"] != "body":
            assert style["outlineVisible"] or style["boxShadow"] != "none", (
                f"no visible focus indicator on <{style['tag']}> {style['name']!r}: {style}"
            )
            self.visited.append(f"{style['tag']} {style['name']}")
        return style

    def tab_to(self, predicate: str, limit: int = 40) -> None:
        """Tab until document.activeElement satisfies the JavaScript predicate."""
        for _ in range(limit):
            self.press("Tab")
            if self.page.evaluate(f"(e => {predicate})(document.activeElement)"):
                return
        raise AssertionError(f"Tab never reached {predicate}; visited {self.visited}")

    def follow(self, key: str, to: str) -> None:
        """Press a key that leaves the page (a link, a form submission) and wait for `to`."""
        with self.page.expect_navigation(url=f"**{to}"):
            self.keyboard.press(key)
        self._focused = None

    def choose_radio(self, name: str, wanted_label: str) -> None:
        """Tab into the radio group `name`, then arrow down to the option labelled so."""
        self.tab_to(f'e.type === "radio" && e.name === "{name}"')
        if self.checked_label(name) == wanted_label:
            return
        if self.page.evaluate("document.activeElement.checked") is False:
            self.press("Space")  # an unanswered group: Tab stops on its first option
        for _ in range(20):
            if self.checked_label(name) == wanted_label:
                return
            self.press("ArrowDown")
        raise AssertionError(f"{wanted_label!r} not reachable with the arrow keys in {name}")

    def checked_label(self, name: str) -> str:
        return self.page.evaluate(
            f"""() => {{
              const input = document.querySelector('input[name="{name}"]:checked');
              return input ? input.labels[0].textContent.trim() : null;
            }}"""
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_keyboard_only_from_the_home_page_to_the_settings(page, demo, language):
    page.goto(url(language, "help:home"))
    walk = KeyboardWalk(page)
    walk.tab_to('e.matches(".hero a")')
    walk.follow("Enter", START[language])

    walk.tab_to('e.name === "email"')
    page.keyboard.type(ADDRESS)
    walk.follow("Enter", url(language, "wizard:program"))

    walk.choose_radio("program", "Mozilla Thunderbird")
    walk.tab_to('e.type === "submit"')
    walk.follow("Enter", url(language, "wizard:usage"))

    choices = {
        "devices": Devices.ONE.label,
        "shared": "No, only I do",
        "storage": Storage.NO_PREFERENCE.label,
        "forwarded": "No",
        "volume": Volume.A_LOT.label,
    }
    for name, text in choices.items():
        wanted = label(language, text) if isinstance(text, str) else choice(language, text)
        walk.choose_radio(name, wanted)
    walk.tab_to('e.type === "submit"')
    walk.follow("Space", url(language, "wizard:result"))

    heading = label(language, "We recommend %(protocol)s") % {"protocol": "POP3"}
    expect(page.get_by_role("heading", level=2, name=heading)).to_be_visible()
    # The copy buttons the script adds are reachable and visibly focused too.
    walk.tab_to('e.classList.contains("copy-button")')
    # Shift+Tab goes back the same way.
    walk.press("Shift+Tab")
    assert page.evaluate("document.activeElement.tagName") != "BODY"
    assert len(walk.visited) > 20, walk.visited


def test_the_focus_check_notices_a_missing_focus_indicator(page, demo):
    """The walk above would fail if a stylesheet took the focus outline away."""
    page.goto("/")
    page.evaluate(
        """() => document.styleSheets[0].insertRule(
             ":focus-visible { outline: none !important; box-shadow: none !important; }")"""
    )
    with pytest.raises(AssertionError, match="no visible focus indicator"):
        KeyboardWalk(page).tab_to('e.matches(".hero a")')


def test_the_scan_finds_a_planted_violation(page, demo):
    """axe really runs: an unlabelled field planted on the home page is reported."""
    page.goto("/")
    page.evaluate(
        """() => document.querySelector("main").append(Object.assign(
             document.createElement("input"), {type: "text", id: "planted"}))"""
    )
    violations = wcag_violations(page)
    assert any(entry.startswith("label ") and "#planted" in entry for entry in violations)


# --- 200 % zoom and a phone --------------------------------------------------------------

SCREENS = {
    # A 1280 x 800 window at 200 % browser zoom: 640 x 400 CSS pixels, two device pixels each.
    "zoom-200": {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2},
    "phone-360": {
        "viewport": {"width": 360, "height": 740},
        "device_scale_factor": 3,
        "is_mobile": True,
        "has_touch": True,
    },
}

# Every value of the card, checked to lie inside the window and inside any box that clips it.
CARD_LAYOUT_PROBLEMS = """() => {
  const problems = [];
  const width = window.innerWidth;
  const values = document.querySelectorAll(
    ".settings-card h2, .settings-card h3, .settings-card dt, .settings-card dd, " +
    ".settings-card th, .settings-card td, .settings-card code, .settings-card__auth");
  const visuallyHidden = (element) => {
    for (let node = element; node; node = node.parentElement) {
      const box = node.getBoundingClientRect();
      if (box.width <= 1 && box.height <= 1 && getComputedStyle(node).overflow === "hidden") {
        return true;  // hidden on purpose (table headers on a phone): for screen readers only
      }
    }
    return false;
  };
  for (const value of values) {
    if (visuallyHidden(value)) continue;
    const box = value.getBoundingClientRect();
    const text = value.textContent.trim().slice(0, 50);
    if (box.width === 0 || box.height === 0) {
      if (text) problems.push(`not shown: ${text}`);
      continue;
    }
    if (value.matches("code") && value.getClientRects().length > 1) {
      problems.push(`broken across lines: ${text}`);
    }
    if (box.left < 0 || box.right > width + 0.5) {
      problems.push(`outside the window (${box.left}–${box.right} of ${width}): ${text}`);
    }
    for (let parent = value.parentElement; parent; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (style.overflowX === "visible" && style.overflowY === "visible") continue;
      const clip = parent.getBoundingClientRect();
      if (box.left < clip.left - 0.5 || box.right > clip.right + 0.5) {
        problems.push(`clipped by .${parent.className}: ${text}`);
      }
      if (parent.scrollWidth > parent.clientWidth + 1) {
        problems.push(`.${parent.className} scrolls sideways around: ${text}`);
      }
    }
  }
  return problems;
}"""


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("screen", SCREENS)
def test_settings_card_is_readable_zoomed_and_on_a_phone(
    chromium, live_server, demo, screen, language
):
    context = chromium.new_context(base_url=live_server.url, **SCREENS[screen])
    page = context.new_page()
    answer_email(page, language, ADDRESS)
    answer_program(page, language, "Mozilla Thunderbird")
    arrived(page, "input[name=devices]")
    answer_usage(page, language, Devices.FEW, False, Storage.NO_PREFERENCE, False, Volume.MEDIUM)
    arrived(page, ".settings-card")
    assert_accessible(page)  # before the screenshots, which leave empty style attributes
    ARTIFACTS.mkdir(exist_ok=True)
    card = page.locator(".settings-card")
    card.screenshot(path=ARTIFACTS / f"settings-card-{screen}-{language}.png")
    page.screenshot(path=ARTIFACTS / f"wizard-result-{screen}-{language}.png", full_page=True)

    assert page.evaluate("window.innerWidth") == SCREENS[screen]["viewport"]["width"]
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= page.evaluate("window.innerWidth"), "the page scrolls sideways"
    problems = page.evaluate(CARD_LAYOUT_PROBLEMS)
    assert problems == [], "\n".join(problems)
    text = card.inner_text()
    for value in ("streznik.avant.si", "mail.vasadomena.si", "993", "465", ADDRESS):
        assert value in text
    context.close()
