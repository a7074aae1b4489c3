"""Wizard fixtures: mail programs built in code, and a helper that walks the wizard."""

import pytest
from django.db import connection

from portal.mail.models import MailProgram, ProgramStep

USAGE_ONE_DEVICE_HEAVY = {
    "devices": "one",
    "shared": "no",
    "storage": "either",
    "forwarded": "no",
    "volume": "a-lot",
}
USAGE_PHONE_AND_LAPTOP = USAGE_ONE_DEVICE_HEAVY | {"devices": "few", "volume": "medium"}
USAGE_SHARED_OFFICE = USAGE_ONE_DEVICE_HEAVY | {"shared": "yes", "volume": "medium"}


class ProgramBuilder:
    def __init__(self):
        self.count = 0

    def program(self, slug=None, steps=("Vpišite strežnik {incoming_server}.",), **fields):
        self.count += 1
        slug = slug or f"program-{self.count}"
        defaults = {"name": f"Program {self.count}", "platform": "any", "order": self.count}
        program = MailProgram.objects.create(slug=slug, **(defaults | fields))
        ProgramStep.objects.bulk_create(
            ProgramStep(program=program, order=order, text_sl=text, text_en=text)
            for order, text in enumerate(steps, start=1)
        )
        return program


@pytest.fixture
def programs(db):
    builder = ProgramBuilder()
    builder.program(
        "thunderbird",
        name="Mozilla Thunderbird",
        icon="thunderbird",
        auto_configuration="autoconfig",
        steps=(
            "Odprite **Nov račun** in vpišite {email}.",
            "Strežnik {incoming_server}, vrata {incoming_port}, varnost {incoming_security}.",
            "Odhodni strežnik {outgoing_server}, vrata {outgoing_port}.",
        ),
    )
    builder.program(
        "mail-iphone",
        name="Mail (iPhone, iPad)",
        platform="ios",
        icon="apple",
        auto_configuration="apple-profile",
        user_agent_hint="iphone",
        steps=("Vrsta računa {incoming_protocol}, strežnik {incoming_server}.",),
    )
    builder.program(
        "gmail-android", name="Gmail (Android)", platform="android", user_agent_hint="android"
    )
    builder.program(
        "outlook-windows", name="Outlook (Windows)", platform="windows", user_agent_hint="windows"
    )
    builder.program("apple-mail", name="Apple Mail", platform="macos", user_agent_hint="mac")
    return builder


def walk(client, email="info@vasadomena.si", program="thunderbird", usage=None, prefix=""):
    """Answer every step; return the list of (method, url, response) it went through."""
    usage = usage or USAGE_PHONE_AND_LAPTOP
    urls = {
        "": ("/carovnik/", "/carovnik/program/", "/carovnik/uporaba/", "/carovnik/rezultat/"),
        "/en": ("/en/wizard/", "/en/wizard/program/", "/en/wizard/usage/", "/en/wizard/result/"),
    }[prefix]
    seen = []
    for url, data in zip(urls, ({"email": email}, {"program": program}, usage), strict=False):
        seen.append(("GET", url, client.get(url)))
        response = client.post(url, data)
        seen.append(("POST", url, response))
        assert response.status_code == 302, (url, response.status_code)
    seen.append(("GET", urls[3], client.get(urls[3])))
    return seen


def text_in_every_row() -> str:
    """The text of every column of every row of every table in the database."""
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            chunks += [_text(value) for row in cursor.fetchall() for value in row]
    return "\n".join(chunks)


def _text(value) -> str:
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).decode("utf-8", errors="replace")
    return "" if value is None else str(value)
