"""Images for program steps: checked by their bytes, stored under a random name, served here."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from portal.mail.models import ProgramStep
from portal.mail.step_images import MAX_IMAGE_BYTES, detect_image_type, validate_step_image


def image_bytes(kind: str, size=(4, 3), color=(200, 30, 30)) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", size, color).save(output, format=kind)
    return output.getvalue()


PNG = image_bytes("PNG")
JPEG = image_bytes("JPEG")
WEBP = image_bytes("WEBP")
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.mark.parametrize(
    ("data", "kind"),
    [(PNG, "png"), (JPEG, "jpg"), (WEBP, "webp"), (SVG, None), (b"GIF89a", None), (b"", None)],
)
def test_image_type_comes_from_the_magic_bytes(data, kind):
    assert detect_image_type(data[:16]) == kind


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("diagram.svg", SVG, "image_type"),
        ("screenshot.png", SVG, "image_type"),  # the name does not decide
        ("big.png", PNG + b"\x00" * MAX_IMAGE_BYTES, "image_too_large"),
    ],
)
def test_bad_uploads_are_refused(name, data, code):
    with pytest.raises(ValidationError) as raised:
        validate_step_image(SimpleUploadedFile(name, data))
    assert raised.value.code == code


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n<html><script>alert(1)</script></html>",  # a PNG signature, then HTML
        b"\xff\xd8\xff\xe0" + b"\x00" * 64,  # a JPEG start and nothing of an image
        PNG[:40],  # cut off
        b"RIFF\x24\x00\x00\x00WEBP" + PNG,  # claims WebP, holds a PNG
    ],
)
def test_a_file_that_only_starts_like_an_image_is_refused(data):
    with pytest.raises(ValidationError) as raised:
        validate_step_image(SimpleUploadedFile("posnetek.png", data))
    assert raised.value.code == "image_broken"


@pytest.mark.parametrize(
    ("name", "data", "extension"),
    [("posnetek.webp", WEBP, "webp"), ("posnetek.webp", JPEG, "jpg"), ("slika", PNG, "png")],
)
def test_good_upload_is_stored_under_a_random_name_with_its_real_type(
    program, name, data, extension
):
    step = program.steps.get()
    step.image = SimpleUploadedFile(name, data)
    step.image_alt_sl = "Okno z nastavitvami"
    step.full_clean()  # runs validate_step_image; a refused file would raise here
    step.save()

    step.refresh_from_db()
    assert re.fullmatch(rf"steps/[0-9a-f]{{32}}\.{extension}", step.image.name)
    with default_storage.open(step.image.name) as stored, Image.open(stored) as image:
        # Stored re-encoded (never the uploaded bytes), but the same picture of the same type.
        assert image.format.lower().replace("jpeg", "jpg") == extension
        assert image.size == (4, 3)


def step_form(program, step, image=None, **fields) -> dict:
    data = {
        "name": program.name,
        "slug": program.slug,
        "platform": program.platform,
        "icon": program.icon,
        "auto_configuration": program.auto_configuration,
        "order": program.order,
        "active": "on",
        "warnings-TOTAL_FORMS": "0",
        "warnings-INITIAL_FORMS": "0",
        "steps-TOTAL_FORMS": "1",
        "steps-INITIAL_FORMS": "1",
        "steps-0-id": step.pk,
        "steps-0-program": program.pk,
        "steps-0-order": step.order,
        "steps-0-text_sl": step.text_sl,
        "_save": "Save",
    }
    if image is not None:
        data["steps-0-image"] = image
    return data | fields


def test_staff_upload_a_step_image_and_it_is_served(support_client, program):
    step = program.steps.get()
    url = f"/en/admin/mail/mailprogram/{program.pk}/change/"
    image = SimpleUploadedFile("Zaslonska slika.PNG", PNG, "image/png")

    response = support_client.post(
        url, step_form(program, step, image, **{"steps-0-image_alt_sl": "Okno z nastavitvami"})
    )

    assert response.status_code == 302
    step.refresh_from_db()
    assert re.fullmatch(r"steps/[0-9a-f]{32}\.png", step.image.name)
    served = support_client.get(step.image.url)
    assert served.status_code == 200
    assert served["Content-Type"] == "image/png"
    with Image.open(io.BytesIO(b"".join(served.streaming_content))) as stored:
        assert (stored.format, stored.size) == ("PNG", (4, 3))
    assert "immutable" in served["Cache-Control"]


def test_svg_upload_is_a_form_error_and_nothing_is_stored(support_client, program):
    step = program.steps.get()
    url = f"/en/admin/mail/mailprogram/{program.pk}/change/"
    image = SimpleUploadedFile("logo.png", SVG, "image/png")
    response = support_client.post(
        url, step_form(program, step, image, **{"steps-0-image_alt_sl": "Logotip"})
    )
    assert response.status_code == 200
    assert "Upload a PNG, JPEG or WebP image" in response.content.decode()
    step.refresh_from_db()
    assert not step.image


def test_an_image_needs_a_description(program):
    step = program.steps.get()
    step.image = SimpleUploadedFile("a.png", PNG)
    with translation.override("en"), pytest.raises(ValidationError) as raised:
        step.full_clean()
    assert "image_alt_sl" in raised.value.message_dict


@pytest.mark.parametrize(
    "path",
    [
        "/media/steps/../secret.png",
        "/media/steps/0123.png",
        "/media/steps/" + "a" * 32 + ".svg",
        "/media/other/" + "a" * 32 + ".png",
        "/media/steps/" + "b" * 32 + ".png",  # well-formed, but no such file
    ],
)
def test_only_uploaded_step_images_are_served(client, db, path):
    assert client.get(path).status_code == 404


def test_program_step_history_keeps_the_image_name(program):
    step = program.steps.get()
    name = default_storage.save("steps/" + "c" * 32 + ".png", SimpleUploadedFile("x", PNG))
    step.image = name
    step.image_alt_sl = "Slika"
    step.save()
    assert step.history.latest().image == name
    assert ProgramStep.history.filter(id=step.pk).earliest().image == ""


def test_what_is_stored_is_the_reencoded_image_without_trailing_bytes(program):
    step = program.steps.get()
    step.image = SimpleUploadedFile("a.png", PNG + b"<script>alert(1)</script>")
    step.image_alt_sl = "Slika"
    step.full_clean()
    step.save()
    with default_storage.open(step.image.name) as stored:
        data = stored.read()
    assert b"<script>" not in data
    assert Image.open(io.BytesIO(data)).getpixel((0, 0)) == (200, 30, 30)


def save_with_image(step, data: bytes) -> str:
    step.image = SimpleUploadedFile("a.png", data)
    step.image_alt_sl = "Slika"
    step.save()
    return step.image.name


def test_a_replaced_or_removed_image_file_is_deleted(program, django_capture_on_commit_callbacks):
    step = program.steps.get()
    with django_capture_on_commit_callbacks(execute=True):
        first = save_with_image(step, PNG)
    with django_capture_on_commit_callbacks(execute=True):
        second = save_with_image(step, image_bytes("PNG", color=(0, 0, 255)))
    assert not default_storage.exists(first)
    assert default_storage.exists(second)
    step.image = ""
    with django_capture_on_commit_callbacks(execute=True):
        step.save()
    assert not default_storage.exists(second)


def test_a_deleted_steps_image_file_is_deleted(program, django_capture_on_commit_callbacks):
    step = program.steps.get()
    with django_capture_on_commit_callbacks(execute=True):
        name = save_with_image(step, PNG)
    with django_capture_on_commit_callbacks(execute=True):
        step.delete()
    assert not default_storage.exists(name)


def test_saving_a_step_without_touching_its_image_keeps_the_file(
    program, django_capture_on_commit_callbacks
):
    step = program.steps.get()
    with django_capture_on_commit_callbacks(execute=True):
        name = save_with_image(step, PNG)
    step.text_sl = "Odprite nastavitve."
    with django_capture_on_commit_callbacks(execute=True):
        step.save()
    assert default_storage.exists(name)
