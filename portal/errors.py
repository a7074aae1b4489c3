"""Error pages in the visitor's language, rendered without touching the database."""

from django.http import Http404
from django.shortcuts import render


class ExplainedNotFound(Http404):
    """A 404 whose message (already translated) the 404 page shows to the visitor."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def page_not_found(request, exception=None):
    message = exception.message if isinstance(exception, ExplainedNotFound) else ""
    return render(request, "404.html", {"message": message}, status=404)


def server_error(request):
    return render(request, "500.html", status=500)
