"""Read-only admin for the live checks: each endpoint's state and its recent checks.

Nobody adds or edits check results by hand; `manage.py check_mail_servers` writes them.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from portal.checks.models import CheckedEndpoint, EndpointCheck


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class EndpointCheckInline(admin.TabularInline):
    model = EndpointCheck
    fields = [
        "checked_at",
        "problem",
        "detail",
        "greeting",
        "login_methods",
        "plain_login_refused",
        "certificate_not_after",
        "certificate_names_host",
        "certificate_trusted",
        "round_trip_ms",
    ]
    readonly_fields = fields
    extra = 0
    max_num = 0
    can_delete = False
    ordering = ["-checked_at"]


@admin.register(CheckedEndpoint)
class CheckedEndpointAdmin(ReadOnlyAdmin):
    list_display = [
        "server",
        "protocol",
        "port",
        "security",
        "problem",
        "failing_since",
        "last_success_at",
        "last_checked_at",
    ]
    list_filter = ["protocol", "security", ("failing_since", admin.EmptyFieldListFilter)]
    list_select_related = ["server", "latest"]
    search_fields = ["server__hostname"]
    fields = [
        "server",
        "protocol",
        "security",
        "port",
        "last_checked_at",
        "last_success_at",
        "failing_since",
    ]
    readonly_fields = fields
    inlines = [EndpointCheckInline]

    @admin.display(description=_("problem"))
    def problem(self, endpoint: CheckedEndpoint) -> str:
        if endpoint.latest is None:
            return "–"
        return endpoint.latest.get_problem_display() if endpoint.latest.problem else _("none")
