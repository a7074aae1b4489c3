"""Machine endpoints, outside the language prefix; they answer on every allowed host name."""

import re

from django.urls import path, re_path

from portal.autoconfig import autodiscover_json_views, views


def any_case(text: str) -> str:
    """A regex matching `text` in any letter case that Django can still reverse.

    An inline `(?i)` flag would make the whole URLconf unreversible; `[aA]` classes reverse to
    their first (lower-case) letter.
    """
    return "".join(f"[{ch}{ch.upper()}]" if ch.isalpha() else re.escape(ch) for ch in text)


app_name = "autoconfig"
urlpatterns = [
    path("mail/config-v1.1.xml", views.thunderbird_config, name="thunderbird"),
    path(
        ".well-known/autoconfig/mail/config-v1.1.xml",
        views.thunderbird_config,
        name="thunderbird-well-known",
    ),
    # Outlook uses /autodiscover/autodiscover.xml and /Autodiscover/Autodiscover.xml (and more).
    re_path(
        rf"^{any_case('autodiscover/autodiscover.xml')}$",
        views.outlook_autodiscover,
        name="outlook",
    ),
    # Outlook's Autodiscover v2 question comes first: ?Email=…&Protocol=… or /v1.0/<address>.
    re_path(
        rf"^{any_case('autodiscover/autodiscover.json')}$",
        autodiscover_json_views.outlook_autodiscover_json,
        name="outlook-json",
    ),
    re_path(
        rf"^{any_case('autodiscover/autodiscover.json/v1.0/')}(?P<address>[^/]+)$",
        autodiscover_json_views.outlook_autodiscover_json,
        name="outlook-json-v1",
    ),
    path("mobileconfig/", views.mobileconfig, name="mobileconfig"),
]
