"""Gunicorn settings for the web service, each one overridable from the environment.

Loaded with ``gunicorn --config platform/gunicorn.conf.py config.wsgi:application``.
"""

import os


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def _available_cores() -> int:
    # The cores this process may run on, which a container's cpuset can narrow below the host's.
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


bind = [os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")]

# The usual 2 * cores + 1, capped to keep memory bounded on a large host. The web process never
# imports the matchmaking engine or the scheduler's solvers (NumPy, SciPy, OR-Tools): they load
# on first use, in the Celery worker that runs matchmaking and scheduling.
workers = _env_int(
    "WEB_CONCURRENCY", min(2 * _available_cores() + 1, _env_int("WEB_CONCURRENCY_MAX", 8))
)
timeout = _env_int("GUNICORN_TIMEOUT", 30)
# Below the compose stop_grace_period (40 s), so workers finish before the container is killed.
graceful_timeout = _env_int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Longer than a proxy's idle timeout would drop connections the proxy still considers open.
keepalive = _env_int("GUNICORN_KEEPALIVE", 5)
# The application is loaded once in the master and the workers are forked from it, so a new
# worker starts in milliseconds instead of importing Django and every app again (1.2-1.6 s each).
preload_app = os.environ.get("GUNICORN_PRELOAD", "1").strip().lower() not in {"0", "false", "no"}
# Recycling workers bounds the memory a long-lived worker can accumulate; the jitter keeps the
# workers from restarting together, so some always answer.
max_requests = _env_int("GUNICORN_MAX_REQUESTS", 10000)
max_requests_jitter = _env_int("GUNICORN_MAX_REQUESTS_JITTER", 1000)
# The heartbeat file lives in memory: a container's overlay filesystem can stall it.
worker_tmp_dir = "/dev/shm"

# Addresses allowed to set X-Forwarded-Proto / X-Forwarded-For: the reverse proxy in front of
# gunicorn. Put its address (or network, CIDR) here; "*" only when nothing but the proxy can
# reach gunicorn. Loopback stays trusted so the container's own health check counts as local.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()


def pre_fork(server, worker):
    # With preload_app the master has imported the application: a database connection it
    # opened must not be shared by the forked workers, so it is closed before each fork.
    from django.db import connections

    connections.close_all()
