"""One settings module for every environment; production differs only by environment variables.

Every variable is documented in the "Environment variables" table of docs/operations.md.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from portal.autoconfig.mx_hosts import mx_autoconfig_hosts
from portal.proxies import parse_networks

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_flag("DJANGO_DEBUG", default=False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off (see docs/operations.md)."
        )
    SECRET_KEY = "insecure-local-development-key-only-used-with-debug-on"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "axes",
    "portal.mail",
    "portal.help",
    "portal.wizard",
    "portal.autoconfig",
    "portal.staff",
    "portal.demo",
    "portal.checks",
]

MIDDLEWARE = [
    # Health checks are answered first: no host validation, no HTTPS redirect.
    "portal.middleware.HealthCheckMiddleware",
    # The client's address and scheme from X-Forwarded-* of PORTAL_TRUSTED_PROXIES only.
    "portal.middleware.TrustedProxyMiddleware",
    # A 503 page with Retry-After while the database or the cache cannot be reached.
    "portal.middleware.ServiceUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Before WhiteNoise, so static files (SVG icons are documents too) cannot be framed either.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Public pages for visitors without cookies: served from the page cache before sessions,
    # locale and CSRF run; caching headers (Cache-Control, ETag, 304) on the way out.
    "portal.page_cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The wizard's answers: an encrypted browser-session cookie of their own, never a row.
    "portal.wizard.cookie.WizardCookieMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Forms in any charset but UTF-8 get a translated 400 before anything reads them.
    "portal.middleware.FormCharsetMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.site",
                "portal.help.context_processors.support",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# Seconds a PostgreSQL query may take (statement_timeout); a query still unanswered this many
# seconds later is abandoned, so a frozen database becomes the 503 page (docs/security.md).
DB_STATEMENT_TIMEOUT = int(os.environ.get("DJANGO_DB_STATEMENT_TIMEOUT", "5"))
DB_DEADLINE_GRACE = 2
DB_QUERY_DEADLINE = 0  # seconds; 0: no client-side deadline (SQLite, or no statement timeout)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Give up connecting after a few seconds, so that a visitor gets the 503 page rather than
    # a hanging request while the database is down (a connect_timeout in the URL wins).
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options.setdefault("connect_timeout", int(os.environ.get("DJANGO_DB_CONNECT_TIMEOUT", "3")))
    # A query may run this long before PostgreSQL cancels it (0: no limit, e.g. for a long
    # migration run by hand); a frozen server is cut off client-side a little later
    # (portal/db_deadline.py). Keepalives notice a server host that has vanished.
    if DB_STATEMENT_TIMEOUT:
        options["options"] = (
            options.get("options", "") + f" -c statement_timeout={DB_STATEMENT_TIMEOUT * 1000}"
        ).strip()
    options.setdefault("keepalives", 1)
    options.setdefault("keepalives_idle", 10)
    options.setdefault("keepalives_interval", 3)
    options.setdefault("keepalives_count", 3)
    options.setdefault("tcp_user_timeout", 10_000)
    DB_QUERY_DEADLINE = DB_STATEMENT_TIMEOUT + DB_DEADLINE_GRACE if DB_STATEMENT_TIMEOUT else 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis, shared by every web replica (anonymous pages, autoconfig documents), when REDIS_URL is
# set; otherwise each process keeps its own cache in memory.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    # Django's default of 300 entries is far below the working set (one autoconfig document,
    # Autodiscover response and profile per domain in use, plus the pages): with 1,000 domains
    # the cache would keep evicting and autoconfig would run at almost its uncached speed.
    # An entry is a few kilobytes at most, so 10,000 entries stay within some tens of MB per
    # process (docs/performance-tuning.md).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {
                "MAX_ENTRIES": int(os.environ.get("PORTAL_LOCAL_CACHE_ENTRIES", "10000")),
                # When full, drop a tenth of the entries (least recently used first).
                "CULL_FREQUENCY": 10,
            },
        }
    }
# How long a cached page may be served (portal/page_cache.py). A save makes every cached page
# stale at once in a shared cache; a per-process cache only learns of a save made in its own
# process, so there other processes catch up within seconds instead.
PAGE_CACHE_SECONDS = 60 * 60 if REDIS_URL else 10
# HTTP caching of public pages and the autoconfig document (Cache-Control, portal/page_cache.py):
# browsers keep a copy PAGE_BROWSER_MAX_AGE seconds, shared caches (the reverse proxy, a CDN)
# PAGE_SHARED_MAX_AGE, and may serve it PAGE_STALE_WHILE_REVALIDATE seconds longer while they
# fetch a fresh one. A staff save is visible through a shared cache after PAGE_SHARED_MAX_AGE
# at the latest (docs/performance-tuning.md, "HTTP caching").
PAGE_BROWSER_MAX_AGE = int(os.environ.get("PORTAL_PAGE_BROWSER_MAX_AGE", "60"))
PAGE_SHARED_MAX_AGE = int(os.environ.get("PORTAL_PAGE_SHARED_MAX_AGE", "60"))
PAGE_STALE_WHILE_REVALIDATE = int(os.environ.get("PORTAL_PAGE_STALE_WHILE_REVALIDATE", "30"))

# Admin login against password guessing (django-axes): after AXES_FAILURE_LIMIT wrong passwords
# for one user name from one address, that pair is locked out for AXES_COOLOFF_TIME; after
# PORTAL_USERNAME_FAILURE_LIMIT for one user name from any addresses together, that user name
# is (portal/staff/login_protection.py). Both end by themselves once no wrong password came
# for AXES_COOLOFF_TIME; staff unlock sooner in the admin (Axes > Access attempts, delete).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Only failed attempts are kept (they are what the lock-out counts); no log of every login.
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_CALLABLE = "portal.staff.login_protection.lockout_response"
AXES_HANDLER = "portal.staff.login_protection.LockoutHandler"
PORTAL_USERNAME_FAILURE_LIMIT = int(os.environ.get("PORTAL_USERNAME_FAILURE_LIMIT", "20"))
AXES_CLIENT_IP_CALLABLE = "portal.staff.login_protection.client_ip"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Slovenian at the root, English under /en/.
LANGUAGE_CODE = "sl"
LANGUAGES = [("sl", _("Slovenian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Ljubljana"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Sessions (staff only: visitors never get one) live in the database, so logging out ends
# them for every copy of the cookie; idle ones end after DJANGO_SESSION_IDLE_MINUTES (each
# request extends the session). The wizard keeps the customer's answers out of sessions, in
# an encrypted browser-session cookie of its own (portal/wizard/cookie.py). Expired rows are
# removed by `manage.py clearsessions` (docs/security.md).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_IDLE_MINUTES", "30")) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# HTTPS: on by default whenever debug is off; DJANGO_HTTPS=0 serves plain HTTP for local
# production-like runs.
HTTPS = env_flag("DJANGO_HTTPS", default=not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = env_flag("DJANGO_HSTS_PRELOAD", default=HTTPS)
# Health checks come over plain HTTP from the orchestrator. Thunderbird falls back to plain
# HTTP for autoconfig (a customer's autoconfig.<domain> rarely has a certificate), and Outlook's
# "HTTP redirect" method needs a 302 to the portal's own HTTPS name, which the view sends
# (see portal/autoconfig/views.py); a same-host HTTPS redirect would only hit a wrong certificate.
SECURE_REDIRECT_EXEMPT = [
    r"^health/",
    r"^mail/config-v1\.1\.xml$",
    r"^\.well-known/autoconfig/mail/config-v1\.1\.xml$",
    r"(?i)^autodiscover/autodiscover\.xml$",
]
# The reverse proxies in front of the portal (addresses or networks, comma-separated, as the
# portal sees their connections). Only requests from them may set the client's address
# (X-Forwarded-For) and HTTPS (X-Forwarded-Proto); empty: both headers are ignored.
# See docs/security.md, "Proxy trust".
PORTAL_TRUSTED_PROXIES = env_list("PORTAL_TRUSTED_PROXIES")
try:
    parse_networks(PORTAL_TRUSTED_PROXIES)
except ValueError as error:
    raise ImproperlyConfigured(f"PORTAL_TRUSTED_PROXIES: {error}") from error
if env_flag("DJANGO_PROXY_SSL_HEADER", default=False):
    raise ImproperlyConfigured(
        "DJANGO_PROXY_SSL_HEADER is replaced by PORTAL_TRUSTED_PROXIES, the addresses of the "
        "proxies whose X-Forwarded-Proto and X-Forwarded-For are believed (docs/security.md)."
    )

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# A strict Content-Security-Policy (Django's built-in middleware): everything from this site
# only, no inline script or style anywhere (templates use classes and static files), nothing
# from other sites, no framing. The admin works under it (Django 6.1 uses nonces there).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# The company the portal belongs to, shown in pages and in machine-readable profiles.
PORTAL_ORGANIZATION = os.environ.get("PORTAL_ORGANIZATION", "NEOSERV")
# Support contact on the 503 page only, which is built without the database. Every other page
# shows the contact staff edit in the admin (help.SupportContact, docs/staff-admin.md).
PORTAL_SUPPORT_EMAIL = os.environ.get("PORTAL_SUPPORT_EMAIL", "podpora@example.si")
PORTAL_SUPPORT_PHONE = os.environ.get("PORTAL_SUPPORT_PHONE", "+386 1 600 00 00")
# Votes counted per client address and article ("Was this helpful?"); more are quietly not
# counted (portal/help/votes.py). django-ratelimit's rate syntax: count/period (s, m, h, d).
PORTAL_VOTE_RATE = os.environ.get("PORTAL_VOTE_RATE", "5/d")
# The staff overview lists articles not changed for this many months.
# For a domain that is neither ours nor at a known provider, show the seed's general settings
# (`mail.<domain>` without encryption) after saying plainly that we could not find its mail.
PORTAL_GENERIC_GUIDANCE = env_flag("PORTAL_GENERIC_GUIDANCE", True)
PORTAL_REVIEW_AFTER_MONTHS = int(os.environ.get("PORTAL_REVIEW_AFTER_MONTHS", "12"))
# The portal's public host name: the target of customers' autoconfig/autodiscover DNS records
# and of Outlook's HTTP redirect. Empty: the host name each request arrived on.
PORTAL_HOSTNAME = os.environ.get("PORTAL_HOSTNAME", "").strip().rstrip(".").lower()

# Apple configuration profiles are served signed (CMS/PKCS#7) when both are set: PEM files of
# a dedicated signing certificate and its unencrypted key, plus optionally the intermediate
# certificates (docs/apple-and-formats.md). Unset: profiles are served unsigned.
APPLE_PROFILE_SIGNING_CERT = os.environ.get("APPLE_PROFILE_SIGNING_CERT", "").strip()
APPLE_PROFILE_SIGNING_KEY = os.environ.get("APPLE_PROFILE_SIGNING_KEY", "").strip()
APPLE_PROFILE_SIGNING_CHAIN = os.environ.get("APPLE_PROFILE_SIGNING_CHAIN", "").strip()

# The host name of our MX (e.g. mx.avant.si). Thunderbird then asks autoconfig.<its domain> for
# every customer domain whose MX it is; those names are admitted here (docs/apple-and-formats.md).
PORTAL_MX_HOSTNAME = os.environ.get("PORTAL_MX_HOSTNAME", "").strip().rstrip(".").lower()
AUTOCONFIG_MX_HOSTS = mx_autoconfig_hosts(PORTAL_MX_HOSTNAME) if PORTAL_MX_HOSTNAME else []
ALLOWED_HOSTS += [host for host in AUTOCONFIG_MX_HOSTS if host not in ALLOWED_HOSTS]

# Live checks of our own mail servers (portal/checks, docs/checks.md).
# Seconds each endpoint may take in all (connect, TLS, greeting, capabilities).
CHECK_MAIL_SERVERS_TIMEOUT = float(os.environ.get("CHECK_MAIL_SERVERS_TIMEOUT", "5"))
# Endpoints checked at the same time.
CHECK_MAIL_SERVERS_WORKERS = int(os.environ.get("CHECK_MAIL_SERVERS_WORKERS", "32"))
# Checks kept per endpoint (96 = one day at one check every 15 minutes).
CHECK_MAIL_SERVERS_KEEP = int(os.environ.get("CHECK_MAIL_SERVERS_KEEP", "96"))
# Seconds between runs of `manage.py check_mail_servers --loop`.
CHECK_MAIL_SERVERS_INTERVAL = int(os.environ.get("CHECK_MAIL_SERVERS_INTERVAL", str(15 * 60)))
# A PEM bundle of extra trusted roots (a private CA); empty: the system's roots only.
CHECK_MAIL_SERVERS_CA_FILE = os.environ.get("CHECK_MAIL_SERVERS_CA_FILE", "")
# Connect somewhere else than DNS says, like curl's --connect-to: comma-separated
# "host:port:address:port" (e.g. a server's internal address). Certificates are still checked
# against the server's own host name. Tests point our servers at greeters on loopback.
CHECK_MAIL_SERVERS_CONNECT_TO = env_list("CHECK_MAIL_SERVERS_CONNECT_TO")
# The staff overview warns about certificates that expire within this many days.
CHECK_CERTIFICATE_WARNING_DAYS = int(os.environ.get("CHECK_CERTIFICATE_WARNING_DAYS", "21"))
# Customers see a check result only while it is this fresh (the checker may have stopped).
CHECK_RESULT_FRESH_MINUTES = int(os.environ.get("CHECK_RESULT_FRESH_MINUTES", "60"))
# Nameservers for the domain check: comma-separated host:port; empty: the system's resolver.
PORTAL_DNS_RESOLVER = os.environ.get("PORTAL_DNS_RESOLVER", "")
# Domain checks per client address and minute (in the shared cache).
DOMAIN_CHECK_RATE = os.environ.get("DOMAIN_CHECK_RATE", "10/m")
# Seconds a domain check may wait for DNS in all (every look-up of one check together).
DOMAIN_CHECK_DNS_SECONDS = float(os.environ.get("DOMAIN_CHECK_DNS_SECONDS", "4"))

# Logs go to stdout: one JSON object per line in production (portal/logs.py), readable lines
# with debug on. Successful health checks are left out.
LOG_FORMAT = os.environ.get("DJANGO_LOG_FORMAT", "plain" if DEBUG else "json")
if LOG_FORMAT not in {"json", "plain"}:
    raise ImproperlyConfigured("DJANGO_LOG_FORMAT must be 'json' or 'plain'.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "portal.logs.JSONFormatter"},
    },
    "filters": {
        "skip_health_checks": {"()": "portal.logs.SkipSuccessfulHealthChecks"},
        "client_errors_as_warnings": {"()": "portal.logs.ClientErrorsAsWarnings"},
        "redact_email_addresses": {"()": "portal.logs.RedactEmailAddresses"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": LOG_FORMAT,
            "filters": ["skip_health_checks", "redact_email_addresses"],
        },
        "client_errors": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": LOG_FORMAT,
            "filters": ["client_errors_as_warnings", "redact_email_addresses"],
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # runserver's request lines, through the same handler and filter.
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # django-axes announces its configuration at every start; keep command output clean
        # (e.g. `manage.py dumpdata > content.json`). Lock-outs are still logged as warnings.
        "axes": {"level": "WARNING"},
        # Bad requests (a Host not in DJANGO_ALLOWED_HOSTS, too many fields, …): one line at
        # WARNING, no traceback; they are answered with a 400 and are the client's doing.
        "django.security": {"handlers": ["client_errors"], "propagate": False},
    },
}
