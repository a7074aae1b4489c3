"""Autodiscover and Apple profiles are cached per domain, and the address never reaches the cache.

Like Thunderbird's document, each is rendered once per domain, protocol, language and content
version; the address-specific parts are filled in afterwards, on every request.
"""

import plistlib

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation

from portal.autoconfig import apple, autodiscover, views
from portal.mail.addresses import parse_email
from portal.mail.models import PortSetting
from portal.mail.selectors import mail_settings_for
from tests.autoconfig.expected import autodiscover_protocols, autodiscover_request

AUTODISCOVER = "/autodiscover/autodiscover.xml"
# Local parts that occur nowhere else, so finding one in the cache means the address leaked.
FIRST, SECOND = "zasebna.prva", "zasebni.drugi"


def post_autodiscover(address: str):
    return Client().post(AUTODISCOVER, autodiscover_request(address), content_type="text/xml")


def profile(query: dict, language: str = "sl"):
    return Client().get(
        reverse("autoconfig:mobileconfig"), query, headers={"accept-language": language}
    )


def everything_cached() -> bytes:
    """Every value in the test's memory cache, as stored (pickled)."""
    return b"".join(cache._cache.values())  # LocMemCache: the test settings use no Redis


def test_autodiscover_for_another_address_of_the_domain_makes_no_queries(
    hosted, django_assert_num_queries
):
    assert post_autodiscover(f"{FIRST}@vasadomena.si").status_code == 200
    with django_assert_num_queries(0):
        second = post_autodiscover(f"{SECOND}@vasadomena.si")
    assert second.status_code == 200
    assert {protocol["LoginName"] for protocol in autodiscover_protocols(second.content)} == {
        f"{SECOND}@vasadomena.si"
    }


def test_autodiscover_cache_holds_no_address(hosted):
    post_autodiscover(f"{FIRST}@vasadomena.si")
    post_autodiscover(f"{SECOND}@čebelica.si")
    stored = everything_cached()
    assert b"streznik.avant.si" in stored  # the documents are there ...
    assert FIRST.encode() not in stored  # ... without the addresses they were asked for
    assert SECOND.encode() not in stored


def test_autodiscover_from_the_cache_is_exactly_the_fresh_rendering(hosted):
    # `&` must be escaped where the address is filled in, as ElementTree escapes it.
    typed = "ana&bor@vasadomena.si"
    post_autodiscover("info@vasadomena.si")  # fills the cache
    served = post_autodiscover(typed.replace("&", "&amp;"))  # as XML in the request
    fresh = autodiscover.render_settings(mail_settings_for(parse_email(typed)))
    assert served.content == fresh
    assert b"ana&amp;bor@vasadomena.si" in served.content


def test_autodiscover_follows_a_port_change_in_the_admin(hosted):
    post_autodiscover("info@vasadomena.si")
    port = PortSetting.objects.get(protocol="imap", security="ssl")
    port.port = 9993
    port.save()
    (imap, *_others) = autodiscover_protocols(post_autodiscover("info@vasadomena.si").content)
    assert imap["Port"] == "9993"


def test_profile_for_another_address_of_the_domain_makes_no_queries(
    hosted, django_assert_num_queries
):
    assert profile({"emailaddress": f"{FIRST}@vasadomena.si"}).status_code == 200
    with django_assert_num_queries(0):
        second = profile({"emailaddress": f"{SECOND}@vasadomena.si"})
    document = plistlib.loads(second.content)
    (mail,) = document["PayloadContent"]
    assert mail["EmailAddress"] == mail["IncomingMailServerUsername"] == f"{SECOND}@vasadomena.si"
    assert FIRST not in second.text


@pytest.mark.parametrize(
    "query",
    [
        {"emailaddress": f"{FIRST}@vasadomena.si"},
        {"emailaddress": f"{FIRST}@vasadomena.si", "protocol": "pop3"},
        {"domain": "vasadomena.si"},
    ],
)
def test_profile_from_the_cache_is_exactly_the_fresh_rendering(hosted, query):
    settings = mail_settings_for(
        parse_email(query.get("emailaddress", "x@vasadomena.si")), query.get("protocol", "imap")
    )
    fresh = apple.render_profile(
        settings, organization="NEOSERV", with_address="emailaddress" in query
    )
    assert profile(query).content == fresh  # built and cached
    assert profile(query).content == fresh  # from the cache
    assert FIRST.encode() not in everything_cached()


def test_profiles_of_two_addresses_stay_distinct_profiles(hosted):
    first = plistlib.loads(profile({"emailaddress": f"{FIRST}@vasadomena.si"}).content)
    second = plistlib.loads(profile({"emailaddress": f"{SECOND}@vasadomena.si"}).content)
    assert first["PayloadIdentifier"] != second["PayloadIdentifier"]
    assert first["PayloadUUID"] != second["PayloadUUID"]


def test_each_language_has_its_own_cached_profile(hosted, rf):
    # The endpoint answers in Slovenian (it has no language prefix); the key still keeps
    # languages apart, so a profile rendered under English is never served as Slovenian.
    request = rf.get("/mobileconfig/", {"emailaddress": "info@vasadomena.si"})
    slovenian = plistlib.loads(views.mobileconfig(request).content)
    with translation.override("en"):
        english = plistlib.loads(views.mobileconfig(request).content)
    assert english["PayloadDisplayName"] == "Email info@vasadomena.si"
    assert slovenian["PayloadDisplayName"] == "E-pošta info@vasadomena.si"
    assert plistlib.loads(views.mobileconfig(request).content) == slovenian


def test_a_domain_we_do_not_host_is_not_kept(hosted, django_assert_num_queries):
    assert profile({"domain": "ni-pri-nas.si"}).status_code == 404
    assert post_autodiscover("info@ni-pri-nas.si").status_code == 404
    assert b"ni-pri-nas" not in everything_cached()
