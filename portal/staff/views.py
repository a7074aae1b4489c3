"""Staff pages outside any one model's admin: the overview. Wrapped in admin_view (urls.py)."""

from django.conf import settings
from django.contrib import admin
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from portal.checks.selectors import endpoints_needing_attention
from portal.staff import selectors


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
        "mail_server_checks": endpoints_needing_attention(),
        "certificate_warning_days": settings.CHECK_CERTIFICATE_WARNING_DAYS,
    }
    return TemplateResponse(request, "admin/staff/overview.html", context)
