"""Admin for mail servers and hosting packages, with the packages' CSV import and export.

The import has two steps, each its own view: upload → dry run, then apply (the logic is in
package_import.py, the database side in package_services.py).
"""

import idna
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.mail.forms import PackageApplyForm, PackageUploadForm
from portal.mail.models import HostingPackage, Server
from portal.mail.package_services import PlanChanged, apply_package_import, package_export
from portal.staff.history_admin import StaffHistoryAdmin


@admin.register(Server)
class ServerAdmin(StaffHistoryAdmin):
    list_display = ["hostname", "active", "login_needs_ascii", "package_count"]
    list_filter = ["active", "login_needs_ascii"]
    search_fields = ["hostname", "mx_names"]
    fields = ["hostname", "active", "mx_names", "login_needs_ascii"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(package_count=Count("packages"))

    @admin.display(description=_("hosting packages"), ordering="package_count")
    def package_count(self, server: Server) -> int:
        return server.package_count


@admin.register(HostingPackage)
class HostingPackageAdmin(StaffHistoryAdmin):
    list_display = ["domain_display", "ascii_domain", "plan", "disk_quota_mb", "server"]
    list_filter = ["server", "plan"]
    search_fields = ["domain", "plan", "server__hostname"]
    list_select_related = ["server"]
    autocomplete_fields = ["server"]

    @admin.display(description=_("domain"), ordering="domain")
    def domain_display(self, package: HostingPackage) -> str:
        return package.domain_display

    @admin.display(description=_("ASCII form (xn--)"), ordering="domain")
    def ascii_domain(self, package: HostingPackage) -> str:
        return package.domain

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

    # CSV import and export ------------------------------------------------------------

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="{}_{}_import".format(*info),
            ),
            path(
                "import/apply/",
                self.admin_site.admin_view(self.apply_import_view),
                name="{}_{}_import_apply".format(*info),
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

    def _import_page(self, request, context: dict, status: int = 200) -> TemplateResponse:
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Import hosting packages"),
            "opts": self.opts,
            "upload_form": PackageUploadForm(),
            **context,
        }
        return TemplateResponse(
            request, "admin/mail/hostingpackage/import.html", context, status=status
        )

    def import_view(self, request):
        """Step one: the upload form; a valid file answers with its dry run (nothing saved)."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        if request.method != "POST":
            return self._import_page(request, {})
        form = PackageUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self._import_page(request, {"upload_form": form}, status=400)
        apply_form = PackageApplyForm(
            initial={"content": form.content, "fingerprint": form.plan.fingerprint}
        )
        return self._import_page(request, {"plan": form.plan, "apply_form": apply_form})

    def apply_import_view(self, request):
        """Step two: write what the dry run showed, or show the new dry run (409)."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseRedirect(reverse("admin:mail_hostingpackage_import"))
        form = PackageApplyForm(request.POST)
        if not form.is_valid():
            return self._import_page(request, {"apply_errors": form.errors}, status=400)
        data, fingerprint = form.cleaned_data["content"], form.cleaned_data["fingerprint"]
        try:
            applied = apply_package_import(data, fingerprint, user=request.user)
        except PlanChanged as changed:
            return self._import_page(request, self._changed_context(changed, form), status=409)
        counts = applied.counts
        messages.success(
            request,
            gettext("Imported: %(created)d created, %(changed)d changed.")
            % {"created": counts["create"], "changed": counts["change"]},
        )
        return HttpResponseRedirect(reverse("admin:mail_hostingpackage_changelist"))

    @staticmethod
    def _changed_context(changed: PlanChanged, form: PackageApplyForm) -> dict:
        if changed.plan is None:
            return {"file_error": changed.file_error}
        apply_form = PackageApplyForm(
            initial={"content": form.data["content"], "fingerprint": changed.plan.fingerprint}
        )
        return {
            "plan": changed.plan,
            "apply_form": apply_form,
            "file_error": gettext(
                "Nothing was imported: the hosting packages or the file changed since "
                "the dry run. Check the new dry run below."
            ),
        }

    def export_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        response = HttpResponse(package_export(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="hosting-packages.csv"'
        return response
