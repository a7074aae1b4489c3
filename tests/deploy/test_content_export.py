"""The content export of docs/operations.md: `dumpdata` of the content models, restorable with `loaddata`.

Keep CONTENT_MODELS in step with the command in docs/operations.md ("Backup and restore").
"""

import io
import json

import pytest
from django.apps import apps
from django.core.management import call_command

CONTENT_MODELS = [
    "help.Category",
    "help.Article",
    "help.ArticleSlugRedirect",
    "help.SearchSynonym",
    "help.SearchTerm",
    "help.ArticleFeedback",
    "help.SearchMiss",
    "help.SupportContact",
    "mail.Server",
    "mail.HostingPackage",
    "mail.PortSetting",
    "mail.MailProgram",
    "mail.ProgramStep",
    "mail.ProgramWarning",
    "mail.MailProvider",
]


def test_the_export_covers_every_model_of_the_content_apps_but_their_history():
    models = {
        model._meta.label
        for label in ("help", "mail")
        for model in apps.get_app_config(label).get_models()
        if not model.__name__.startswith("Historical")
    }
    assert models == set(CONTENT_MODELS), (
        "A content model was added or removed: update CONTENT_MODELS and the dumpdata command "
        "in docs/operations.md (Backup and restore)"
    )


@pytest.mark.django_db
def test_exported_content_loads_back_into_an_empty_database(client, tmp_path):
    call_command("seed_demo", stdout=io.StringIO())
    export = tmp_path / "content.json"
    call_command("dumpdata", *CONTENT_MODELS, indent=2, output=str(export))
    counts = {label: apps.get_model(label).objects.count() for label in CONTENT_MODELS}
    assert counts["help.Article"] > 0
    assert len(json.loads(export.read_text())) == sum(counts.values())

    for label in reversed(CONTENT_MODELS):
        apps.get_model(label).objects.all().delete()
    assert client.get("/clanek/tabela-vrat/").status_code == 404

    call_command("loaddata", str(export), verbosity=0)
    assert {label: apps.get_model(label).objects.count() for label in CONTENT_MODELS} == counts
    assert client.get("/clanek/tabela-vrat/").status_code == 200
