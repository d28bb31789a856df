"""Settings for the test suite: the database comes from DATABASE_URL (SQLite by default)."""

from config.env import env_bool, env_str

from .base import *  # noqa: F403

SECRET_KEY = env_str("SECRET_KEY", "django-insecure-test-key-only-for-the-test-suite-0123456789")
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LANGUAGE_CODE = "en"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Tasks run in-process in tests even when REDIS_URL names a broker; the integration tests that
# need a real worker switch this off for themselves.
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", True)
