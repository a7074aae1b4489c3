"""`manage.py demo`: migrate, seed, create a local admin, and serve at 127.0.0.1:8000."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Run the portal locally with demo content (DJANGO_DEBUG=1 only)."

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="Prepare, but do not serve.")
        parser.add_argument("--port", default="8000")

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo only runs with DJANGO_DEBUG=1; it creates a known admin.")
        call_command("migrate", interactive=False, verbosity=0)
        call_command("seed_demo", stdout=self.stdout)
        password = secrets.token_urlsafe(12)
        user, _created = get_user_model().objects.get_or_create(
            username="admin", defaults={"email": "admin@localhost"}
        )
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        url = f"http://127.0.0.1:{options['port']}"
        self.stdout.write(self.style.SUCCESS(f"Portal: {url}/   English: {url}/en/"))
        self.stdout.write(
            self.style.SUCCESS(f"Admin:  {url}/admin/  user: admin  password: {password}")
        )
        if not options["no_serve"]:
            call_command("runserver", f"127.0.0.1:{options['port']}", use_reloader=False)
