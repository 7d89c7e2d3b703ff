"""Settings for cronica, read from the environment.

One module serves both shapes of deployment described in docs/architecture.md: the
embedded default (SQLite in WAL mode, local media and a local-memory cache under
``CRONICA_DATA_DIR``) and the scaled-out one (``DATABASE_URL``, ``REDIS_URL``, S3 media).
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from cronica.core import datadir

BASE_DIR = Path(__file__).resolve().parent
REPO_DIR = BASE_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


# The data directory and its keys are created by `cronica` before any command runs
# (cronica/core/datadir.py), never by importing these settings.
DATA_DIR = datadir.data_dir()
SECRET_KEY = os.environ.get("CRONICA_SECRET_KEY") or datadir.read_key(datadir.SECRET_KEY_FILE)
# Reader tokens (cronica/comments/reader.py) are hashed with a key of their own, so that
# rotating SECRET_KEY does not silently unblock every blocked reader.
CRONICA_READER_KEY = os.environ.get("CRONICA_READER_KEY") or datadir.read_key(
    datadir.READER_KEY_FILE
)
if not (SECRET_KEY and CRONICA_READER_KEY):
    raise ImproperlyConfigured(
        f"no keys in {DATA_DIR}: run `cronica init` (or any `cronica` command) first, "
        "or set CRONICA_SECRET_KEY and CRONICA_READER_KEY"
    )
DEBUG = env_bool("CRONICA_DEBUG")
ALLOWED_HOSTS = os.environ.get("CRONICA_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",")
CSRF_TRUSTED_ORIGINS = [
    o for o in os.environ.get("CRONICA_CSRF_TRUSTED_ORIGINS", "").split(",") if o
]
SITE_URL = os.environ.get("CRONICA_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_SITE_NAME = os.environ.get("CRONICA_SITE_NAME", "Crónica")

INSTALLED_APPS = [
    "cronica.news",
    "cronica.comments",
    "cronica.screening",
    "cronica.tips",
    "cronica.dossier",
    "cronica.importers",
    "cronica.scrubbing",
    "cronica.core",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cronica.core.middleware.SecurityHeadersMiddleware",
    "cronica.core.middleware.PublicCacheMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cronica.core.site_lookup.SiteLookupMiddleware",
]

ROOT_URLCONF = "cronica.urls"
WSGI_APPLICATION = "cronica.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cronica.core.context_processors.site",
            ],
        },
    },
]

# Database: SQLite in WAL mode under the data directory unless DATABASE_URL says otherwise.
DATABASE_URL = os.environ.get("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "db.sqlite3",
            # Each serving thread keeps its connection for a minute instead of opening one
            # per request (with the PRAGMAs below and Django's SQL functions to register:
            # an eighth of a comment POST's time under a flood, bench/README.md).
            "CONN_MAX_AGE": 60,
            "OPTIONS": {
                # WAL lets readers run alongside the single writer; IMMEDIATE transactions
                # take the write lock up front so concurrent writers queue instead of
                # failing with "database is locked" on lock upgrade.
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA busy_timeout=10000;"
                    "PRAGMA foreign_keys=ON;"
                ),
                "transaction_mode": "IMMEDIATE",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (shared by app servers), local memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CRONICA_CACHE_PREFIX", "cronica"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


def _shared_memory_dir():
    """Where the embedded default keeps what every worker must share but no disk may hold:
    a private folder on a tmpfs, one per data directory (cronica/core/sharedcache.py)."""
    if os.environ.get("CRONICA_SHARED_MEMORY_DIR"):
        return Path(os.environ["CRONICA_SHARED_MEMORY_DIR"])
    shm = Path("/dev/shm")
    if not shm.is_dir():
        return None
    import hashlib

    site = hashlib.sha256(str(DATA_DIR).encode()).hexdigest()[:16]
    return shm / f"cronica-{os.getuid()}-{site}"


# Flood limits and their daily key (cronica/core/ratelimit.py) live in the "ratelimit"
# cache: Redis when there is one; otherwise a tmpfs shared by every worker of this site;
# local memory (one process) only where no tmpfs exists.
if REDIS_URL:
    CACHES["ratelimit"] = {**CACHES["default"]}
elif _shared_memory_dir():
    CACHES["ratelimit"] = {
        "BACKEND": "cronica.core.sharedcache.SharedMemoryCache",
        "LOCATION": str(_shared_memory_dir()),
    }
else:
    CACHES["ratelimit"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
# Behind an onion service every client is 127.0.0.1: limits then weigh proofs of work and
# global budgets, not addresses (cronica/core/ratelimit.py). "auto", "always" or "never".
CRONICA_SHARED_ADDRESS = os.environ.get("CRONICA_SHARED_ADDRESS", "auto")
CRONICA_POW_BITS = int(os.environ.get("CRONICA_POW_BITS", "16"))
# Comment flood limits (cronica/comments/views.py): (comments, seconds) per client, and
# the budget per minute shared by everybody behind a shared address; the same for reports.
CRONICA_COMMENT_LIMIT = (5, 60)
CRONICA_COMMENT_SHARED_BUDGET = 30
CRONICA_REPORT_LIMIT = (20, 3600)
CRONICA_REPORT_SHARED_BUDGET = 30
# Several worker processes are safe when the rate limits are shared (cronica/cli.py).
CRONICA_SHARED_LIMITS = CACHES["ratelimit"]["BACKEND"] != (
    "django.core.cache.backends.locmem.LocMemCache"
)
# Page cache (cronica/core/pagecache.py): whole anonymous pages, shared by every serving
# process and the worker that purges them, so a file store under the data directory in the
# embedded default and Redis when there is one. CRONICA_PAGE_CACHE_SECONDS=0 turns it off.
CRONICA_PAGE_CACHE_SECONDS = int(os.environ.get("CRONICA_PAGE_CACHE_SECONDS", "600"))
if REDIS_URL:
    CACHES["pages"] = {
        **CACHES["default"],
        "KEY_PREFIX": CACHES["default"]["KEY_PREFIX"] + "-pages",
    }
else:
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": DATA_DIR / "pagecache",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }

# Requests with a body in flight per serving process (cronica/core/inflight.py): past
# CRONICA_BODY_SLOTS the next gets 503 + Retry-After, so slow uploads never hold every
# thread. 0 (the default): no cap; opt-in, e.g. half of serve's threads. Each
# read of a body waits at most CRONICA_BODY_TIMEOUT seconds for the client.
CRONICA_BODY_SLOTS = int(os.environ.get("CRONICA_BODY_SLOTS", "0"))
CRONICA_BODY_TIMEOUT = float(os.environ.get("CRONICA_BODY_TIMEOUT", "30"))

# Rendered article parts and comment threads (cronica/news/fragments.py,
# cronica/comments/threads.py) kept in the default cache this long; 0 renders them every time.
CRONICA_FRAGMENT_SECONDS = int(os.environ.get("CRONICA_FRAGMENT_SECONDS", "86400"))

# Background tasks (entity linking, renditions, purges) go through django-tasks. The
# shipped setup stores them in the database and `cronica serve` runs a worker beside the
# web server; tests run them immediately.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("CRONICA_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalization: the language is always in the URL path (/en/, /es/), so a cache in
# front needs no Vary: Accept-Language on pages.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Español"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("CRONICA_TIME_ZONE", "America/Mexico_City")

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
if os.environ.get("CRONICA_S3_BUCKET"):
    # Media on S3-compatible storage (django-storages): shared by every app server.
    # Credentials come the usual boto3 way (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY);
    # CRONICA_S3_ENDPOINT_URL names a non-AWS service (MinIO, Ceph, Garage). Files are
    # public newsroom media, so their URLs carry no signature and can be cached in front;
    # CRONICA_S3_MEDIA_DOMAIN is the host readers fetch them from (the front proxy or a
    # CDN of the newsroom's own), so pages make no third-party request.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["CRONICA_S3_BUCKET"],
            "endpoint_url": os.environ.get("CRONICA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("CRONICA_S3_REGION") or None,
            "custom_domain": os.environ.get("CRONICA_S3_MEDIA_DOMAIN") or None,
            "url_protocol": os.environ.get("CRONICA_S3_MEDIA_PROTOCOL", "https:"),
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
# The embedded default serves uploaded media itself; with S3 or a proxy in front, set
# CRONICA_SERVE_MEDIA=0 and let them do it.
SERVE_MEDIA = env_bool("CRONICA_SERVE_MEDIA", default=not os.environ.get("CRONICA_S3_BUCKET"))
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Uploads: keep Django's defaults small; the tip line brings its own streaming handler.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700

# --- Staff accounts (docs/security.md, "Staff accounts and tip recipients") -------------
# Two-factor sign-in with django-otp (TOTP app + recovery codes) for every account, a
# per-account lockout after wrong passwords (never keyed by address), session limits, and
# cookies that only travel over HTTPS when the site is served over HTTPS. Sessions and CSRF
# cookies exist only for staff in the admin; a reader who merely reads gets no cookie at
# all (docs/invariants.md, invariant 6).
INSTALLED_APPS += [
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "cronica.staff",
    "cronica.audit",
]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "django_otp.middleware.OTPMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django_otp.middleware.OTPMiddleware") + 1,
    "cronica.staff.middleware.StaffSessionMiddleware",
)
AUTHENTICATION_BACKENDS = ["cronica.staff.throttle.ThrottledModelBackend"]
WAGTAILADMIN_USER_LOGIN_FORM = "cronica.staff.forms.StaffLoginForm"
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "cronica.staff.forms.StaffPasswordResetForm"
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# Wagtail's admin would load each editor's avatar from gravatar.com, telling it (by an
# email hash) who works in the newsroom and when: no third-party requests, staff included.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
CRONICA_STAFF_LOCKOUT_FAILURES = int(os.environ.get("CRONICA_STAFF_LOCKOUT_FAILURES", "5"))
CRONICA_STAFF_LOCKOUT_SECONDS = int(os.environ.get("CRONICA_STAFF_LOCKOUT_SECONDS", "900"))
CRONICA_STAFF_IDLE_SECONDS = int(os.environ.get("CRONICA_STAFF_IDLE_SECONDS", "3600"))
CRONICA_STAFF_SESSION_MAX_SECONDS = int(
    os.environ.get("CRONICA_STAFF_SESSION_MAX_SECONDS", str(12 * 3600))
)
# Changing tip recipients needs a second-factor code entered this recently.
CRONICA_STAFF_RECHECK_SECONDS = int(os.environ.get("CRONICA_STAFF_RECHECK_SECONDS", "300"))
# Tips go only to CRONICA_TIPS_RECIPIENTS, and the admin cannot add any, when pinned.
CRONICA_TIPS_RECIPIENTS_PINNED = env_bool("CRONICA_TIPS_RECIPIENTS_PINNED")
SESSION_COOKIE_AGE = CRONICA_STAFF_SESSION_MAX_SECONDS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True  # Wagtail's admin reads the token from the page, not the cookie
CSRF_COOKIE_SAMESITE = "Lax"
# HTTPS when the public address says so (or CRONICA_SECURE_COOKIES=1 behind a TLS proxy
# with another public address); the onion service is plain HTTP and keeps these off.
HTTPS = SITE_URL.startswith("https://") or env_bool("CRONICA_SECURE_COOKIES")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("CRONICA_HSTS_SECONDS", "31536000")) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("CRONICA_HSTS_INCLUDE_SUBDOMAINS")
# --- end of staff accounts ----------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "no-referrer"
X_FRAME_OPTIONS = "DENY"
# One explicit switch for a reverse proxy in front: it decides both the scheme header and
# whether X-Forwarded-For names the client (cronica/core/ratelimit.py).
CRONICA_BEHIND_PROXY = env_bool("CRONICA_BEHIND_PROXY")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if CRONICA_BEHIND_PROXY else None

# Wagtail
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_IMAGE_MODEL = "news.CleanImage"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "heic", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 30 * 1024 * 1024
# Documents that can carry metadata are cleaned on upload (news/documents.py).
WAGTAILDOCS_EXTENSIONS = ["csv", "pdf", "txt", "docx", "xlsx", "pptx", "odt", "ods", "odp"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILEMBEDS_FINDERS = []  # no oEmbed calls to third parties
WAGTAILFRONTENDCACHE = {}
if os.environ.get("CRONICA_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["CRONICA_PURGE_URL"],
    }

# Logging: never an address, user agent or referrer. gunicorn's access log is off and its
# error log redacted (cronica/cli.py, cronica/core/logging.py); Django's request logger only
# reports errors, and the filters below drop the request object from records and any
# address from their text, so handlers cannot format client details.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "no_request": {"()": "cronica.core.logging.DropRequestFilter"},
        "no_address": {"()": "cronica.core.logging.RedactAddressFilter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["no_request", "no_address"],
        }
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.server": {"handlers": [], "propagate": False},
        "django.security": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}

# Browsers revalidate every time (ETags make that cheap), so an approved comment or a
# correction shows at once; the shared cache in front keeps pages longer and is purged on
# every change (news/purge.py).
CRONICA_CACHE_MAX_AGE = int(os.environ.get("CRONICA_CACHE_MAX_AGE", "0"))
CRONICA_CACHE_SHARED_MAX_AGE = int(os.environ.get("CRONICA_CACHE_SHARED_MAX_AGE", "600"))

# Tip line limits (cronica/tips/config.py has the defaults), read once from the environment.
for _name in (
    "CRONICA_TIPS_MAX_SUBMISSION_BYTES",
    "CRONICA_TIPS_MAX_FILE_BYTES",
    "CRONICA_TIPS_CLEAN_MAX_BYTES",
    "CRONICA_TIPS_CLEAN_VIDEO_MAX_BYTES",
    "CRONICA_TIPS_RETENTION_DAYS",
):
    if os.environ.get(_name):
        globals()[_name] = int(os.environ[_name])

CRONICA_TIPS_RECIPIENTS = [
    r.strip() for r in os.environ.get("CRONICA_TIPS_RECIPIENTS", "").split(",") if r.strip()
]
WAGTAILIMAGES_IMAGE_FORM_BASE = "cronica.news.forms.CleanImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cronica.news.documents.CleanDocumentForm"
