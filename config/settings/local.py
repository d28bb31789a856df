"""The laptop default: SQLite, tasks in-process, a fixed development secret."""

from config.env import env_bool, env_str

from .base import *  # noqa: F403

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str(
    "SECRET_KEY", "django-insecure-local-development-key-never-used-in-production-0123456789"
)
# Serve static files straight from the apps while developing; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
