"""Help centre pages under /admin/ (included before the admin site itself in portal/urls.py)."""

from django.contrib import admin
from django.urls import path

from portal.help.admin import overview

app_name = "help_admin"
urlpatterns = [
    path("overview/", admin.site.admin_view(overview.overview), name="overview"),
]
