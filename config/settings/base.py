"""Settings shared by every environment; each value can be set from the environment.

local.py (the laptop default), test.py and production.py build on this module.
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# Local state (the SQLite file, collected static files in development) lives in an ignored folder.
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

DEFAULT_SQLITE_URL = f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", DEFAULT_SQLITE_URL),
        conn_max_age=env_int("CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # Wait for a busy SQLite file rather than failing at once when the worker and web share it.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
# How long a service waits for another transaction's lock on a scarce resource (a pavilion's
# booths, a meeting's slot) before telling the person to try again (core/locks.py).
LOCK_TIMEOUT_MS = env_int("LOCK_TIMEOUT_MS", 5000)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    # Layers, lowest first; an app imports only those before it (tests/test_layers.py).
    "core",
    "companies",
    "events",
    "matchmaking",
    "meetings",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Each write's audit entry names the interface and the user of the request (core/audit.py).
    "core.audit.AuditMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
    # Plain text (email subjects and bodies, calendar files) is not HTML: this engine never
    # HTML-escapes, so "Medica & Compamed" stays as typed. Only companies.mail.render_text uses
    # it; the engine above, which makes every HTML page, escapes as always.
    {
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {"autoescape": False},
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Times are stored in UTC; pages show them in the fair's own time zone.
USE_TZ = env_bool("USE_TZ", True)
TIME_ZONE = "UTC"
USE_I18N = True
LANGUAGE_CODE = env_str("LANGUAGE_CODE", "en")
LANGUAGES = [("en", _("English")), ("ja", _("Japanese"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# One date and time format per language (config/formats/): 2027年11月15日(月) 10:30 in Japanese.
FORMAT_MODULE_PATH = ["config.formats"]

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Japan Pavilion <noreply@localhost>")
# Where the platform is reached from outside: emails sent by background tasks, which have no
# request to take the host from, link to pages under this address.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Redis serves as Celery broker, result backend and cache when it is configured; without it
# tasks run in-process (CELERY_TASK_ALWAYS_EAGER) and the log says so once at start-up.
REDIS_URL = env_str("REDIS_URL")
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", REDIS_URL)
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND", REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL is None
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TIMEZONE = "UTC"
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 30 * 60)
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 25 * 60)
# A task is acknowledged when it finishes, so a run lost with its worker is delivered again.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_RESULT_EXPIRES = 24 * 60 * 60

if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Gunicorn takes its log level in lower case and Python's logging in upper case: LOG_LEVEL may be
# either, and a level that is neither refuses to start with a sentence rather than a traceback.
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
LOG_LEVEL = env_str("LOG_LEVEL", "INFO").upper()
if LOG_LEVEL not in LOG_LEVELS:
    raise ImproperlyConfigured(
        f"LOG_LEVEL={env_str('LOG_LEVEL')!r} is not a log level; use one of "
        f"{', '.join(level.lower() for level in LOG_LEVELS)}."
    )
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

LOGIN_URL = "companies:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# A pavilion with more exhibitor-buyer pairs than this is scored by several Celery tasks.
MATCHMAKING_PAIRS_PER_TASK = env_int("MATCHMAKING_PAIRS_PER_TASK", 20_000_000)

# Periodic work run by Celery beat.
CELERY_BEAT_SCHEDULE = {
    "rescore-open-pavilions": {
        "task": "matchmaking.tasks.rescore_open_pavilions",
        "schedule": env_int("RESCORE_EVERY_SECONDS", 15 * 60),
    },
    "purge-api-idempotency-keys": {
        "task": "core.tasks.purge_idempotency_keys",
        "schedule": 60 * 60,
    },
    "expire-and-remind-meeting-requests": {
        "task": "meetings.tasks.expire_and_remind_meetings",
        "schedule": env_int("EXPIRE_REQUESTS_EVERY_SECONDS", 5 * 60),
    },
    "send-follow-up-requests": {
        "task": "meetings.tasks.send_follow_ups",
        "schedule": env_int("FOLLOW_UPS_EVERY_SECONDS", 60 * 60),
    },
}

# Follow-up rounds after a fair (``meetings.services.follow_ups``): a round is asked from its
# date for this many days (a round missed for longer is not asked late), a side that has not
# answered is reminded once after this many days, and the link in the email opens the outcome
# form without a password for this many days after it was sent.
FOLLOW_UP_ASK_WITHIN_DAYS = env_int("FOLLOW_UP_ASK_WITHIN_DAYS", 30)
FOLLOW_UP_REMIND_AFTER_DAYS = env_int("FOLLOW_UP_REMIND_AFTER_DAYS", 14)
FOLLOW_UP_LINK_DAYS = env_int("FOLLOW_UP_LINK_DAYS", 60)

# The REST API under /api/v1/ (see config/api_urls.py).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
        "rest_framework.filters.SearchFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "core.api.errors.api_exception_handler",
    "DEFAULT_THROTTLE_RATES": {
        "auth": env_str("THROTTLE_AUTH", "10/minute"),
        "meeting_requests": env_str("THROTTLE_MEETING_REQUESTS", "30/hour"),
    },
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Japan Pavilion matchmaking API",
    "DESCRIPTION": "Exhibitors, buyers, pavilions, proposals, meetings and schedules.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # A wish's "kind" and a market's "kind" are different choice sets: each gets its own name.
    "ENUM_NAME_OVERRIDES": {
        "WishKindEnum": "matchmaking.models.WishKind",
        "AbsentSideEnum": "meetings.models.AbsentSide",
    },
    # The interactive page's files are served from here, not from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
