"""Images for program steps: checked by their bytes, stored under a random name, served here."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from portal.mail.models import ProgramStep
from portal.mail.step_images import MAX_IMAGE_BYTES, detect_image_type, validate_step_image

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 64
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


def test_good_upload_passes():
    validate_step_image(SimpleUploadedFile("posnetek.webp", WEBP))


def step_form(program, step, image=None, **fields) -> dict:
    data = {
        "name": program.name,
        "slug": program.slug,
        "platform": program.platform,
        "icon": program.icon,
        "auto_configuration": program.auto_configuration,
        "order": program.order,
        "active": "on",
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
    assert b"".join(served.streaming_content) == PNG
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
