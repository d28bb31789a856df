"""How long a web worker takes to boot: ``django.setup()`` and importing ``config.urls`` and
``config.wsgi`` in a fresh interpreter, as gunicorn does for each worker it starts without
``preload_app``, and which numerical libraries that loads.

    .venv/bin/python -m benchmarks.boot [--repeat 5] [--tree /path/to/another/checkout]

``--tree`` measures another checkout of the project (to compare before and after) with this
interpreter. Prints each run, the median, and the machine's load average.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

PROBE = """
import sys, time
started = time.perf_counter()
import django
django.setup()
import config.urls, config.wsgi
elapsed = time.perf_counter() - started
heavy = sorted({m.split('.')[0] for m in sys.modules} & {'numpy', 'scipy', 'pandas', 'ortools'})
print(f"{elapsed:.3f} {','.join(heavy) or '-'}")
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--tree", type=Path, default=Path(__file__).resolve().parent.parent)
    arguments = parser.parse_args()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "LOG_LEVEL": "WARNING",  # upper case: a checkout before the fix refuses "warning"
        "VAR_DIR": os.environ.get("VAR_DIR", "/tmp/boot-benchmark-var"),
    }
    times, heavy = [], "-"
    print(f"load average before: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    for _ in range(arguments.repeat):
        result = subprocess.run(
            [sys.executable, "-c", PROBE],
            cwd=arguments.tree,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        elapsed, heavy = result.stdout.split()[-2:]
        times.append(float(elapsed))
        print(f"  {float(elapsed) * 1000:6.0f} ms")
    print(
        f"worker boot (setup + urls + wsgi): median {statistics.median(times) * 1000:.0f} ms, "
        f"min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}; "
        f"numerical libraries loaded: {heavy}"
    )
    print(f"load average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
