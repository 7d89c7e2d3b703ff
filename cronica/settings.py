"""Settings for cronica, read from the environment.

One module serves both shapes of deployment described in docs/architecture.md: the
embedded default (SQLite in WAL mode, local media and a local-memory cache under
``CRONICA_DATA_DIR``) and the scaled-out one (``DATABASE_URL``, ``REDIS_URL``, S3 media).
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
REPO_DIR = BASE_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DATA_DIR = Path(os.environ.get("CRONICA_DATA_DIR", "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key():
    """The key comes from the environment, or is generated once into the data directory.

    Keeping it in the data directory lets several independent sites run side by side, each
    with its own key, without an operator having to invent one for the local demo.
    """
    if os.environ.get("CRONICA_SECRET_KEY"):
        return os.environ["CRONICA_SECRET_KEY"]
    path = DATA_DIR / "secret_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = _secret_key()
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
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise warns about a missing directory
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
if os.environ.get("CRONICA_S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"bucket_name": os.environ["CRONICA_S3_BUCKET"]},
    }
# The embedded default serves uploaded media itself; with S3 or a proxy in front, set
# CRONICA_SERVE_MEDIA=0 and let them do it.
SERVE_MEDIA = env_bool("CRONICA_SERVE_MEDIA", default=not os.environ.get("CRONICA_S3_BUCKET"))
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Uploads: keep Django's defaults small; the tip line brings its own streaming handler.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_PERMISSIONS = 0o640

# Sessions and CSRF cookies exist only for editors in the admin; a reader who merely reads
# gets no cookie at all (design.md invariant 6).
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("CRONICA_SECURE_COOKIES")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "no-referrer"
X_FRAME_OPTIONS = "DENY"
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("CRONICA_BEHIND_PROXY") else None
)

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

# Logging: never an address, user agent or referrer. gunicorn's access log is off (see
# cronica/cli.py); Django's request logger only reports errors, and the filter below drops
# the request object from records so handlers cannot format client details.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"no_request": {"()": "cronica.core.logging.DropRequestFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["no_request"],
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

CRONICA_TIPS_RECIPIENTS = [
    r.strip() for r in os.environ.get("CRONICA_TIPS_RECIPIENTS", "").split(",") if r.strip()
]
WAGTAILIMAGES_IMAGE_FORM_BASE = "cronica.news.forms.CleanImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cronica.news.documents.CleanDocumentForm"
