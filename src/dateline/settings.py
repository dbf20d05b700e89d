"""Dateline's one settings module.

Every setting that differs between a laptop and production is read from the
environment. The embedded defaults (SQLite, local-memory cache, in-process
broker) make `make demo` need nothing; `DATABASE_URL` and `REDIS_URL` switch to
PostgreSQL and Redis.
"""

from __future__ import annotations

import os
import re
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE as CSP_NONCE
from csp.constants import NONE as CSP_NONE
from csp.constants import SELF as CSP_SELF
from django.core.exceptions import ImproperlyConfigured

SRC_DIR = Path(__file__).resolve().parent
BASE_DIR = SRC_DIR.parent.parent
VAR_DIR = Path(os.environ.get("DATELINE_VAR_DIR", BASE_DIR / "var"))


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def envchoice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = os.environ.get(name) or default
    if value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}, not {value!r}")
    return value


def envrate(name: str, default: str) -> tuple[int, int]:
    """A rate such as '5/60' (at most 5 in 60 seconds), as (5, 60)."""
    value = (os.environ.get(name) or default).strip()
    match = re.fullmatch(r"(\d+)\s*/\s*(\d+)", value, re.ASCII)
    if not match or int(match[2]) == 0:
        raise ImproperlyConfigured(
            f"{name} must be a rate like '5/60' (at most 5 in 60 seconds), not {value!r}"
        )
    return int(match[1]), int(match[2])


