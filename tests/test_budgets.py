"""Page weight: bytes, requests and other sites per page (bench/page_budget.py prints them)."""

import pytest
from django.core.management import call_command

from portal.mail.models import Icon
from tests.page_weight import (
    BUDGET_BYTES,
    BUDGET_REQUESTS,
    measure,
    measure_all,
    program_step_bytes,
)

# The program step with 200 programs: 122,400 bytes when every option inlined its icon's
# drawing; with the icons defined once as SVG symbols each program adds a short reference.
PROGRAM_STEP_BUDGET_BYTES = 75 * 1024
PER_PROGRAM_BUDGET_BYTES = 350


@pytest.fixture
def demo(db):
    call_command("seed_demo")


def test_every_page_type_loads_within_budget_from_this_site_only(client, demo):
    weights = measure_all(client)
    assert len(weights) == 15
    for weight in weights:
        assert weight.status in (200, 404), weight.path
        assert weight.foreign == [], (weight.path, weight.foreign)
        assert weight.requests <= BUDGET_REQUESTS, (weight.path, weight.resources)
        assert weight.total_bytes <= BUDGET_BYTES, (weight.path, weight.resources)


def test_the_measurement_counts_subresources_and_flags_other_sites():
    html = (
        b'<link rel="stylesheet" href="/static/a.css"><script src="/static/a.js"></script>'
        b'<img src="/static/a.png"><link rel="icon" href="/static/a.svg">'
        b'<script src="https://cdn.example.com/x.js"></script>'
    )
    bodies = {"/page/": html, "/static/a.css": b"x" * 100}

    def fetch(path):
        return 200, bodies.get(path, b"y" * 10), ""

    weight = measure(fetch, "/page/")
    assert weight.requests == 5
    assert weight.total_bytes == len(html) + 100 + 3 * 10
    assert weight.foreign == ["https://cdn.example.com/x.js"]
    assert not weight.within_budget


def test_the_program_step_stays_small_as_the_program_list_grows(client, demo):
    ten, _gzip = program_step_bytes(client, 10)
    two_hundred, _gzip = program_step_bytes(client, 200)
    assert two_hundred <= PROGRAM_STEP_BUDGET_BYTES
    assert (two_hundred - ten) / 190 <= PER_PROGRAM_BUDGET_BYTES


def test_each_icon_is_drawn_once_per_page_however_many_programs_use_it(client, demo):
    program_step_bytes(client, 200)
    html = client.get("/carovnik/program/").text
    for icon in Icon:
        assert html.count(f'<symbol id="program-icon-{icon}"') == 1, icon
    assert html.count('<use href="#program-icon-') == 201  # 200 programs and "Another program"
    drawings = html[html.index("<symbol") : html.rindex("</symbol>")]
    assert html.count("<path") == drawings.count("<path")  # no drawing outside the symbols
