"""Admin for mail programs and their setup steps."""

from django.contrib import admin
from django.db import models
from django.template.defaultfilters import truncatechars
from django.utils.translation import gettext_lazy as _

from portal.mail.models import MailProgram, ProgramStep, ProgramWarning
from portal.mail.steps import shown_step
from portal.staff.fields import NORMALISED_TEXT
from portal.staff.history_admin import StaffHistoryAdmin

# What a customer of a hosted domain would see in a step's placeholders, for the preview.
EXAMPLE_VALUES = {
    "email": "ana@primer.si",
    "username": "ana@primer.si",
    "domain": "primer.si",
    "incoming_protocol": "IMAP",
    "incoming_server": "streznik.primer.si",
    "incoming_port": 993,
    "incoming_security": "SSL/TLS",
    "outgoing_server": "streznik.primer.si",
    "outgoing_port": 465,
    "outgoing_security": "SSL/TLS",
}


class StepPreview:
    """Read-only preview fields: the saved step as customers see it, with example values."""

    @admin.display(description=_("preview (Slovenian)"))
    def preview_sl(self, step: ProgramStep) -> str:
        return shown_step(step.text_sl, EXAMPLE_VALUES).html if step.pk else "—"

    @admin.display(description=_("preview (English)"))
    def preview_en(self, step: ProgramStep) -> str:
        return shown_step(step.text_en, EXAMPLE_VALUES).html if step.pk and step.text_en else "—"


class ProgramStepInline(StepPreview, admin.StackedInline):
    model = ProgramStep
    formfield_overrides = {models.TextField: NORMALISED_TEXT}
    extra = 1
    fields = [
        "order", ("protocol", "variant"), "text_sl", "preview_sl", "text_en", "preview_en",
        "image", "image_alt_sl", "image_alt_en",
    ]  # fmt: skip
    readonly_fields = ["preview_sl", "preview_en"]
    show_change_link = True  # each step's own page has its history


@admin.register(ProgramStep)
class ProgramStepAdmin(StepPreview, StaffHistoryAdmin):
    """Steps are edited inside their program; this page exists for each step's history."""

    list_display = ["program", "order", "protocol", "variant", "text_start"]
    list_filter = ["program", "protocol", "variant"]
    list_select_related = ["program"]
    search_fields = ["text_sl", "text_en", "program__name"]
    fields = [
        "program", "order", ("protocol", "variant"), "text_sl", "preview_sl", "text_en",
        "preview_en", "image", "image_alt_sl", "image_alt_en",
    ]  # fmt: skip
    readonly_fields = ["preview_sl", "preview_en"]

    @admin.display(description=_("text (Slovenian)"))
    def text_start(self, step: ProgramStep) -> str:
        return truncatechars(step.text_sl, 80)


class ProgramWarningInline(admin.StackedInline):
    """Warnings on the program's guide page (bilingual Markdown), edited inside the program."""

    model = ProgramWarning
    formfield_overrides = {models.TextField: NORMALISED_TEXT}
    extra = 0
    fields = ["order", "text_sl", "text_en"]


@admin.register(ProgramWarning)
class ProgramWarningAdmin(StaffHistoryAdmin):
    """Warnings are edited inside their program; this page exists for each one's history."""

    list_display = ["program", "order", "text_start"]
    list_filter = ["program"]
    list_select_related = ["program"]
    search_fields = ["text_sl", "text_en", "program__name"]
    fields = ["program", "order", "text_sl", "text_en"]

    @admin.display(description=_("text (Slovenian)"))
    def text_start(self, warning: ProgramWarning) -> str:
        return truncatechars(warning.text_sl, 80)


@admin.register(MailProgram)
class MailProgramAdmin(StaffHistoryAdmin):
    list_display = [
        "name", "name_en", "platform", "auto_configuration", "user_agent_hint", "order",
        "active", "retired",
    ]  # fmt: skip
    list_filter = ["platform", "auto_configuration", "active", "retired"]
    list_editable = ["order", "active"]
    search_fields = ["name", "name_en", "slug", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    fields = [
        "name", "name_en", "slug", "aliases", "platform", "icon", "auto_configuration",
        "user_agent_hint", "order", ("active", "retired"),
    ]  # fmt: skip
    inlines = [ProgramWarningInline, ProgramStepInline]
