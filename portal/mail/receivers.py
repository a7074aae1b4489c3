"""What follows a write to a program step, whichever path wrote it: receivers, connected in
`MailConfig.ready()`.

- Step text is stored normalised (`normalise_source`): saving unchanged text is no change.
- A new step image is stored re-encoded by Pillow, never as uploaded (step_images.py).
- The file of a replaced or removed image is deleted from storage once the change is
  committed, unless another step still shows it. Older history versions keep the name only:
  reverting a step to a version with a deleted image leaves the step without a picture
  (the text and description come back), which staff see in the preview.
"""

from django.db import transaction

from portal.mail.models import ProgramStep
from portal.mail.step_images import reencoded_upload
from portal.markdown import normalise_source


def normalise_text(sender, instance: ProgramStep, raw: bool, **kwargs) -> None:
    """pre_save: the step's text as it is stored."""
    if not raw:
        instance.text_sl = normalise_source(instance.text_sl)
        instance.text_en = normalise_source(instance.text_en)


def reencode_new_image(sender, instance: ProgramStep, raw: bool, **kwargs) -> None:
    """pre_save: replace a new upload by its re-encoded pixels (before the file is stored)."""
    if not raw and instance.image and not instance.image._committed:
        instance.image = reencoded_upload(instance.image.file)


def remember_stored_image(sender, instance: ProgramStep, raw: bool, using: str, **kwargs) -> None:
    """pre_save: note the image file the row has in the database ("" for none)."""
    instance._stored_image = ""
    if not raw and instance.pk is not None and not instance._state.adding:
        stored = ProgramStep.objects.using(using).filter(pk=instance.pk)
        instance._stored_image = stored.values_list("image", flat=True).first() or ""


def _delete_unused_file(storage, name: str, using: str) -> None:
    def delete() -> None:
        if not ProgramStep.objects.using(using).filter(image=name).exists():
            storage.delete(name)

    transaction.on_commit(delete, using=using)


def delete_replaced_image(sender, instance: ProgramStep, raw: bool, using: str, **kwargs) -> None:
    """post_save: the previous file goes when the step shows another image or none."""
    previous = getattr(instance, "_stored_image", "")
    if previous and previous != instance.image.name:
        _delete_unused_file(instance.image.storage, previous, using)


def delete_removed_image(sender, instance: ProgramStep, using: str, **kwargs) -> None:
    """post_delete: a deleted step's image file goes too."""
    if instance.image.name:
        _delete_unused_file(instance.image.storage, instance.image.name, using)
