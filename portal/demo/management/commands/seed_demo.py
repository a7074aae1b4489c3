from django.core.management.base import BaseCommand

from portal.demo.seed import seed_all


class Command(BaseCommand):
    help = "Create or update the demo content (servers, packages, ports, programs, articles)."

    def handle(self, *args, **options):
        tally = seed_all()
        self.stdout.write(
            "Demo content: {created} created, {updated} updated, {unchanged} unchanged.".format(
                created=tally["created"], updated=tally["updated"], unchanged=tally["unchanged"]
            )
        )
