from django.core.management.base import BaseCommand

from portal.help.search.index import rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the help centre's search index and spelling vocabulary from the articles "
        "(needed only after rows were written without Article.save(), e.g. bulk imports)."
    )

    def handle(self, *args, **options):
        count = rebuild()
        self.stdout.write(f"Search index rebuilt: {count} articles.")
