"""Hosting package CSV import with 20,000 rows: how long the dry run and applying take.

    .venv/bin/python bench/package_import.py [--rows 20000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench .venv/bin/python bench/package_import.py

Runs with DJANGO_SETTINGS_MODULE=settings.test in a throwaway test database made by Django's
test-database machinery (migrations included; on PostgreSQL only the test_ database is
created and dropped). It times the service functions the admin views call, for two files of
`--rows` packages (about 33 bytes a row, so 20,000 rows are about 660 KB):
1. every package new (the dry run, then applying: create);
2. every package's plan and quota changed (the dry run, then applying: change).
The figures to compare with are the worker timeout (gunicorn's 30 s) and the upload limit.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.test")


def csv_file(rows: int, plan: str, quota: int) -> bytes:
    lines = ["domain,plan,quota_mb,server"]
    lines += [f"p{n:05d}.si,{plan},{quota},streznik.avant.si" for n in range(rows)]
    return ("\n".join(lines) + "\n").encode()


def timed(function, *args):
    started = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - started


def run(rows: int) -> None:
    from portal.mail.models import Server
    from portal.mail.package_services import apply_package_import, plan_package_import

    Server.objects.create(hostname="streznik.avant.si")
    print(f"{rows} rows, database: {os.environ.get('DATABASE_URL', 'SQLite')}")
    for label, data in (
        ("create", csv_file(rows, "Start", 5000)),
        ("change", csv_file(rows, "Pro", 20000)),
    ):
        plan, dry_run = timed(plan_package_import, data)
        assert plan.counts[label] == rows, plan.counts
        _applied, apply = timed(apply_package_import, data, plan.fingerprint)
        print(
            f"  {label:6} file {len(data) / 1024:6.0f} KB   dry run {dry_run:5.2f} s   "
            f"apply {apply:5.2f} s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    arguments = parser.parse_args()

    import django
    from django.test.utils import setup_databases, teardown_databases

    django.setup()
    databases = setup_databases(verbosity=0, interactive=False)
    try:
        run(arguments.rows)
    finally:
        teardown_databases(databases, verbosity=0)


if __name__ == "__main__":
    main()
