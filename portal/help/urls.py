from django.urls import path
from django.utils.translation import gettext_lazy as _

from portal.help import guide_views, views

app_name = "help"
urlpatterns = [
    path("", views.home, name="home"),
    path(_("search/"), views.search, name="search"),
    path(_("category/<slug:slug>/"), views.category, name="category"),
    path(_("article/<slug:slug>/"), views.article, name="article"),
    path(_("article/<slug:slug>/vote/"), views.vote, name="vote"),
    path(_("programs/"), guide_views.program_index, name="programs"),
    path(_("programs/<slug:slug>/"), guide_views.program_guide, name="program_guide"),
]
