"""Shared fixtures: data built in code through small builders, never by primary key."""

from pathlib import Path

import pytest
from django.test import override_settings

from portal.demo.loader import load_demo
from portal.help.models import Article, Category
from portal.mail.addresses import parse_email
from portal.mail.mailsettings import MailSettings
from portal.mail.models import HostingPackage, MailProvider, PortSetting, Server
from tests.dns_server import LoopbackDns

# Records every test can rely on: a domain that is ours only by its MX record, a Google
# Workspace and a Microsoft 365 domain found by MX, a domain without MX. Every other name
# gets NXDOMAIN. Names follow the demo (portal/demo) so browser tests can walk them.
DEMO_DNS = {
    ("vasadomena.si", "MX"): ["10 streznik.avant.si."],
    ("mx-stranka.si", "MX"): ["10 mx1.avant.si."],
    ("gmail.com", "MX"): ["5 gmail-smtp-in.l.google.com."],
    ("podjetje-google.si", "MX"): ["1 aspmx.l.google.com.", "5 alt1.aspmx.l.google.com."],
    ("firma365.si", "MX"): ["0 firma365-si.mail.protection.outlook.com."],
    ("brez-mx.si", "A"): ["192.0.2.10"],
}

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
SEED_PORT_OPTIONS = DEMO_PORTS  # the loader reads ports as PortOption values


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


@pytest.fixture(scope="session")
def loopback_dns():
    """One DNS server on loopback for the whole run; the PORTAL_DNS_RESOLVER setting names it."""
    server = LoopbackDns().start()
    resolver_setting = override_settings(PORTAL_DNS_RESOLVER=server.address)
    resolver_setting.enable()
    yield server
    resolver_setting.disable()
    server.stop()


@pytest.fixture(autouse=True)
def dns_zone(loopback_dns):
    """Every test starts with the demo records; tests may add their own with `dns_zone.add()`."""
    loopback_dns.reset()
    for (name, rdtype), records in DEMO_DNS.items():
        loopback_dns.add(name, rdtype, *records)
    return loopback_dns


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
    other = Server.objects.create(hostname="streznik2.avant.si", login_needs_ascii=True)
    return {
        "vasadomena.si": HostingPackage.objects.create(
            domain="vasadomena.si", plan="Start", disk_quota_mb=5000, server=main
        ),
        "čebelica.si": HostingPackage.objects.create(
            domain="čebelica.si", plan="Pro", disk_quota_mb=20000, server=other
        ),
    }


@pytest.fixture
def mx_servers(hosted):
    """streznik.avant.si also receives mail as mx1.avant.si (mx-stranka.si's MX)."""
    Server.objects.filter(hostname="streznik.avant.si").update(mx_names="mx1.avant.si")
    return hosted


def make_provider(slug, name, domains=(), mx=(), imap=None, pop3=None, smtp=None, **fields):
    """A known provider; each endpoint is (hostname, port, security)."""
    values = {"address_domains": "\n".join(domains), "mx_suffixes": "\n".join(mx)}
    for protocol, endpoint in (("imap", imap), ("pop3", pop3), ("smtp", smtp)):
        if endpoint:
            hostname, port, security = endpoint
            values |= {
                f"{protocol}_hostname": hostname,
                f"{protocol}_port": port,
                f"{protocol}_security": security,
            }
    return MailProvider.objects.create(slug=slug, name=name, **(values | fields))


@pytest.fixture
def providers(db):
    """Google (with Workspace by MX), Microsoft 365 (by MX) and iCloud (no POP3)."""
    return {
        "google": make_provider(
            "google",
            "Google (Gmail)",
            domains=("gmail.com", "googlemail.com"),
            mx=("google.com", "googlemail.com"),
            imap=("imap.gmail.com", 993, "ssl"),
            pop3=("pop.gmail.com", 995, "ssl"),
            smtp=("smtp.gmail.com", 465, "ssl"),
            help_url="https://support.google.com/mail/answer/7126229",
            note_sl="Potrebujete geslo za aplikacije.",
            note_en="You need an app password.",
        ),
        "microsoft-365": make_provider(
            "microsoft-365",
            "Microsoft 365",
            domains=("onmicrosoft.com",),
            mx=("mail.protection.outlook.com",),
            imap=("outlook.office365.com", 993, "ssl"),
            pop3=("outlook.office365.com", 995, "ssl"),
            smtp=("smtp.office365.com", 587, "starttls"),
        ),
        "icloud": make_provider(
            "icloud",
            "Apple iCloud Mail",
            domains=("icloud.com", "me.com"),
            imap=("imap.mail.me.com", 993, "ssl"),
            smtp=("smtp.mail.me.com", 587, "starttls"),
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


@pytest.fixture
def support_contact(db):
    """The support contact staff would enter: English e-mail and hours of their own."""
    from portal.help.models import SupportContact

    return SupportContact.objects.create(
        email_sl="pomoc@neoserv.si",
        email_en="help@neoserv.si",
        phone_sl="+386 1 234 56 78",
        hours_sl="ob delavnikih od 8. do 16. ure",
        hours_en="on working days from 8:00 to 16:00",
    )
