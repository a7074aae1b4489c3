"""Page weight of every public page type: `python bench/page_budget.py`.

Seeds the demo into a throwaway SQLite database and prints bytes and requests per page, measured
by tests/page_weight.py (the same code tests/test_budgets.py asserts the budget with), then the
size of the wizard's program step with 10 and with 200 mail programs.
"""

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.page_weight import (
    BUDGET_BYTES,
    BUDGET_REQUESTS,
    PROGRAM_COUNTS,
    measure_all,
    program_step_bytes,
)


def main() -> None:
    database = Path(tempfile.mkdtemp(prefix="portal-budget-")) / "budget.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
    weights = measure_all(Client())
    print(
        f"budget: {BUDGET_BYTES // 1024} KB, {BUDGET_REQUESTS} requests, nothing from other sites"
    )
    print(f"{'page':<34}{'status':>7}{'requests':>9}{'bytes':>9}  within")
    for weight in weights:
        print(
            f"{weight.path:<34}{weight.status:>7}{weight.requests:>9}{weight.total_bytes:>9}"
            f"  {'yes' if weight.within_budget else 'NO'}"
        )
    print(f"\n{'program step':<34}{'bytes':>9}{'gzip':>9}")
    for total in PROGRAM_COUNTS:
        html, compressed = program_step_bytes(Client(), total)
        print(f"{f'{total} programs':<34}{html:>9}{compressed:>9}")
    database.unlink(missing_ok=True)
    database.parent.rmdir()
    if not all(weight.within_budget for weight in weights):
        raise SystemExit("over budget")


if __name__ == "__main__":
    main()
