#!/bin/sh
# Start-up for every role of the image (web, worker, beat):
#   1. wait until the database accepts connections (WAIT_FOR_DATABASE=0 skips it);
#   2. apply migrations when MIGRATE_ON_START=1 (only the web service sets it, so two
#      containers never migrate at once; scale web beyond one replica only with it unset
#      and migrations run as a separate step);
#   3. collect static files when COLLECTSTATIC_ON_START=1 (the image already holds them);
#   4. exec the command, so it runs as PID 1 and receives the stop signal itself.
set -eu

if [ "${WAIT_FOR_DATABASE:-1}" = "1" ]; then
    python - <<'PY'
import os
import sys
import time

import django
from django.db import connection
from django.db.utils import OperationalError

django.setup()
deadline = time.monotonic() + int(os.environ.get("DATABASE_WAIT_SECONDS", "60"))
while True:
    try:
        connection.ensure_connection()
    except OperationalError as error:
        if time.monotonic() > deadline:
            print(f"entrypoint: database still unavailable, giving up: {error}", file=sys.stderr)
            sys.exit(1)
        print("entrypoint: waiting for the database ...", file=sys.stderr)
        time.sleep(1)
    else:
        connection.close()
        break
PY
fi

if [ "${MIGRATE_ON_START:-0}" = "1" ]; then
    python manage.py migrate --noinput
fi

if [ "${COLLECTSTATIC_ON_START:-0}" = "1" ]; then
    python manage.py collectstatic --noinput
fi

exec "$@"
