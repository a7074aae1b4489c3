import idna
import pytest

from portal.mail.addresses import InvalidAddress, parse_email, to_ascii_domain, to_unicode_domain


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


@pytest.mark.parametrize(
    "name",
    ["vasadomena.si", "a.si", "pisarna-novak.si", "x1-2.example.com", "xn--ebelica-i6a.si",
     "ab--cd.si", "-start.si", "end-.si", "a" * 63 + ".si", "a" * 64 + ".si", "1.2.3.4"],
)  # fmt: skip
def test_plain_names_take_a_shortcut_with_the_same_result_as_idna(name):
    try:
        expected = idna.encode(name, uts46=True).decode("ascii")
    except idna.IDNAError:
        expected = None
    try:
        result = to_ascii_domain(name)
    except InvalidAddress:
        result = None
    if expected and not expected.split(".")[-1].isdigit():
        assert result == expected
        assert to_unicode_domain(result) == idna.decode(result)
    else:
        assert result is None
