"""Container health check for the web service: exits 0 when /healthz/ answers 200.

Run as ``python /app/platform/healthcheck.py``. The request carries a Host header that
ALLOWED_HOSTS accepts and X-Forwarded-Proto: https, so neither host validation nor
SECURE_SSL_REDIRECT turns the probe into a 400 or a redirect.
"""

import os
import sys
import urllib.error
import urllib.request


def _probe_host() -> str:
    for host in os.environ.get("ALLOWED_HOSTS", "").split(","):
        host = host.strip().lstrip(".")
        if host and "*" not in host:
            return host
    return "localhost"


def main() -> int:
    port = os.environ.get("HEALTHCHECK_PORT", "8000")
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/healthz/",
        headers={"Host": _probe_host(), "X-Forwarded-Proto": "https"},
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            status = response.status
    except (urllib.error.URLError, OSError) as error:
        sys.stderr.write(f"healthcheck: {error}\n")
        return 1
    if status != 200:
        sys.stderr.write(f"healthcheck: /healthz/ answered {status}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
