"""The result page: the DNS records page for domains we host (issue 15)."""

import pytest

from tests.wizard.conftest import walk

pytestmark = pytest.mark.usefixtures("hosted", "programs")


@pytest.mark.parametrize(
    ("prefix", "text"),
    [
        ("", "Ali skrbite za DNS domene vasadomena.si?"),
        ("/en", "Do you look after the DNS of vasadomena.si?"),
    ],
)
def test_result_for_a_hosted_domain_links_its_dns_records(client, prefix, text):
    result = walk(client, prefix=prefix)[-1][2]
    assert result.status_code == 200
    assert f'href="{prefix}/dns/?domain=vasadomena.si"' in result.text
    assert text in result.text


def test_result_for_a_domain_we_do_not_host_has_no_dns_link(client):
    result = walk(client, email="ana@neznana-domena.si")[-1][2]
    assert result.status_code == 200
    assert "/dns/?domain=" not in result.text
