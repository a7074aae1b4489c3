"""Images staff upload for program steps: PNG, JPEG or WebP, recognised by their first bytes.

The name a browser sends and the content type it claims are ignored: the file's own magic
bytes decide, SVG (markup that could carry script) is never accepted, and the stored name is
random with the extension of the detected type, so it can be served with a fixed content type
and cached for ever.
"""

import secrets

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

MAX_IMAGE_BYTES = 1024 * 1024
UPLOAD_FOLDER = "steps"
# extension → content type, for the types we accept and serve.
CONTENT_TYPES = {"png": "image/png", "jpg": "image/jpeg", "webp": "image/webp"}


def detect_image_type(head: bytes) -> str | None:
    """The extension of the image type the first bytes announce, or None if not accepted."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return None


def _read_head(file, size: int = 16) -> bytes:
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(size)
    file.seek(position)
    return head


def validate_step_image(file) -> None:
    """Field validator: checks new uploads only (a stored file was checked when it came in)."""
    if getattr(file, "_committed", False):
        return
    if file.size > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("The image is %(size)s; the limit is %(limit)s."),
            code="image_too_large",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(MAX_IMAGE_BYTES)},
        )
    if detect_image_type(_read_head(file)) is None:
        raise ValidationError(
            _("Upload a PNG, JPEG or WebP image. Other files, SVG included, are not accepted."),
            code="image_type",
        )


def step_image_path(instance, filename: str) -> str:
    """upload_to: a random name with the extension of the type actually uploaded."""
    extension = detect_image_type(_read_head(instance.image.file)) or "bin"
    return f"{UPLOAD_FOLDER}/{secrets.token_hex(16)}.{extension}"
