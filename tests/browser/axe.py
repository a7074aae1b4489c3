"""axe-core scans for the browser tests: WCAG 2.0 to 2.2, levels A and AA.

Every scan waits until the page has loaded, stylesheets included. A click that submits a form
returns once the next page is committed, before its CSS has arrived; an unstyled page fails
rules such as target-size (the skip link, not yet moved off-screen, sits next to the site
title). Tests call these helpers explicitly; nothing patches axe behind their back.
"""

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE = Axe()


def wcag_violations(page) -> list[str]:
    """The A/AA violations axe-core finds on the current page, one readable entry each."""
    page.wait_for_load_state("load")
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    entries = []
    for violation in results.response["violations"]:
        nodes = "\n".join(
            f"    {', '.join(map(str, node['target']))}: "
            + node.get("failureSummary", "").replace("\n", " ")
            for node in violation["nodes"]
        )
        entries.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']}"
            f" <{violation['helpUrl']}>\n{nodes}"
        )
    return entries


def assert_no_wcag_violations(page) -> None:
    violations = wcag_violations(page)
    assert violations == [], f"{page.url}\n" + "\n".join(violations)