def envlist(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def envsecret(name: str) -> str | None:
    """Reads NAME, or the file named by NAME_FILE (for container secrets)."""
    if os.environ.get(f"{name}_FILE"):
        path = Path(os.environ[f"{name}_FILE"])
        try:
            return path.read_text().strip()
        except OSError as exc:
            raise ImproperlyConfigured(
                f"{name}_FILE names {path}, which cannot be read: {exc}"
            ) from exc
    return os.environ.get(name) or None


def local_secret_key() -> str:
    """A key kept in var/ so that a laptop's sessions survive restarts."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


DEBUG = envbool("DATELINE_DEBUG", False)
SECRET_KEY = envsecret("DATELINE_SECRET_KEY") or local_secret_key()
ALLOWED_HOSTS = envlist("DATELINE_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = envlist("DATELINE_CSRF_TRUSTED_ORIGINS", [])
# Absolute links (canonical URLs, feeds, JSON-LD) use the request's host unless
# this names the public origin, e.g. https://news.example.com
BASE_URL = os.environ.get("DATELINE_BASE_URL", "").rstrip("/")

INSTALLED_APPS = [
    "dateline.editions",
    "dateline.photos",
    "dateline.jobs",
    "dateline.articles",
    "dateline.live",
    "dateline.comments",
    "dateline.wire",
    "dateline.archive",
    "dateline.accounts",
    "dateline.api",
    "dateline.feeds",
    "dateline.demo",
    "wagtail.contrib.redirects",
    "django_tasks_db",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "dateline.accounts.apps.UsersConfig",  # wagtail.users, with the username rule
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "ninja",  # serves the API docs page's assets itself, not from a CDN
    "allauth",
    "allauth.account",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

PAGE_CACHE_SECONDS = envint("DATELINE_PAGE_CACHE_SECONDS", 0)

MIDDLEWARE = [
    # Outermost, so that a page is stored as it leaves Django, every header on it.
    *(["dateline.lib.page_cache.UpdatePageCache"] if PAGE_CACHE_SECONDS else []),
    # What every page reads and only a publication changes is remembered per
    # publication generation (dateline.lib.generation), read once per request.
    "dateline.lib.generation.ReadGenerationOnce",
    "dateline.editions.sites.remembered_site",
    "django.middleware.security.SecurityMiddleware",
    "dateline.lib.csp.ContentSecurityPolicy",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "dateline.api.middleware.ApiResponses",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    *(["dateline.lib.page_cache.FetchFromPageCache"] if PAGE_CACHE_SECONDS else []),
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Account pages (/accounts/) speak the edition the reader came from.
    "dateline.accounts.editions.account_pages_in_readers_edition",
    # The desk's calls to the API answer in the staff member's admin language.
    "dateline.accounts.middleware.desk_in_the_staff_language",
    "dateline.accounts.middleware.private_pages_for_signed_in_users",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]
# Content-Security-Policy on every page (dateline.lib.csp): scripts, styles,
# fonts and frames of the site itself, photos from it or over HTTPS (a media
# CDN), embeds in HTTPS frames; no plugins, no other site may frame a page.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [CSP_SELF],
        "script-src": [CSP_SELF, CSP_NONCE],
        "style-src": [CSP_SELF],
        "img-src": [CSP_SELF, "data:", "https:"],
        "font-src": [CSP_SELF],
        "connect-src": [CSP_SELF],
        "frame-src": ["https:"],
        "object-src": [CSP_NONE],
        "base-uri": [CSP_SELF],
        "form-action": [CSP_SELF],
        "frame-ancestors": [CSP_SELF],
    }
}

# The page cache (dateline.lib.page_cache) holds only responses for readers
# without a session cookie; anything that reads the session varies on Cookie and
# so is never shared. Publishing anything makes every cached page stale.
CACHE_MIDDLEWARE_SECONDS = PAGE_CACHE_SECONDS
CACHE_MIDDLEWARE_KEY_PREFIX = "pages"

ROOT_URLCONF = "dateline.urls"
ASGI_APPLICATION = "dateline.asgi.application"
WSGI_APPLICATION = "dateline.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SRC_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "dateline.editions.context_processors.editions",
            ],
        },
    },
]

# Storage. SQLite in WAL mode by default; DATABASE_URL switches to PostgreSQL.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # Under ASGI each request's synchronous part runs in a thread of its own, so
        # persistent per-thread connections pile up past max_connections. A pool
        # bounds them: DATELINE_DB_POOL_SIZE connections per server process.
        DATABASES["default"]["CONN_MAX_AGE"] = 0
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": 1,
            "max_size": envint("DATELINE_DB_POOL_SIZE", 20),
            "timeout": envint("DATELINE_DB_POOL_TIMEOUT", 10),
        }
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("DATELINE_SQLITE_PATH", str(VAR_DIR / "dateline.sqlite3")),
            # A file, not shared memory: live delivery reads from other threads
            # while tests write, and only a file database waits on its locks.
            "TEST": {"NAME": str(VAR_DIR / "test-dateline.sqlite3")},
            "OPTIONS": {
                # IMMEDIATE takes the write lock at BEGIN, so two writers queue
                # instead of one failing with "database is locked" mid-transaction.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
                ),
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("DATELINE_CACHE_PREFIX", "dateline"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # ASVS 2.1.1: at least 12 characters (Django's default is 8).
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "dateline.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
# Letters of one alphabet, digits and . _ -, nothing that passes for another letter.
ACCOUNT_USERNAME_VALIDATORS = "dateline.accounts.usernames.username_validators"
ACCOUNT_EMAIL_VERIFICATION = envchoice(
    "DATELINE_EMAIL_VERIFICATION", "mandatory", ("mandatory", "optional", "none")
)
# Confirming the address in the browser that signed up signs the reader in (allauth
# does it only there, never for a link opened elsewhere), back on the page they
# started from.
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True

EMAIL_BACKEND = os.environ.get(
    "DATELINE_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("DATELINE_EMAIL_HOST", "localhost")
EMAIL_PORT = envint("DATELINE_EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("DATELINE_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = envsecret("DATELINE_EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = envbool("DATELINE_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DATELINE_FROM_EMAIL", "Dateline <newsroom@localhost>")

# Internationalisation: the admin speaks the user's language; each edition's
# pages speak the edition's (see editions.models.EditionPage.serve).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [SRC_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [SRC_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DATELINE_MEDIA_ROOT", VAR_DIR / "media"))
SERVE_MEDIA = envbool("DATELINE_SERVE_MEDIA", True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed names let a CDN cache static files forever.
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_MAX_AGE = 31536000

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if envbool("DATELINE_BEHIND_PROXY", False) else None
)
# DATELINE_HTTPS: readers reach the site over HTTPS only. Cookies are then sent
# over HTTPS only, plain HTTP is redirected, and browsers are told (HSTS) never
# to use plain HTTP for the site again: `dateline check --deploy` is clean.
HTTPS = envbool("DATELINE_HTTPS", False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = envbool("DATELINE_SECURE_COOKIES", HTTPS)
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = envint("DATELINE_HSTS_SECONDS", 31_536_000) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("DATELINE_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
SECURE_HSTS_PRELOAD = envbool("DATELINE_HSTS_PRELOAD", HTTPS)

# Wagtail
WAGTAIL_SITE_NAME = "Dateline"
# No avatars fetched from an outside service: the admin shows each person's initials.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Links in the newsroom's mails (review notifications): the public origin, else
# the address `dateline serve` or `dateline demo` listens on (DATELINE_SERVED_AT,
# which they set), else Django's development address.
WAGTAILADMIN_BASE_URL = (
    BASE_URL or os.environ.get("DATELINE_SERVED_AT", "").rstrip("/") or "http://127.0.0.1:8000"
)
WAGTAILIMAGES_IMAGE_MODEL = "photos.Photo"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = envint("DATELINE_MAX_IMAGE_MB", 10) * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
    }
}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Plain ASCII slugs: URLs that survive being pasted anywhere (Wagtail transliterates headlines).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DATELINE_LOG_LEVEL", "WARNING")},
}

# Live coverage (see dateline.live): delivery tuning.
LIVE_CHANNEL_PREFIX = os.environ.get("DATELINE_LIVE_CHANNEL_PREFIX", "dateline")
# Concurrent requests one server worker admits: each live reader holds one open.
MAX_CONNECTIONS = envint("DATELINE_MAX_CONNECTIONS", 20000)
# Idle streams get a comment this often, and each process re-reads the
# database then too, so a lost notification delays delivery by at most this.
LIVE_HEARTBEAT_SECONDS = envint("DATELINE_LIVE_HEARTBEAT_SECONDS", 15)
# A reconnecting reader more than this many events behind reloads instead.
LIVE_MAX_REPLAY = envint("DATELINE_LIVE_MAX_REPLAY", 1000)
# Messages queued for one reader before it counts as stalled and is dropped.
LIVE_QUEUE_MAX = envint("DATELINE_LIVE_QUEUE_MAX", 64)
# Live streams one client address may hold open in one server process (0: no
# cap), so that one address cannot take a process's connections for itself. The
# address is read through DATELINE_TRUSTED_PROXIES; readers behind one NAT share
# one, and past the cap a reader's page follows the blog by polling instead.
LIVE_MAX_STREAMS_PER_IP = envint("DATELINE_LIVE_MAX_STREAMS_PER_IP", 20)
if LIVE_MAX_STREAMS_PER_IP < 0:
    raise ImproperlyConfigured(
        "DATELINE_LIVE_MAX_STREAMS_PER_IP must be 0 (no cap) or more, "
        f"not {LIVE_MAX_STREAMS_PER_IP}"
    )
LIVE_POST_MAX_CHARS = envint("DATELINE_LIVE_POST_MAX_CHARS", 10_000)
LIVE_SUMMARY_MAX_CHARS = envint("DATELINE_LIVE_SUMMARY_MAX_CHARS", 4000)
# Longest update or correction added to a published article.
NOTE_MAX_CHARS = envint("DATELINE_NOTE_MAX_CHARS", 2000)
# The wires: the largest item (or ZIP of items) taken, and how long a feed may take to answer.
WIRE_ITEM_MAX_BYTES = envint("DATELINE_WIRE_ITEM_MAX_KB", 2048) * 1024
WIRE_FETCH_TIMEOUT = envint("DATELINE_WIRE_FETCH_TIMEOUT", 20)
API_TOKEN_DAYS = envint("DATELINE_API_TOKEN_DAYS", 30)
# How often the newsroom clock publishes what was scheduled and shows lifted
# embargoes: a periodic job, run by one worker per interval (0 turns it off, e.g.
# when cron runs `dateline publish_scheduled`).
CLOCK_INTERVAL = timedelta(seconds=envint("DATELINE_CLOCK_SECONDS", 15))

# Background jobs (dateline.jobs): kept in the database, run by workers. Wagtail's
# own small tasks (search and reference index updates) stay in the request
# ("default"); the newsroom's jobs (polling, imports, the clock) go to "jobs".
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "jobs": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}
# The server runs one worker in-process (nothing else to start); production
# turns this off and runs `dateline worker` processes, as many as it needs.
JOBS_IN_SERVER = envbool("DATELINE_JOBS_IN_SERVER", True)
# How often a worker says it is alive; a job whose worker is silent for three
# beats is handed to another worker.
JOB_HEARTBEAT = timedelta(seconds=max(1, envint("DATELINE_JOB_HEARTBEAT_SECONDS", 10)))

# Feeds and sitemaps (see dateline.feeds). The sitemaps protocol allows 50,000
# URLs per file; pages of 1,000 cost the same to build and fetch however large
# the archive grows, and an edition with more gets more pages (?p=2), each
# listed in the sitemap index.
SITEMAP_MAX_URLS = 1_000

# How many reverse proxies stand in front of the site (each appending to
# X-Forwarded-For); 0 when readers connect to it directly. Every rate limit,
# lockout and cap reads the reader's address through it (dateline.lib.addresses).
TRUSTED_PROXIES = envint("DATELINE_TRUSTED_PROXIES", 0)

# Comments (see dateline.comments).
COMMENT_MAX_CHARS = envint("DATELINE_COMMENT_MAX_CHARS", 2000)
COMMENT_EDIT_MINUTES = envint("DATELINE_COMMENT_EDIT_MINUTES", 15)
COMMENT_REPORTS_TO_HOLD = envint("DATELINE_COMMENT_REPORTS_TO_HOLD", 3)
# "count/seconds": most comments one account, and one IP address, may post.
COMMENT_RATE_PER_ACCOUNT = envrate("DATELINE_COMMENT_RATE_PER_ACCOUNT", "5/60")
COMMENT_RATE_PER_IP = envrate("DATELINE_COMMENT_RATE_PER_IP", "20/60")

# Sign-in (see dateline.accounts.sign_in): "count/seconds", the failed sign-ins
# allowed from one address, and for one account (the username tried), before
# every door (readers', the admin's, the API's) refuses for the rest of the window.
LOGIN_FAILURES = envrate("DATELINE_LOGIN_FAILURES", "5/300")
ACCOUNT_RATE_LIMITS = {
    "login_failed": "{0}/{1}s/ip,{0}/{1}s/key".format(*LOGIN_FAILURES),
    "signup": "10/h/ip",
}
WAGTAILADMIN_USER_LOGIN_FORM = "dateline.accounts.forms.AdminLoginForm"
