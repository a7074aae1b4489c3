"""The two staff roles, defined in code and written to the database as auth groups.

"Support staff" keep the content current: they add and edit articles, categories, synonyms,
the support contact,
mail programs with their steps, and known mail providers, and may only look at servers, hosting packages and ports.
"Administrators" may do everything the admin offers.

`sync_roles()` runs in the data migration (so every database has the groups) and again after
every `migrate` (post_migrate), so that a model added later — e.g. the help centre's synonyms —
gets its permissions into the role without another migration. It only adds what is missing.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

SUPPORT_STAFF = "Support staff"
ADMINISTRATORS = "Administrators"

# app label → model name → actions. A model that does not exist (yet) is skipped.
SUPPORT_STAFF_PERMISSIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "help": {
        "article": ("add", "change", "view"),
        "category": ("add", "change", "view"),
        # Search synonyms are short lists; editing them includes removing one.
        "searchsynonym": ("add", "change", "delete", "view"),
        # Aggregates behind the staff overview, and former article addresses: read only.
        "articlefeedback": ("view",),
        "searchmiss": ("view",),
        "articleslugredirect": ("view",),
        # How customers reach support (one row): support keeps it current, never removes it.
        "supportcontact": ("add", "change", "view"),
    },
    "mail": {
        "mailprogram": ("add", "change", "view"),
        # Steps are edited inside their program; editing them includes removing one.
        "programstep": ("add", "change", "delete", "view"),
        # Warnings on the guide pages, edited inside their program like the steps.
        "programwarning": ("add", "change", "delete", "view"),
        "server": ("view",),
        "hostingpackage": ("view",),
        "portsetting": ("view",),
        # Other companies' mail settings and notes (app passwords, …) are content support keeps
        # current; removing a provider is for administrators.
        "mailprovider": ("add", "change", "view"),
    },
    # Live check results, written only by manage.py check_mail_servers.
    "checks": {
        "checkedendpoint": ("view",),
        "endpointcheck": ("view",),
    },
}


def support_staff_codenames() -> dict[str, set[str]]:
    """app label → permission codenames, e.g. {"help": {"add_article", …}}."""
    return {
        app_label: {f"{action}_{model}" for model, actions in models.items() for action in actions}
        for app_label, models in SUPPORT_STAFF_PERMISSIONS.items()
    }


def _create_all_permissions(apps, using: str) -> None:
    """Make sure every model's permissions exist (on a fresh database they do not yet)."""
    for app_config in apps.get_app_configs():
        # Historical app configs in migrations have no models module; create_permissions
        # skips such apps, so mark them as having one for the duration of the call.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        try:
            create_permissions(app_config, apps=apps, verbosity=0, using=using)
        finally:
            app_config.models_module = models_module


def sync_roles(apps, using: str = "default") -> None:
    """Create both groups and add any permission they should have but lack."""
    _create_all_permissions(apps, using)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    support, _created = Group.objects.using(using).get_or_create(name=SUPPORT_STAFF)
    wanted_support = set()
    for app_label, codenames in support_staff_codenames().items():
        wanted_support |= set(
            Permission.objects.using(using)
            .filter(content_type__app_label=app_label, codename__in=codenames)
            .values_list("pk", flat=True)
        )
    missing = wanted_support - set(support.permissions.values_list("pk", flat=True))
    if missing:
        support.permissions.add(*missing)

    administrators, _created = Group.objects.using(using).get_or_create(name=ADMINISTRATORS)
    every_permission = set(Permission.objects.using(using).values_list("pk", flat=True))
    missing = every_permission - set(administrators.permissions.values_list("pk", flat=True))
    if missing:
        administrators.permissions.add(*missing)


def sync_roles_after_migrate(sender, using="default", apps=None, **kwargs) -> None:
    """post_migrate receiver (also after `flush`, so test databases keep the roles)."""
    sync_roles(apps or global_apps, using=using)
