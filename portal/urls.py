from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from portal.help.sitemaps import SITEMAPS
from portal.help.views import robots_txt
from portal.page_cache import cached_public_page

# Machine endpoints (autoconfig, Autodiscover, profiles, health) are not translated.
urlpatterns = [
    path("", include("portal.autoconfig.urls")),
    path("health/", include("portal.health_urls")),
    path(settings.MEDIA_URL.strip("/") + "/", include("portal.mail.media_urls")),
    path("sitemap.xml", cached_public_page(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
]

urlpatterns += i18n_patterns(
    path("", include("portal.help.urls")),
    path(_("wizard/"), include("portal.wizard.urls")),
    path(_("dns/"), include("portal.autoconfig.guide_urls")),
    path(_("domain-check/"), include("portal.checks.urls")),
    path("admin/", include("portal.help.admin.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)

handler400 = "portal.errors.bad_request"
handler403 = "portal.errors.permission_denied"
handler404 = "portal.errors.page_not_found"
handler500 = "portal.errors.server_error"


admin.site.site_header = _("Mail setup portal — administration")
admin.site.site_title = _("Mail setup portal")
admin.site.index_title = _("Content and settings")
