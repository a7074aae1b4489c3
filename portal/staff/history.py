"""Versions of staff-edited records (django-simple-history): what changed, and reverting.

A revert writes the old values back through the model's own `full_clean()` and `save()`, so it
is checked like any edit and recorded as a new version whose change reason names the version
it restored. Nothing in the history is ever rewritten or deleted.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from portal.staff.diff import FieldChange, compare_values


def tracked_fields(model) -> list[models.Field]:
    """The fields staff edit that the history keeps (no primary key, no automatic stamps)."""
    history_fields = {field.name for field in model.history.model._meta.get_fields()}
    return [
        field
        for field in model._meta.concrete_fields
        if field.editable and not field.primary_key and field.name in history_fields
    ]


def _text_field_names(fields) -> set[str]:
    return {field.name for field in fields if isinstance(field, models.TextField)}


def raw_values(instance, fields) -> dict[str, object]:
    return {field.name: getattr(instance, field.attname) for field in fields}


def changed_labels(older, newer, fields) -> list[str]:
    """Labels of the fields that differ between two versions (no queries)."""
    before, after = raw_values(older, fields), raw_values(newer, fields)
    return [
        str(capfirst(field.verbose_name))
        for field in fields
        if before[field.name] != after[field.name]
    ]


def _display(instance, field) -> str:
    value = getattr(instance, field.attname)
    if value in (None, ""):
        return ""
    if field.is_relation:
        try:
            return str(getattr(instance, field.name))
        except ObjectDoesNotExist:
            return _("(deleted, #%(id)s)") % {"id": value}
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return _("Yes") if value else _("No")
    return str(value)


def display_values(instance, fields) -> dict[str, str]:
    return {field.name: _display(instance, field) for field in fields}


def compare_versions(model, older, newer) -> list[FieldChange]:
    """Field-by-field differences between two versions (records or model instances)."""
    fields = tracked_fields(model)
    labels = {field.name: str(capfirst(field.verbose_name)) for field in fields}
    return compare_values(
        display_values(older, fields),
        display_values(newer, fields),
        labels,
        text_fields=_text_field_names(fields),
    )


def version_label(record) -> str:
    """The version's date and time to the second: two saves in one minute look different."""
    moment = timezone.localtime(record.history_date)
    return f"{formats.date_format(moment, 'DATE_FORMAT')} {formats.time_format(moment, 'H:i:s')}"


def revert_reason(record) -> str:
    return _("Reverted to version from %(date)s") % {"date": version_label(record)}


def revert_to(record, user=None):
    """Save the values of `record` as the current version; raises ValidationError if invalid.

    Returns the saved instance. The new history row carries the user and the reason.
    """
    instance = record.instance
    instance._state.adding = False  # an update: keeps `created`, stamps `updated`
    instance.full_clean()
    instance._change_reason = revert_reason(record)
    if user is not None:
        instance._history_user = user
    instance.save()
    return instance
