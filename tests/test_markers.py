"""Markers match folders: `-m "not browser and not deploy"` leaves out exactly those folders.

Collected in a separate pytest run, as a developer would select tests, so the check sees every
test of both folders whichever tests this run selected.
"""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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
