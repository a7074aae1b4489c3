"""Serving uploaded program-step images from the application itself.

The portal runs as one process without a separate web server, so uploads are served here,
and only what was uploaded through the validated field: a random name in steps/ with the
extension of the type its magic bytes showed. Names never change (a new upload gets a new
name), so browsers may cache them for a year.
"""

import re

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe

from portal.mail.step_images import CONTENT_TYPES, UPLOAD_FOLDER

UPLOADED_NAME = re.compile(rf"^{UPLOAD_FOLDER}/[0-9a-f]{{32}}\.({'|'.join(CONTENT_TYPES)})$")


@require_safe
def uploaded_image(request, path: str):
    match = UPLOADED_NAME.match(path)
    if not match:
        raise Http404
    try:
        file = default_storage.open(path, "rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(file, content_type=CONTENT_TYPES[match.group(1)])
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response
