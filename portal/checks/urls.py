"""The customers' domain check (under the language prefix)."""

from django.urls import path

from portal.checks import views

app_name = "checks"
urlpatterns = [
    path("", views.domain_check, name="domain"),
]
