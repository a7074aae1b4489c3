from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

# Machine endpoints (autoconfig, Autodiscover, profiles, health) are not translated.
urlpatterns = [
    path("", include("portal.autoconfig.urls")),
    path("health/", include("portal.health_urls")),
]

urlpatterns += i18n_patterns(
    path("", include("portal.help.urls")),
    path(_("wizard/"), include("portal.wizard.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)

handler404 = "portal.errors.page_not_found"
handler500 = "portal.errors.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

admin.site.site_header = _("Mail setup portal — administration")
admin.site.site_title = _("Mail setup portal")
admin.site.index_title = _("Content and settings")
