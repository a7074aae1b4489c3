import idna
from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from portal.mail.models import HostingPackage, MailProgram, PortSetting, ProgramStep, Server


@admin.register(Server)
class ServerAdmin(SimpleHistoryAdmin):
    list_display = ["hostname", "active", "package_count"]
    list_filter = ["active"]
    search_fields = ["hostname"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(package_count=Count("packages"))

    @admin.display(description=_("hosting packages"), ordering="package_count")
    def package_count(self, server: Server) -> int:
        return server.package_count


@admin.register(HostingPackage)
class HostingPackageAdmin(SimpleHistoryAdmin):
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


@admin.register(PortSetting)
class PortSettingAdmin(SimpleHistoryAdmin):
    list_display = ["protocol", "security", "port", "preferred"]
    list_filter = ["protocol", "security", "preferred"]
    list_editable = ["preferred"]
    list_display_links = ["protocol"]


class ProgramStepInline(admin.StackedInline):
    model = ProgramStep
    extra = 1
    fields = ["order", "text_sl", "text_en"]


@admin.register(MailProgram)
class MailProgramAdmin(SimpleHistoryAdmin):
    list_display = ["name", "platform", "auto_configuration", "user_agent_hint", "order", "active"]
    list_filter = ["platform", "auto_configuration", "active"]
    list_editable = ["order", "active"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ProgramStepInline]
