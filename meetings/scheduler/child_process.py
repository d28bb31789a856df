"""Starting the solver child processes (mip_worker.py, maxsat_worker.py).

Plain subprocesses rather than multiprocessing, whose "spawn" re-imports the caller's main script
and whose "fork" would inherit an OR-Tools already loaded by an earlier solve (OR-Tools and HiGHS
cannot share a process: see score_model.py). Each child reads one pickled problem on standard
input and writes one pickled answer on standard output.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# The directory that holds the top-level package, for the child's import path.
_PACKAGE_ROOT = Path(__file__).resolve().parents[2]


def start_child(worker: str) -> subprocess.Popen[bytes]:
    """`python -m <this package>.<worker>` with this package importable, its streams piped."""
    module = f"{__package__}.{worker}"
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(_PACKAGE_ROOT), environment.get("PYTHONPATH")])
    )
    return subprocess.Popen(
        [sys.executable, "-m", module],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment,
    )
