"""The DNS guidance page (under the language prefix, unlike the machine endpoints)."""

from django.urls import path

from portal.autoconfig import guide_views

app_name = "dnsguide"
urlpatterns = [
    path("", guide_views.dns_records, name="records"),
]
