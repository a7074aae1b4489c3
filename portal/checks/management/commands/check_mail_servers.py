"""`manage.py check_mail_servers [--loop]`: check our mail servers' endpoints and store the results.

Run every 15 minutes: the `checks` service in docker-compose.yml runs it with `--loop`, or a
cron line (docs/checks.md):

    */15 * * * * cd /app && python manage.py check_mail_servers --quiet
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from portal.checks.services import check_mail_servers


class Command(BaseCommand):
    help = "Connect to every published endpoint of every active mail server (never logs in)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop",
            action="store_true",
            help="Keep running: one check every CHECK_MAIL_SERVERS_INTERVAL seconds.",
        )
        parser.add_argument(
            "--quiet", action="store_true", help="Print only endpoints with a problem."
        )

    def handle(self, *args, loop=False, quiet=False, **options):
        while True:
            started = time.monotonic()
            self._run_once(quiet)
            if not loop:
                return
            close_old_connections()
            time.sleep(
                max(0.0, settings.CHECK_MAIL_SERVERS_INTERVAL - (time.monotonic() - started))
            )

    def _run_once(self, quiet: bool) -> None:
        results = check_mail_servers()
        for result in results:
            if quiet and result.ok:
                continue
            target = result.target
            line = f"{target.hostname} {target.protocol} {target.port} {target.security}: "
            if result.ok:
                expiry = result.certificate.not_after.date() if result.certificate else "-"
                line += f"ok, {result.round_trip_ms} ms, certificate until {expiry}"
                self.stdout.write(line)
            else:
                self.stdout.write(self.style.WARNING(f"{line}{result.problem} ({result.detail})"))
        failing = sum(not result.ok for result in results)
        self.stdout.write(f"{len(results)} endpoints checked, {failing} with a problem.")
