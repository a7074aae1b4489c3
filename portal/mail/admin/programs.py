"""Admin for mail programs and their setup steps."""

from django.contrib import admin
from django.template.defaultfilters import truncatechars
from django.utils.translation import gettext_lazy as _

from portal.mail.models import MailProgram, ProgramStep
from portal.staff.history_admin import StaffHistoryAdmin


class ProgramStepInline(admin.StackedInline):
    model = ProgramStep
    extra = 1
    fields = [
        "order",
        ("protocol", "variant"),
        "text_sl",
        "text_en",
        "image",
        "image_alt_sl",
        "image_alt_en",
    ]
    show_change_link = True  # each step's own page has its history


@admin.register(ProgramStep)
class ProgramStepAdmin(StaffHistoryAdmin):
    """Steps are edited inside their program; this page exists for each step's history."""

    list_display = ["program", "order", "protocol", "variant", "text_start"]
    list_filter = ["program", "protocol", "variant"]
    list_select_related = ["program"]
    search_fields = ["text_sl", "text_en", "program__name"]
    fields = [
        "program",
        "order",
        ("protocol", "variant"),
        "text_sl",
        "text_en",
        "image",
        "image_alt_sl",
        "image_alt_en",
    ]

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
