"""Admin for the ports table (shown in articles, the wizard and every machine format)."""

from django.contrib import admin

from portal.mail.models import PortSetting
from portal.staff.history_admin import StaffHistoryAdmin


@admin.register(PortSetting)
class PortSettingAdmin(StaffHistoryAdmin):
    list_display = ["protocol", "security", "port", "preferred"]
    list_filter = ["protocol", "security", "preferred"]
    list_editable = ["preferred"]
    list_display_links = ["protocol"]
