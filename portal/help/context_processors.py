"""`support`: the support contact every public page shows (footer, dead ends, a "no" vote)."""

from django.utils.functional import SimpleLazyObject

from portal.help.selectors import support_contact


def support(request):
    """Lazy: a page that never shows the contact never looks it up (at most one query)."""
    return {"support": SimpleLazyObject(support_contact)}
