"""The staff overview: what needs attention in the help centre. Wrapped in admin_view (urls.py)."""

from django.conf import settings
from django.contrib import admin
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from portal.help import selectors
from portal.help.support import is_demo


def overview(request):
    months = settings.PORTAL_REVIEW_AFTER_MONTHS
    context = {
        **admin.site.each_context(request),
        "title": _("Staff overview"),
        "worst_rated": selectors.worst_rated_articles(),
        "min_votes": selectors.MIN_VOTES_FOR_RATING,
        "search_misses": selectors.frequent_search_misses(),
        "due_for_review": selectors.articles_due_for_review(months),
        "review_months": months,
        "support_contact_is_demo": is_demo(selectors.support_contact_values()),
    }
    return TemplateResponse(request, "admin/help/overview.html", context)
