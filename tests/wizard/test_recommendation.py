"""The recommendation is pure: a table of answers → protocol, and the sentences it gives."""

import pytest
from django.utils import translation

from portal.wizard.recommendation import (
    Devices,
    Storage,
    Usage,
    Volume,
    caveats,
    format_quota,
    recommend,
)


def usage(
    devices=Devices.ONE,
    shared=False,
    storage=Storage.NO_PREFERENCE,
    forwarded=False,
    volume=Volume.MEDIUM,
):
    return Usage(devices, shared, storage, forwarded, volume)


@pytest.mark.parametrize(
    ("answers", "protocol"),
    [
        # Heavy use on one device → POP3 (the seed's guidance).
        (usage(volume=Volume.A_LOT), "pop3"),
        # A mailbox forwarded to other addresses → POP3.
        (usage(forwarded=True), "pop3"),
        (usage(storage=Storage.SPACE), "pop3"),
        # Several devices (a phone and a laptop) → IMAP.
        (usage(devices=Devices.FEW), "imap"),
        (usage(devices=Devices.MANY), "imap"),
        # A shared office mailbox → IMAP, even on one device each.
        (usage(shared=True), "imap"),
        # Several devices win over heavy use or a worry about space (IMAP + quota caveat).
        (usage(devices=Devices.FEW, volume=Volume.A_LOT, storage=Storage.SPACE), "imap"),
        (usage(devices=Devices.MANY, forwarded=True), "imap"),
        # On one device, a wish to keep mail on the server wins (POP3 would remove it).
        (usage(storage=Storage.KEEP, volume=Volume.A_LOT), "imap"),
        (usage(storage=Storage.KEEP, forwarded=True), "imap"),
        # One device, light use, no preference → IMAP: safe on the server, room to grow.
        (usage(volume=Volume.LITTLE), "imap"),
        (usage(), "imap"),
    ],
)
def test_recommendation_follows_the_guidance(answers, protocol):
    assert recommend(answers).protocol == protocol


@pytest.mark.parametrize(
    ("answers", "phrases"),
    [
        (usage(volume=Volume.A_LOT), ["one device only", "a lot of mail"]),
        (usage(forwarded=True), ["one device only", "forwarded to other addresses"]),
        (usage(storage=Storage.SPACE), ["one device only", "Disk space is a worry"]),
        (usage(devices=Devices.FEW), ["two or three devices"]),
        (usage(devices=Devices.MANY), ["more than three devices"]),
        (usage(shared=True), ["Several people use this mailbox"]),
        (
            usage(devices=Devices.FEW, shared=True, storage=Storage.KEEP),
            ["two or three devices", "Several people", "stay on the server"],
        ),
        (usage(storage=Storage.KEEP), ["stay on the server"]),
        (usage(volume=Volume.LITTLE), ["one device only", "do not receive much mail"]),
    ],
)
def test_every_reason_refers_to_the_customers_own_answers(answers, phrases):
    with translation.override("en"):
        reasons = recommend(answers).reasons
    assert len(reasons) == len(phrases)
    for reason, phrase in zip(reasons, phrases, strict=True):
        assert phrase in reason


def test_reasons_are_translated_to_slovenian():
    with translation.override("sl"):
        reasons = recommend(usage(devices=Devices.FEW, shared=True)).reasons
    assert "dveh ali treh napravah" in reasons[0]
    assert "več oseb" in reasons[1]


@pytest.mark.parametrize(
    ("quota_mb", "language", "text"),
    [
        (5000, "en", "5 GB"),
        (2500, "en", "2.5 GB"),
        (2500, "sl", "2,5 GB"),
        (800, "sl", "800 MB"),
    ],
)
def test_quota_is_written_the_way_people_read_it(quota_mb, language, text):
    with translation.override(language):
        assert format_quota(quota_mb) == text


def test_imap_caveat_names_the_packages_quota():
    with translation.override("en"):
        notes = caveats("imap", usage(shared=True), disk_quota_mb=5000)
        unknown = caveats("imap", usage(shared=True), disk_quota_mb=None)
    assert len(notes) == 1
    assert "disk quota (5 GB)" in notes[0]
    assert "disk quota sooner" in unknown[0]
    assert "(" not in unknown[0]


def test_pop3_on_several_devices_keeps_a_copy_for_some_days():
    with translation.override("en"):
        notes = caveats("pop3", usage(devices=Devices.FEW), keep_copy_days=14)
        one_device = caveats("pop3", usage(), keep_copy_days=14)
    assert any("Leave a copy of messages on the server" in n and "14 days" in n for n in notes)
    assert not any("Leave a copy" in n for n in one_device)
    assert any("back the device up" in n for n in one_device)


def test_pop3_on_a_shared_mailbox_warns_that_messages_split_between_devices():
    with translation.override("en"):
        notes = caveats("pop3", usage(shared=True))
    assert any("only on the device that downloads it first" in n for n in notes)


@pytest.mark.parametrize(("days", "word"), [(1, "dnevu"), (2, "dneh"), (14, "dneh")])
def test_slovenian_day_counts_use_the_right_plural(days, word):
    with translation.override("sl"):
        notes = caveats("pop3", usage(devices=Devices.MANY), keep_copy_days=days)
    assert f"{days} {word}" in notes[0]
