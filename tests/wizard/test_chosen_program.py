"""The wizard opened from a guide page's "set it up for my address": the program is chosen."""

import re

import pytest

from portal.mail.models import MailProgram

IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"


def checked_program(html: str) -> list[str]:
    """The values of the checked radio buttons on the program step."""
    return re.findall(r'<input type="radio"[^>]*value="([^"]+)"[^>]*checked', html)


def hidden_program(html: str) -> list[str]:
    """The hidden field's value ("" when it has none) for each hidden program field."""
    return re.findall(r'<input type="hidden" name="program"(?: value="([^"]*)")?', html)


def test_guide_button_carries_the_program_to_the_program_step(client, programs):
    start = client.get("/carovnik/?program=outlook-windows")
    html = start.content.decode()
    assert hidden_program(html) == ["outlook-windows"]
    assert (
        "Program: <strong>Outlook (Windows)</strong>. V naslednjem koraku ga lahko zamenjate."
        in html
    )
    response = client.post(
        "/carovnik/", {"email": "info@vasadomena.si", "program": "outlook-windows"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/carovnik/program/?program=outlook-windows"
    program_step = client.get(response["Location"], headers={"User-Agent": IPHONE})
    assert checked_program(program_step.content.decode()) == ["outlook-windows"]  # not the iPhone
    # The customer confirms, and the rest of the wizard goes on as always.
    assert client.post("/carovnik/program/", {"program": "outlook-windows"})["Location"] == (
        "/carovnik/uporaba/"
    )


def test_in_english_the_chosen_program_has_its_english_name(client, programs):
    MailProgram.objects.filter(slug="outlook-windows").update(
        name="Klasični Outlook za Windows", name_en="Classic Outlook for Windows"
    )
    html = client.get("/en/wizard/?program=outlook-windows").content.decode()
    assert "Program: <strong>Classic Outlook for Windows</strong>." in html
    response = client.post(
        "/en/wizard/", {"email": "info@vasadomena.si", "program": "outlook-windows"}
    )
    assert response["Location"] == "/en/wizard/program/?program=outlook-windows"
    step = client.get(response["Location"]).content.decode()
    assert checked_program(step) == ["outlook-windows"]
    assert "Classic Outlook for Windows" in step
    assert "Klasični" not in step


def test_a_customer_who_already_answered_sees_the_guides_program_chosen(client, programs):
    client.post("/carovnik/", {"email": "info@vasadomena.si"})
    client.post("/carovnik/program/", {"program": "thunderbird"})
    html = client.get("/carovnik/program/?program=mail-iphone").content.decode()
    assert checked_program(html) == ["mail-iphone"]
    assert checked_program(client.get("/carovnik/program/").content.decode()) == ["thunderbird"]


@pytest.mark.parametrize("slug", ["hidden-program", "no-such-program", "<script>", "x" * 300])
def test_an_unknown_or_hidden_program_is_ignored(client, programs, slug):
    programs.program("hidden-program", active=False)
    html = client.get("/carovnik/", {"program": slug}).content.decode()
    assert hidden_program(html) == [""]
    assert "Program: <strong>" not in html
    response = client.post("/carovnik/", {"email": "info@vasadomena.si", "program": slug})
    assert response["Location"] == "/carovnik/program/"
    step = client.get("/carovnik/program/?" + f"program={slug}").content.decode()
    assert 'value="hidden-program"' not in step
    assert checked_program(step) == []


def test_a_wrong_address_keeps_the_chosen_program(client, programs):
    response = client.post("/carovnik/", {"email": "info@", "program": "thunderbird"})
    assert response.status_code == 400
    html = response.content.decode()
    assert hidden_program(html) == ["thunderbird"]
    assert 'value="info@"' in html
    response = client.post("/carovnik/", {"email": "info@vasadomena.si", "program": "thunderbird"})
    assert response["Location"] == "/carovnik/program/?program=thunderbird"


def test_the_chosen_program_is_not_stored_until_the_customer_confirms_it(client, programs):
    client.post("/carovnik/", {"email": "info@vasadomena.si", "program": "thunderbird"})
    # Straight to the usage step: the program is still unanswered, so the wizard asks for it.
    assert client.get("/carovnik/uporaba/")["Location"] == "/carovnik/program/"
