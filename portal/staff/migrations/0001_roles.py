"""Create the "Support staff" and "Administrators" groups with their permissions.

The roles are defined in portal/staff/roles.py. Models whose migrations run after this one
(for example the help centre's search synonyms: "add_searchsynonym", "change_searchsynonym",
…) get their permissions into the roles from the post_migrate handler, which runs the same
function after every migrate.
"""

from django.db import migrations


def create_roles(apps, schema_editor):
    from portal.staff.roles import sync_roles

    sync_roles(apps, using=schema_editor.connection.alias)


def remove_roles(apps, schema_editor):
    from portal.staff.roles import ADMINISTRATORS, SUPPORT_STAFF

    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(
        name__in=[SUPPORT_STAFF, ADMINISTRATORS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("help", "0001_initial"),
        ("mail", "0002_program_step_image"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
