"""POP3 or IMAP, from how the customer uses mail: a pure function and its sentences.

The rules follow the hosting company's own guidance (the seed text):
IMAP when one or more people use one mailbox from several devices; POP3 for heavy use on one
device, or for a mailbox that is forwarded to other addresses. An explicit wish to keep mail
on the server wins on a single device, because POP3 would remove it.

Every reason refers to one of the customer's own answers. Caveats belong to the protocol the
customer is *looking at* (they may switch), so they are a separate function.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from portal.mail.choices import Protocol

# With POP3 on more than one device, each program keeps a copy on the server this long.
POP3_KEEP_COPY_DAYS = 14


class Devices(models.TextChoices):
    ONE = "one", gettext_lazy("One device")
    FEW = "few", gettext_lazy("Two or three devices (for example a phone and a laptop)")
    MANY = "many", gettext_lazy("More than three devices")


class Storage(models.TextChoices):
    KEEP = "keep", gettext_lazy("Keep my mail on the server, so I can reach it from anywhere")
    SPACE = "space", gettext_lazy("Disk space is a worry: download my mail and free the server")
    NO_PREFERENCE = "either", gettext_lazy("I don't mind, or I don't know")


class Volume(models.TextChoices):
    LITTLE = "little", gettext_lazy("A little (a few messages a day)")
    MEDIUM = "medium", gettext_lazy("A fair amount (a few dozen messages a day)")
    A_LOT = "a-lot", gettext_lazy("A lot (hundreds of messages a day or large attachments)")


@dataclass(frozen=True)
class Usage:
    """The answers to "How do you use mail?"."""

    devices: str
    shared: bool
    storage: str
    forwarded: bool
    volume: str

    @property
    def several_devices(self) -> bool:
        return self.devices != Devices.ONE


@dataclass(frozen=True)
class Recommendation:
    protocol: str
    reasons: tuple[str, ...]


def _devices_reason(usage: Usage) -> str:
    if usage.devices == Devices.MANY:
        return _(
            "You read this mailbox on more than three devices. IMAP keeps them all in step: "
            "a message you read, send or file on one looks the same on the others."
        )
    return _(
        "You read this mailbox on two or three devices. IMAP keeps them in step: a message "
        "you read, send or file on one looks the same on the others."
    )


def recommend(usage: Usage, our_package: bool = True) -> Recommendation:
    """Return the protocol to recommend and the reasons, in the current language.

    `our_package=False` (mail at a provider, or not found): no reason speaks of a hosting
    package the customer may not have with us.
    """
    if usage.several_devices or usage.shared:
        reasons = []
        if usage.several_devices:
            reasons.append(_devices_reason(usage))
        if usage.shared:
            reasons.append(
                _(
                    "Several people use this mailbox. With IMAP everyone sees the same "
                    "messages and can tell which ones the others have already read or answered."
                )
            )
        if usage.storage == Storage.KEEP:
            reasons.append(_("You want your mail to stay on the server, and with IMAP it does."))
        return Recommendation(Protocol.IMAP, tuple(reasons))

    one_device = _("You read this mailbox on one device only.")
    if usage.storage == Storage.KEEP:
        return Recommendation(
            Protocol.IMAP,
            (
                _(
                    "You want your mail to stay on the server. With IMAP it does, so it is "
                    "safe if the device breaks and you can add another device later."
                ),
            ),
        )
    pop3_reasons = []
    if usage.forwarded:
        pop3_reasons.append(
            _(
                "Your mailbox is forwarded to other addresses. POP3 downloads the messages and "
                "removes them from the server, so they do not pile up there."
            )
        )
    if usage.volume == Volume.A_LOT:
        pop3_reasons.append(
            _(
                "You receive a lot of mail. POP3 moves it to your device and keeps the space "
                "on your hosting package free."
            )
            if our_package
            else _(
                "You receive a lot of mail. POP3 moves it to your device and keeps the space "
                "in your mailbox on the server free."
            )
        )
    if usage.storage == Storage.SPACE:
        pop3_reasons.append(
            _("Disk space is a worry for you. POP3 removes downloaded mail from the server.")
        )
    if pop3_reasons:
        return Recommendation(Protocol.POP3, (one_device, *pop3_reasons))
    return Recommendation(
        Protocol.IMAP,
        (
            one_device,
            _(
                "You do not receive much mail, so keeping it on the server costs little space. "
                "IMAP keeps it safe there and lets you add another device later."
            ),
        ),
    )


def format_quota(disk_quota_mb: int) -> str:
    """5000 → "5 GB", 2500 → "2.5 GB" (localised decimal mark), 800 → "800 MB"."""
    if disk_quota_mb < 1000:
        return f"{disk_quota_mb} MB"
    decimals = 0 if disk_quota_mb % 1000 == 0 else 1
    return f"{number_format(disk_quota_mb / 1000, decimal_pos=decimals)} GB"


def caveats(
    protocol: str,
    usage: Usage,
    disk_quota_mb: int | None = None,
    keep_copy_days: int = POP3_KEEP_COPY_DAYS,
    our_package: bool = True,
) -> tuple[str, ...]:
    """What to keep in mind with `protocol`, given the answers and the package's disk quota."""
    notes = []
    if protocol == Protocol.IMAP:
        if not our_package:
            notes.append(
                _(
                    "IMAP keeps all your mail on the server, so your mailbox fills up sooner. "
                    "Delete or archive old messages and large attachments now and then."
                )
            )
        elif disk_quota_mb:
            notes.append(
                _(
                    "IMAP keeps all your mail on the server, so it fills your hosting "
                    "package's disk quota (%(quota)s) sooner. Delete or archive old messages "
                    "and large attachments now and then."
                )
                % {"quota": format_quota(disk_quota_mb)}
            )
        else:
            notes.append(
                _(
                    "IMAP keeps all your mail on the server, so it fills your hosting "
                    "package's disk quota sooner. Delete or archive old messages and large "
                    "attachments now and then."
                )
            )
        return tuple(notes)

    if usage.several_devices:
        notes.append(
            ngettext(
                "You read mail on more than one device: in every program turn on “Leave a "
                "copy of messages on the server” and remove them after %(days)d day, so that "
                "each device receives every message.",
                "You read mail on more than one device: in every program turn on “Leave a "
                "copy of messages on the server” and remove them after %(days)d days, so that "
                "each device receives every message.",
                keep_copy_days,
            )
            % {"days": keep_copy_days}
        )
    if usage.shared:
        notes.append(
            _(
                "Several people use this mailbox: with POP3 each message ends up only on the "
                "device that downloads it first."
            )
        )
    notes.append(
        _(
            "With POP3 the only copy of your mail is on your device once it has been "
            "downloaded, so back the device up regularly."
        )
    )
    return tuple(notes)
