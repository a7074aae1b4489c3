"""Admin for known mail providers (Gmail, Microsoft 365, ...): recognised by domain or by MX."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from portal.mail.models import MailProvider
from portal.staff.history_admin import StaffHistoryAdmin


@admin.register(MailProvider)
class MailProviderAdmin(StaffHistoryAdmin):
    list_display = ["name", "imap_hostname", "smtp_hostname", "active"]
    list_filter = ["active"]
    list_editable = ["active"]
    search_fields = ["name", "slug", "address_domains", "mx_suffixes"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "name_at_sl", "slug", "active"]}),
        (_("How we recognise it"), {"fields": ["address_domains", "mx_suffixes"]}),
        (
            _("Servers"),
            {
                "fields": [
                    ("imap_hostname", "imap_port", "imap_security"),
                    ("pop3_hostname", "pop3_port", "pop3_security"),
                    ("smtp_hostname", "smtp_port", "smtp_security"),
                    "login_with_local_part",
                ]
            },
        ),
        (_("For customers"), {"fields": ["help_url", "note_sl", "note_en"]}),
    ]
