from django.urls import path
from django.utils.translation import gettext_lazy as _

from portal.wizard import views

app_name = "wizard"
urlpatterns = [
    path("", views.EmailStep.as_view(), name="start"),
    path("program/", views.ProgramStep.as_view(), name="program"),
    path(_("usage/"), views.UsageStep.as_view(), name="usage"),
    path(_("result/"), views.result, name="result"),
    path(_("profile/"), views.profile, name="profile"),
    path(_("start-again/"), views.restart, name="restart"),
]
