"""Error pages in the visitor's language. The 404 page shows the support contact staff edit
(one query); the 400, plain 403 and 500 pages read nothing from the database (it may be what
failed, or the request never got that far) and show the contact from the settings. Only the
staff 403 page reads the database otherwise."""

from django.contrib import admin
from django.http import Http404
from django.shortcuts import render

from portal.help.support import contact_from_settings
from portal.staff.permissions_summary import allowed_actions, role_names


class ExplainedNotFound(Http404):
    """A 404 whose message (already translated) the 404 page shows to the visitor."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def bad_request(request, exception=None):
    return render(request, "400.html", {"support": contact_from_settings()}, status=400)


def permission_denied(request, exception=None):
    """Staff get the admin's layout and what their role may do; anyone else a plain page."""
    user = getattr(request, "user", None)
    if user is not None and user.is_active and user.is_staff:
        context = admin.site.each_context(request) | {
            "role": role_names(user),
            "allowed": allowed_actions(user),
        }
        return render(request, "admin/403.html", context, status=403)
    return render(request, "403.html", {"support": contact_from_settings()}, status=403)


def page_not_found(request, exception=None):
    message = exception.message if isinstance(exception, ExplainedNotFound) else ""
    return render(request, "404.html", {"message": message}, status=404)


def server_error(request):
    return render(request, "500.html", {"support": contact_from_settings()}, status=500)
