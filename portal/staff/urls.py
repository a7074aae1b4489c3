"""Staff pages under /admin/ (included before the admin site itself in portal/urls.py)."""

from django.contrib import admin
from django.urls import path

from portal.staff import views

app_name = "staff"
urlpatterns = [
    path("overview/", admin.site.admin_view(views.overview), name="overview"),
]
