import base64
import binascii

import idna
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponse, HttpResponseRedirect
from django.template.defaultfilters import truncatechars
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.mail.forms import PackageImportForm
from portal.mail.models import HostingPackage, MailProgram, PortSetting, ProgramStep, Server
from portal.mail.package_import import ImportFileError
from portal.mail.package_services import (
    PlanChanged,
    apply_package_import,
    package_export,
    plan_package_import,
)
from portal.staff.history_admin import StaffHistoryAdmin


@admin.register(Server)
class ServerAdmin(StaffHistoryAdmin):
    list_display = ["hostname", "active", "package_count"]
    list_filter = ["active"]
    search_fields = ["hostname"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(package_count=Count("packages"))

    @admin.display(description=_("hosting packages"), ordering="package_count")
    def package_count(self, server: Server) -> int:
        return server.package_count


@admin.register(HostingPackage)
class HostingPackageAdmin(StaffHistoryAdmin):
    list_display = ["domain_display", "domain", "plan", "disk_quota_mb", "server"]
    list_filter = ["server", "plan"]
    search_fields = ["domain", "plan", "server__hostname"]
    list_select_related = ["server"]
    autocomplete_fields = ["server"]

    @admin.display(description=_("domain"), ordering="domain")
    def domain_display(self, package: HostingPackage) -> str:
        return package.domain_display

    def get_search_results(self, request, queryset, search_term):
        # Staff may type either form of an IDN domain: "čebelica" finds xn--ebelica-i6a.si.
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        try:
            ascii_term = idna.encode(search_term.strip().lower(), uts46=True).decode("ascii")
        except (idna.IDNAError, UnicodeError):
            return queryset, may_have_duplicates
        return queryset | self.model.objects.filter(
            domain__icontains=ascii_term
        ), may_have_duplicates

    # CSV import and export (the logic lives in portal/mail/package_import.py) ---------

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="{}_{}_import".format(*info),
            ),
            path(
                "export/",
                self.admin_site.admin_view(self.export_view),
                name="{}_{}_export".format(*info),
            ),
            *super().get_urls(),
        ]

    def has_import_permission(self, request) -> bool:
        return self.has_add_permission(request) and self.has_change_permission(request)

    def changelist_view(self, request, extra_context=None):
        extra = {"has_import_permission": self.has_import_permission(request)}
        return super().changelist_view(request, extra_context=extra | (extra_context or {}))

    def import_view(self, request):
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = PackageImportForm()
        plan, content, error, status = None, "", "", 200
        if request.method == "POST" and "apply" in request.POST:
            try:
                data = base64.b64decode(request.POST.get("content", ""), validate=True)
            except (binascii.Error, ValueError):
                data = b""
            try:
                applied = apply_package_import(data, request.POST.get("fingerprint", ""))
            except (PlanChanged, ImportFileError):
                error = gettext(
                    "Nothing was imported: the hosting packages or the file changed since "
                    "the dry run. Check the new dry run below."
                )
                status = 409
                try:
                    plan = plan_package_import(data)
                    content = request.POST.get("content", "")
                except ImportFileError as file_error:
                    error = str(file_error)
            else:
                counts = applied.counts
                messages.success(
                    request,
                    gettext("Imported: %(created)d created, %(changed)d changed.")
                    % {"created": counts["create"], "changed": counts["change"]},
                )
                return HttpResponseRedirect(reverse("admin:mail_hostingpackage_changelist"))
        elif request.method == "POST":
            form = PackageImportForm(request.POST, request.FILES)
            if form.is_valid():
                data = form.cleaned_data["file"].read()
                try:
                    plan = plan_package_import(data)
                except ImportFileError as file_error:
                    error, status = str(file_error), 400
                else:
                    content = base64.b64encode(data).decode("ascii")
            else:
                status = 400
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Import hosting packages"),
            "opts": self.opts,
            "form": form,
            "plan": plan,
            "content": content,
            "file_error": error,
        }
        return TemplateResponse(
            request, "admin/mail/hostingpackage/import.html", context, status=status
        )

    def export_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        response = HttpResponse(package_export(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="hosting-packages.csv"'
        return response


@admin.register(PortSetting)
class PortSettingAdmin(StaffHistoryAdmin):
    list_display = ["protocol", "security", "port", "preferred"]
    list_filter = ["protocol", "security", "preferred"]
    list_editable = ["preferred"]
    list_display_links = ["protocol"]


class ProgramStepInline(admin.StackedInline):
    model = ProgramStep
    extra = 1
    fields = ["order", "text_sl", "text_en", "image", "image_alt_sl", "image_alt_en"]
    show_change_link = True  # each step's own page has its history


@admin.register(ProgramStep)
class ProgramStepAdmin(StaffHistoryAdmin):
    """Steps are edited inside their program; this page exists for each step's history."""

    list_display = ["program", "order", "text_start"]
    list_filter = ["program"]
    list_select_related = ["program"]
    search_fields = ["text_sl", "text_en", "program__name"]
    fields = ["program", "order", "text_sl", "text_en", "image", "image_alt_sl", "image_alt_en"]

    @admin.display(description=_("text (Slovenian)"))
    def text_start(self, step: ProgramStep) -> str:
        return truncatechars(step.text_sl, 80)


@admin.register(MailProgram)
class MailProgramAdmin(StaffHistoryAdmin):
    list_display = ["name", "platform", "auto_configuration", "user_agent_hint", "order", "active"]
    list_filter = ["platform", "auto_configuration", "active"]
    list_editable = ["order", "active"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ProgramStepInline]
