import pytest

from portal.mail.addresses import InvalidAddress, parse_email, to_ascii_domain


@pytest.mark.parametrize(
    ("typed", "address", "display"),
    [
        ("info@vasadomena.si", "info@vasadomena.si", "info@vasadomena.si"),
        ("  Info@VasaDomena.SI \n", "Info@vasadomena.si", "Info@vasadomena.si"),
        ("info@čebelica.si", "info@xn--ebelica-i6a.si", "info@čebelica.si"),
        ("info@XN--EBELICA-I6A.SI", "info@xn--ebelica-i6a.si", "info@čebelica.si"),
        ("ana.novak+racuni@pisarna-novak.si", "ana.novak+racuni@pisarna-novak.si", None),
        ("info@vasadomena.si.", "info@vasadomena.si", None),
    ],
)
def test_parse_email_normalises_what_customers_type(typed, address, display):
    parsed = parse_email(typed)
    assert parsed.address == address
    assert parsed.display == (display or address)


@pytest.mark.parametrize(
    "junk",
    [
        "",
        "   ",
        "info",
        "info@",
        "@vasadomena.si",
        "info@@vasadomena.si",
        "a b@vasadomena.si",
        "info@vasadomena",
        "info@-vasadomena.si",
        "info@vasa..domena.si",
        "info@1.2.3.4",
        ".info@vasadomena.si",
        "in..fo@vasadomena.si",
        "info@xn--ebelica-9ib.si",
        "<script>@vasadomena.si",
        "info@vasa_domena.si",
        "x" * 65 + "@vasadomena.si",
        "info@" + "a" * 250 + ".si",
    ],
)
def test_parse_email_rejects_junk(junk):
    with pytest.raises(InvalidAddress):
        parse_email(junk)


def test_idn_domain_and_its_punycode_are_one_domain():
    assert to_ascii_domain("čebelica.si") == to_ascii_domain("XN--EBELICA-I6A.si")
