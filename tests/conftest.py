"""Shared fixtures: data built in code through small builders, never by primary key."""

from pathlib import Path

import pytest

from portal.demo.loader import load_demo
from portal.help.models import Article, Category
from portal.mail.addresses import parse_email
from portal.mail.mailsettings import MailSettings, PortOption
from portal.mail.models import HostingPackage, PortSetting, Server

TESTS = Path(__file__).resolve().parent
# Every test in one of these folders carries the folder's marker, so `-m "not browser and not
# deploy"` leaves out exactly the tests that need Chromium or the production stack.
FOLDER_MARKERS = {"browser": pytest.mark.browser, "deploy": pytest.mark.deploy}


def pytest_collection_modifyitems(items):
    for item in items:
        folder = item.path.relative_to(TESTS).parts[0] if item.path.is_relative_to(TESTS) else None
        if folder in FOLDER_MARKERS:
            item.add_marker(FOLDER_MARKERS[folder])


DEMO_PORTS = load_demo().ports
SEED_PORT_OPTIONS = tuple(
    PortOption(p.protocol, p.security, p.port, p.preferred) for p in DEMO_PORTS
)


def hand_built_settings(address="info@vasadomena.si", server="streznik.avant.si", **kwargs):
    """A MailSettings value without the database (server=None: a domain we do not host)."""
    return MailSettings(
        address=parse_email(address),
        ports=kwargs.pop("ports", SEED_PORT_OPTIONS),
        server_hostname=server,
        disk_quota_mb=kwargs.pop("disk_quota_mb", 5000 if server else None),
        plan=kwargs.pop("plan", "Gostovanje Start" if server else None),
        **kwargs,
    )


@pytest.fixture
def ports(db):
    return [
        PortSetting.objects.create(
            protocol=p.protocol, security=p.security, port=p.port, preferred=p.preferred
        )
        for p in DEMO_PORTS
    ]


@pytest.fixture
def hosted(db, ports):
    """vasadomena.si on streznik.avant.si, and the IDN domain čebelica.si on another server."""
    main = Server.objects.create(hostname="streznik.avant.si")
    other = Server.objects.create(hostname="streznik2.avant.si")
    return {
        "vasadomena.si": HostingPackage.objects.create(
            domain="vasadomena.si", plan="Start", disk_quota_mb=5000, server=main
        ),
        "čebelica.si": HostingPackage.objects.create(
            domain="čebelica.si", plan="Pro", disk_quota_mb=20000, server=other
        ),
    }


class ContentBuilder:
    """Builds categories and articles with sensible defaults."""

    def __init__(self):
        self.count = 0

    def category(self, slug="osnove", **fields):
        defaults = {"name_sl": f"Kategorija {slug}", "name_en": f"Category {slug}"}
        return Category.objects.create(slug=slug, **(defaults | fields))

    def article(self, category=None, published=True, **fields):
        self.count += 1
        category = category or Category.objects.first() or self.category()
        defaults = {
            "slug": f"clanek-{self.count}",
            "title_sl": f"Članek {self.count}",
            "title_en": f"Article {self.count}",
            "summary_sl": "Kratek povzetek.",
            "summary_en": "A short summary.",
            "body_sl": "## Uvod\n\nBesedilo članka.",
            "body_en": "## Introduction\n\nThe article's text.",
        }
        return Article.objects.create(category=category, published=published, **(defaults | fields))


@pytest.fixture
def content(db):
    return ContentBuilder()


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache: cached pages never leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
