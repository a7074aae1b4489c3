"""Admin for the support contact: one row, edited per language, with history."""

from django.contrib import admin
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.help.models import SupportContact
from portal.staff.history_admin import StaffHistoryAdmin


@admin.register(SupportContact)
class SupportContactAdmin(StaffHistoryAdmin):
    fieldsets = [
        (_("Slovenian pages"), {"fields": ["email_sl", "phone_sl", "hours_sl"]}),
        (_("English pages"), {"fields": ["email_en", "phone_en", "hours_en"]}),
    ]

    def add_view(self, request, form_url="", extra_context=None):
        """There is one contact: once it exists, "add" opens it (checked here, not in
        has_add_permission, which every admin page's app list calls)."""
        row = SupportContact.objects.first()
        if row is not None:
            return HttpResponseRedirect(self._change_url(row))
        return super().add_view(request, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        """The list of one: it opens the contact, or the form to add it."""
        row = SupportContact.objects.first()
        if row is not None:
            return HttpResponseRedirect(self._change_url(row))
        if self.has_add_permission(request):
            return HttpResponseRedirect(reverse("admin:help_supportcontact_add"))
        return super().changelist_view(request, extra_context)

    def _change_url(self, row: SupportContact) -> str:
        return reverse("admin:help_supportcontact_change", args=[row.pk])
