"""No stale page after a save: many saves while real threads read through a live server.

The cache is Redis (database 3 of the machine's server, this test's own) shared by the live
server's threads, as it is shared by the web replicas in production. Each save holds its
transaction open a little, as a save with history and search indexing does, so readers render
the page while the new rows are not yet committed. Once a save has returned, no reader that
starts a request may get the old title.
"""

import re
import threading
import time
import urllib.request

import pytest
from django.db import connection, transaction
from django.test import override_settings

from tests.deploy.test_production_path import port_open

REDIS_URL = "redis://127.0.0.1:6379/3"
SAVES = 25
READERS = 4
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))
TITLE = re.compile(r"<h1[^>]*>\s*Naslov (\d+)\s*</h1>")


@pytest.fixture
def redis_cache():
    if not port_open(6379):
        pytest.skip("Redis is not answering on 127.0.0.1:6379 (see .ci/run)")
    caches = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "stale-pages-test",
        }
    }
    with override_settings(CACHES=caches, PAGE_CACHE_SECONDS=3600):
        from django.core.cache import cache

        cache.clear()
        yield
        cache.clear()


def read_title(url: str) -> int | None:
    with OPENER.open(url, timeout=30) as response:
        match = TITLE.search(response.read().decode())
    return int(match.group(1)) if match else None


def test_no_reader_gets_the_old_title_after_a_save_returns(
    transactional_db, live_server, redis_cache, content
):
    if connection.vendor == "sqlite":
        pytest.skip(
            "the live server shares one in-memory SQLite connection between its threads; "
            "run with DATABASE_URL=postgres://… for concurrent readers"
        )
    article = content.article(slug="tabela-vrat", title_sl="Naslov 0")
    url = f"{live_server.url}/clanek/tabela-vrat/"
    assert read_title(url) == 0
    saved = 0  # the newest title whose save has returned (committed)
    stale: list[tuple[int, int]] = []
    errors: list[BaseException] = []
    done = threading.Event()

    def reader():
        while not done.is_set():
            at_least = saved
            try:
                shown = read_title(url)
            except Exception as error:  # reported below, never swallowed
                errors.append(error)
                return
            if shown is None or shown < at_least:
                stale.append((at_least, shown))

    threads = [threading.Thread(target=reader) for _ in range(READERS)]
    for thread in threads:
        thread.start()
    try:
        for number in range(1, SAVES + 1):
            with transaction.atomic():
                article.title_sl = f"Naslov {number}"
                article.save()
                time.sleep(0.05)  # readers render while the save is not yet committed
            saved = number
            assert read_title(url) == number
            time.sleep(0.02)
    finally:
        done.set()
        for thread in threads:
            thread.join(timeout=30)
    assert not errors
    assert not stale, f"old titles served after their save returned: {stale[:5]}"
