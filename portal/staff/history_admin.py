"""The history pages every staff-edited model shares: who changed what and when, a readable
diff of each version, and one-click revert (itself recorded as a new version)."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin

from portal.staff import history
from portal.staff.fields import NORMALISED_TEXT


class StaffHistoryAdmin(SimpleHistoryAdmin):
    object_history_template = "admin/staff/object_history.html"
    object_history_list_template = "admin/staff/object_history_list.html"
    history_list_per_page = 50
    formfield_overrides = {models.TextField: NORMALISED_TEXT}

    def save_model(self, request, obj, form, change):
        """A form nobody changed saves nothing: no new version, no new `updated` stamp (e.g.
        a program saved only to edit one of its steps, whose own history records that)."""
        if change and not form.has_changed():
            return
        super().save_model(request, obj, form, change)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        urls = [
            path(
                "<path:object_id>/history/<int:history_id>/changes/",
                self.admin_site.admin_view(self.history_changes_view),
                name="{}_{}_history_changes".format(*info),
            ),
            path(
                "<path:object_id>/history/<int:history_id>/revert/",
                self.admin_site.admin_view(self.history_revert_view),
                name="{}_{}_history_revert".format(*info),
            ),
        ]
        return urls + super().get_urls()

    # The history list ------------------------------------------------------------------

    def get_history_queryset(self, request, history_manager, pk_name, object_id):
        # The list compares raw field values, so the tracked related objects are not needed.
        return history_manager.filter(**{pk_name: object_id}).select_related("history_user")

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        """Mark each version with the fields it changed (compared with the one before it)."""
        fields = history.tracked_fields(self.model)
        newer = None
        for record in historical_records:
            if newer is not None and newer.history_type == "~":
                newer.changed_fields = history.changed_labels(record, newer, fields)
            newer = record

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        context = {
            "can_revert": obj is not None and self.has_change_permission(request, obj),
            "changes_url_name": self._url_name("history_changes"),
            "revert_url_name": self._url_name("history_revert"),
        }
        return super().history_view(
            request, object_id, extra_context=context | (extra_context or {})
        )

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """simple-history's own "revert by editing an old form" page: show the diff instead."""
        if not str(version_id).isdigit():
            raise Http404
        url = reverse(self._url_name("history_changes"), args=[unquote(object_id), version_id])
        return HttpResponseRedirect(url)

    # A version's changes ---------------------------------------------------------------

    def _url_name(self, suffix: str) -> str:
        return f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_{suffix}"

    def _record(self, object_id, history_id):
        history_model = self.model.history.model
        try:
            return get_object_or_404(
                history_model,
                **{self.opts.pk.attname: unquote(object_id), "history_id": history_id},
            )
        except (ValueError, ValidationError) as error:
            raise Http404 from error

    def _page_context(self, request, obj, record, title):
        return {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.opts,
            "object": obj,
            "record": record,
            "version_label": history.version_label(record),
            "history_url": reverse(self._url_name("history"), args=[record.instance.pk]),
        }

    def history_changes_view(self, request, object_id, history_id):
        record = self._record(object_id, history_id)
        obj = self.get_object(request, unquote(object_id)) or record.instance
        if not self.has_view_history_or_change_history_permission(request, obj):
            raise PermissionDenied
        previous = record.prev_record
        changes = history.compare_versions(self.model, previous, record) if previous else []
        context = self._page_context(
            request,
            obj,
            record,
            _("Changes in the version from %(date)s") % {"date": history.version_label(record)},
        )
        context |= {
            "changes": changes,
            "previous": previous,
            "previous_version_label": history.version_label(previous) if previous else "",
            "can_revert": self.has_change_permission(request, obj) and record.history_type != "-",
            "revert_url": reverse(
                self._url_name("history_revert"), args=[obj.pk, record.history_id]
            ),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/staff/history_changes.html", context)

    # Revert ----------------------------------------------------------------------------

    def history_revert_view(self, request, object_id, history_id):
        record = self._record(object_id, history_id)
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(_("This record no longer exists."))
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        if record.history_type == "-":
            raise Http404(_("A deletion cannot be restored as a version."))
        changes = history.compare_versions(self.model, obj, record)
        history_url = reverse(self._url_name("history"), args=[obj.pk])
        errors = []
        if request.method == "POST":
            if not changes:
                messages.info(request, _("The current version already matches that version."))
                return HttpResponseRedirect(history_url)
            try:
                reverted = history.revert_to(record, request.user)
            except ValidationError as error:
                errors = error.messages
            else:
                self.log_change(request, reverted, history.revert_reason(record))
                messages.success(request, history.revert_reason(record))
                return HttpResponseRedirect(history_url)
        context = self._page_context(
            request,
            obj,
            record,
            _("Revert to the version from %(date)s") % {"date": history.version_label(record)},
        )
        context |= {"changes": changes, "errors": errors}
        request.current_app = self.admin_site.name
        return TemplateResponse(
            request, "admin/staff/history_revert.html", context, status=400 if errors else 200
        )
