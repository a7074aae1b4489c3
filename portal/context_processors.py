from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import translate_url
from django.utils.translation import get_language_info

from portal.hosts import portal_url
from portal.localized import current_language


def site(request):
    """The language switcher: the same page in each other language."""
    language = current_language()
    path = request.get_full_path()
    alternates = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        alternates.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": translate_url(path, code),
                "current": code == language,
            }
        )
    try:  # scheme://host for absolute links (canonical, hreflang): PORTAL_HOSTNAME when set
        origin = portal_url(request, "/").removesuffix("/")
    except DisallowedHost:  # the 400 page for that very Host header
        origin = ""
    return {
        "site_origin": origin,
        "language_alternates": alternates,
        "organization": settings.PORTAL_ORGANIZATION,
    }
