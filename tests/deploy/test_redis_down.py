"""While Redis is down, public pages render without the cache and admin saves succeed.

The cache is a redis-server of the test's own, stopped and started again with its data (as a
real restart keeps it), so pages cached before the outage are still there when it returns.
"""

import logging
import shutil

import pytest
from django.test import Client, override_settings

from portal import page_cache
from portal.mail.models import PortSetting
from portal.staff.roles import ADMINISTRATORS
from tests.deploy.throwaway_redis import ThrowawayRedis
from tests.staff.conftest import make_staff

pytestmark = pytest.mark.deploy

ARTICLE = "/clanek/tabela-vrat/"
AUTOCONFIG = "/mail/config-v1.1.xml?emailaddress=info@vasadomena.si"


@pytest.fixture
def redis_server():
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server not found on the PATH")
    server = ThrowawayRedis()
    server.start()
    caches = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": server.url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    try:
        with override_settings(CACHES=caches):
            yield server
    finally:
        server.remove()


@pytest.fixture
def fresh_cache_health(monkeypatch):
    monkeypatch.setattr(page_cache, "_health", page_cache._CacheHealth())
    monkeypatch.setattr(page_cache, "CACHE_RETRY_SECONDS", 0)  # retry on the next request


@pytest.fixture
def article(content, hosted):
    category = content.category("osnove")
    return content.article(category, slug="tabela-vrat", body_sl="Vrata:\n\n[[ports-table]]")


def imap_ssl_port_form(port: int) -> dict:
    return {"protocol": "imap", "security": "ssl", "port": port, "preferred": "on", "_save": "1"}


def test_pages_render_and_saves_succeed_while_redis_is_down(
    redis_server, fresh_cache_health, article, caplog
):
    administrator_client = Client()
    administrator_client.force_login(make_staff("skrbnik", ADMINISTRATORS))
    assert Client().get(ARTICLE).status_code == 200  # now cached, with port 993
    assert "993" in Client().get(ARTICLE).text

    redis_server.stop()
    with caplog.at_level(logging.WARNING, logger="portal.page_cache"):
        for path in ("/", ARTICLE, "/en/", AUTOCONFIG):
            response = Client().get(path)
            assert response.status_code == 200, path
        assert "serving pages without it" in caplog.text

        port = PortSetting.objects.get(protocol="imap", security="ssl")
        change = f"/en/admin/mail/portsetting/{port.pk}/change/"
        saved = administrator_client.post(change, imap_ssl_port_form(9993))
        assert saved.status_code == 302, saved.content.decode()[:2000]
        assert "9993" in Client().get(ARTICLE).text  # rendered from the database

    redis_server.start()  # with the page cached before the outage (port 993)
    page = Client().get(ARTICLE).text
    assert "9993" in page
    assert ">993<" not in page
    assert "9993" in Client().get(ARTICLE).text  # and once more, from the cache
