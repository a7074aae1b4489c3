"""Images staff upload for program steps: PNG, JPEG or WebP, decoded and stored re-encoded.

The name a browser sends and the content type it claims are ignored. The file's first bytes
must announce an accepted type, and Pillow must decode the whole file as exactly that type
(a file that starts with the PNG signature but is HTML is refused). What is stored is the
image re-encoded by Pillow (`reencoded()`): pixels only, no trailing bytes, no metadata. SVG
(markup that could carry script) is never accepted. The stored name is random with the
extension of the type, so it can be served with a fixed content type and cached for ever;
a replaced or removed image's file is deleted (portal/mail/receivers.py).
"""

import io
import secrets

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

MAX_IMAGE_BYTES = 1024 * 1024
# Screenshots are at most a few megapixels; more from a 1 MB file is a decompression bomb.
MAX_IMAGE_PIXELS = 40_000_000
UPLOAD_FOLDER = "steps"
# extension → content type, for the types we accept and serve.
CONTENT_TYPES = {"png": "image/png", "jpg": "image/jpeg", "webp": "image/webp"}
PILLOW_FORMATS = {"png": "PNG", "jpg": "JPEG", "webp": "WEBP"}


def detect_image_type(head: bytes) -> str | None:
    """The extension of the image type the first bytes announce, or None if not accepted."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return None


def _read_all(file) -> bytes:
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    data = file.read()
    file.seek(position)
    return data


def decoded_image(data: bytes) -> Image.Image | None:
    """The fully decoded image if `data` is an accepted type through and through, else None."""
    kind = detect_image_type(data[:16])
    if kind is None:
        return None
    try:
        with Image.open(io.BytesIO(data), formats=[PILLOW_FORMATS[kind]]) as image:
            if image.width * image.height > MAX_IMAGE_PIXELS:
                return None
            image.load()
            return image.copy()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None


def reencoded(data: bytes) -> bytes:
    """The image written again by Pillow in its own type (call only after validation)."""
    kind = detect_image_type(data[:16])
    image = decoded_image(data)
    if image is None:
        raise ValueError("not an accepted image: validate_step_image() refuses it")
    output = io.BytesIO()
    if kind == "jpg" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    image.save(output, format=PILLOW_FORMATS[kind], **({"quality": 90} if kind != "png" else {}))
    return output.getvalue()


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
    data = _read_all(file)
    if detect_image_type(data[:16]) is None:
        raise ValidationError(
            _("Upload a PNG, JPEG or WebP image. Other files, SVG included, are not accepted."),
            code="image_type",
        )
    if decoded_image(data) is None:
        raise ValidationError(
            _("This file is not a usable image: it could not be read as the type it claims."),
            code="image_broken",
        )


def reencoded_upload(file) -> ContentFile:
    """A new upload as it is stored: re-encoded, under the name the browser sent."""
    return ContentFile(reencoded(_read_all(file)), name=file.name)


def step_image_path(instance, filename: str) -> str:
    """upload_to: a random name with the extension of the type actually uploaded."""
    extension = detect_image_type(_read_all(instance.image.file)[:16]) or "bin"
    return f"{UPLOAD_FOLDER}/{secrets.token_hex(16)}.{extension}"
