"""Lighthouse scores for home, an article and the wizard result, in Debian's Chromium.

    .venv/bin/python bench/lighthouse.py

Serves the portal with bench/server.py and runs the npm package `lighthouse` (version 12:
the newest that supports the Node.js 20 this machine has; fetched by npx into its cache) with
CHROME_PATH=/usr/bin/chromium, desktop and mobile presets. Prints the four category scores
per page. Goal: 100 accessibility, best practices and SEO; at least 95 performance.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.server import served_portal, wizard_cookie

LIGHTHOUSE = os.environ.get("LIGHTHOUSE", "lighthouse@12")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
PAGES = {"home": "/", "article": "/clanek/tabela-vrat/", "wizard result": "/carovnik/rezultat/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def lighthouse(url: str, preset: str, cookie: str = "") -> dict[str, int]:
    with tempfile.TemporaryDirectory() as output:
        report = Path(output) / "report.json"
        command = [
            "npx", "--yes", LIGHTHOUSE, url,
            "--quiet", "--output=json", f"--output-path={report}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--only-categories=" + ",".join(CATEGORIES),
        ]  # fmt: skip
        if preset == "desktop":
            command.append("--preset=desktop")
        if cookie:
            command.append("--extra-headers=" + json.dumps({"Cookie": cookie}))
        env = os.environ | {"CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
        subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
        categories = json.loads(report.read_text())["categories"]
        return {name: round(categories[name]["score"] * 100) for name in CATEGORIES}


def main() -> None:
    with served_portal() as base:
        cookie = wizard_cookie(base)
        print(f"{'page':<15}{'preset':<9}" + "".join(f"{name:>16}" for name in CATEGORIES))
        for name, path in PAGES.items():
            for preset in ("mobile", "desktop"):
                scores = lighthouse(base + path, preset, cookie if "wizard" in name else "")
                print(f"{name:<15}{preset:<9}" + "".join(f"{scores[c]:>16}" for c in CATEGORIES))


if __name__ == "__main__":
    main()
