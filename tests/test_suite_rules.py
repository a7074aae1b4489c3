"""Rules for the test suite itself: markers match folders, and tests stand on their own.

The marker check collects in a separate pytest run, as a developer would select tests, so it
sees every test of both folders whichever tests this run selected.
"""

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"


def test_the_browser_and_deploy_markers_select_exactly_their_folders():
    run = subprocess.run(
        [
            *(sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"),
            *("-m", "not browser and not deploy"),
            *("tests/browser", "tests/deploy", "tests/test_access.py"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    selected = [line for line in run.stdout.splitlines() if "::" in line]
    deselected = int(re.search(r"(\d+) deselected", run.stdout).group(1))
    # Every browser and deploy test is left out; the tests of another folder all stay.
    assert {test.split("::")[0] for test in selected} == {"tests/test_access.py"}
    assert len(selected) > 10
    assert deselected > 100


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    return names | {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    }


def test_tests_never_import_the_benchmark_scripts():
    """bench/ may use code from tests/ (the page-weight measurement), never the reverse."""
    modules = {path.relative_to(ROOT): imported_modules(path) for path in TESTS.rglob("*.py")}
    assert len(modules) > 50
    assert any("tests.page_weight" in names for names in modules.values())
    offending = {
        str(path): sorted(n for n in names if n == "bench" or n.startswith("bench."))
        for path, names in modules.items()
    }
    assert {path: names for path, names in offending.items() if names} == {}
