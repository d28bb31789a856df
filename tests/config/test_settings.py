"""Settings come from the environment; each case loads them in a fresh interpreter."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PROBE = """
import json, django
from django.conf import settings
django.setup()
db = settings.DATABASES["default"]
print(json.dumps({
    "engine": db["ENGINE"], "name": str(db["NAME"]), "host": db.get("HOST", ""),
    "debug": settings.DEBUG, "allowed_hosts": settings.ALLOWED_HOSTS,
    "broker": settings.CELERY_BROKER_URL, "eager": settings.CELERY_TASK_ALWAYS_EAGER,
    "cache": settings.CACHES["default"]["BACKEND"], "use_tz": settings.USE_TZ,
    "time_zone": settings.TIME_ZONE, "languages": [code for code, _ in settings.LANGUAGES],
}))
"""
CLEARED = (
    "DATABASE_URL",
    "REDIS_URL",
    "CELERY_BROKER_URL",
    "CELERY_RESULT_BACKEND",
    "DEBUG",
    "ALLOWED_HOSTS",
    "SECRET_KEY",
    "USE_TZ",
    "SITE_URL",
)


def run_python(code: str, settings: str = "config.settings.local", **env: str):
    environment = {k: v for k, v in os.environ.items() if k not in CLEARED}
    environment.update(DJANGO_SETTINGS_MODULE=settings, **env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def load(settings: str = "config.settings.local", **env: str) -> dict:
    result = run_python(PROBE, settings, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_laptop_default_is_sqlite_in_an_ignored_folder_with_tasks_in_process():
    loaded = load()
    assert loaded["engine"] == "django.db.backends.sqlite3"
    assert loaded["name"].endswith("var/db.sqlite3")
    assert loaded["broker"] is None
    assert loaded["eager"] is True
    assert loaded["cache"].endswith("LocMemCache")
    assert "/var/" in (REPO / ".gitignore").read_text()


def test_database_url_selects_postgresql():
    loaded = load(DATABASE_URL="postgres://pavilion:secret@db.internal:5432/pavilion")
    assert loaded["engine"] == "django.db.backends.postgresql"
    assert (loaded["name"], loaded["host"]) == ("pavilion", "db.internal")


def test_redis_url_makes_celery_use_the_broker_and_cache():
    loaded = load(REDIS_URL="redis://cache.internal:6379/0")
    assert loaded["broker"] == "redis://cache.internal:6379/0"
    assert loaded["eager"] is False
    assert loaded["cache"].endswith("RedisCache")


def test_debug_and_allowed_hosts_come_from_the_environment():
    loaded = load(DEBUG="false", ALLOWED_HOSTS="fair.example, pavilion.example")
    assert loaded["debug"] is False
    assert loaded["allowed_hosts"] == ["fair.example", "pavilion.example"]


def test_a_malformed_boolean_is_refused_by_name():
    result = run_python(PROBE, DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG='maybe' is not a boolean" in result.stderr


def test_times_are_stored_in_utc_and_the_interface_speaks_english_and_japanese():
    loaded = load()
    assert (loaded["use_tz"], loaded["time_zone"]) == (True, "UTC")
    assert loaded["languages"] == ["en", "ja"]


@pytest.mark.parametrize(
    ("env", "says_in_process"), [({}, True), ({"REDIS_URL": "redis://x:6379/0"}, False)]
)
def test_the_log_says_once_that_tasks_run_in_process(env, says_in_process):
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={
            **{k: v for k, v in os.environ.items() if k not in CLEARED},
            "DJANGO_SETTINGS_MODULE": "config.settings.local",
            **env,
        },
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("tasks run in-process") == (1 if says_in_process else 0)


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_python(PROBE, "config.settings.production", SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS environment variable is required" in result.stderr


def test_production_refuses_to_start_without_the_site_url():
    result = run_python(
        PROBE, "config.settings.production", SECRET_KEY="x" * 60, ALLOWED_HOSTS="example.org"
    )
    assert result.returncode != 0
    assert "SITE_URL" in result.stderr


def test_email_links_start_at_site_url_from_the_environment():
    code = "import django; from django.conf import settings as s; django.setup(); print(s.SITE_URL)"
    assert run_python(code).stdout.split()[-1] == "http://127.0.0.1:8000"
    configured = run_python(code, SITE_URL="https://pavilion.example/")
    assert configured.stdout.split()[-1] == "https://pavilion.example"


LOG_PROBE = (
    "import django, logging; django.setup(); print(logging.getLevelName(logging.getLogger().level))"
)


@pytest.mark.parametrize("level", ["warning", "WARNING", " Error "])
def test_log_level_is_read_in_either_case(level):
    result = run_python(LOG_PROBE, LOG_LEVEL=level)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == level.strip().upper()


def test_an_unknown_log_level_is_refused_by_name():
    result = run_python(LOG_PROBE, LOG_LEVEL="loud")
    assert result.returncode != 0
    assert "LOG_LEVEL='loud' is not a log level; use one of debug, info, warning" in result.stderr
