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

# Each worker loads the matchmaking engine (OR-Tools, pandas), so the usual 2 * cores + 1 is
# capped to keep memory bounded on a large host.
workers = _env_int(
    "WEB_CONCURRENCY", min(2 * _available_cores() + 1, _env_int("WEB_CONCURRENCY_MAX", 8))
)
timeout = _env_int("GUNICORN_TIMEOUT", 30)
# Below the compose stop_grace_period (40 s), so workers finish before the container is killed.
graceful_timeout = _env_int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Longer than a proxy's idle timeout would drop connections the proxy still considers open.
keepalive = _env_int("GUNICORN_KEEPALIVE", 5)
# Recycling workers bounds the memory a long-lived worker can accumulate.
max_requests = _env_int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = _env_int("GUNICORN_MAX_REQUESTS_JITTER", 100)
# The heartbeat file lives in memory: a container's overlay filesystem can stall it.
worker_tmp_dir = "/dev/shm"

# Addresses allowed to set X-Forwarded-Proto / X-Forwarded-For: the reverse proxy in front of
# gunicorn. Put its address (or network, CIDR) here; "*" only when nothing but the proxy can
# reach gunicorn. Loopback stays trusted so the container's own health check counts as local.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
