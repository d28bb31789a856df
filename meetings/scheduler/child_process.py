"""Starting the solver child processes (mip_worker.py, maxsat_worker.py).

Plain subprocesses rather than multiprocessing, whose "spawn" re-imports the caller's main script
and whose "fork" would inherit an OR-Tools already loaded by an earlier solve (OR-Tools and HiGHS
cannot share a process: see score_model.py). Each child reads one pickled problem on standard
input and writes pickled messages, `(kind, *values)` tuples, on standard output as it works.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

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


class Child:
    """A worker child fed one problem; a thread sends it and keeps the latest message of each
    kind as they arrive, so that the search starts at once rather than at the first poll."""

    def __init__(self, worker: str, problem: dict[str, Any]) -> None:
        self.process = start_child(worker)
        self.latest: dict[str, tuple[Any, ...]] = {}
        self._errors = b""
        self._exchange = threading.Thread(
            target=self._communicate,
            args=(pickle.dumps(problem, protocol=pickle.HIGHEST_PROTOCOL),),
            daemon=True,
        )
        self._exchange.start()

    def _communicate(self, payload: bytes) -> None:
        process = self.process
        try:
            with process.stdin:
                process.stdin.write(payload)
            while True:
                kind, *values = pickle.load(process.stdout)
                self.latest[kind] = tuple(values)
        except (BrokenPipeError, EOFError, pickle.UnpicklingError):
            pass  # the worker ended (or was stopped) mid-message; its exit status tells which
        # Only a failing worker writes to standard error (its traceback), so reading it last
        # cannot leave the worker waiting on a full pipe.
        with process.stdout, process.stderr:
            self._errors = process.stderr.read()
        process.wait()

    def running(self) -> bool:
        return self._exchange.is_alive()

    def join(self, timeout: float | None = None) -> None:
        """Wait until the worker has ended and its output is read, or `timeout` passes."""
        self._exchange.join(timeout)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self._exchange.join()

    def failure(self) -> str:
        """What a failed worker wrote to standard error (its traceback)."""
        return self._errors.decode(errors="replace").strip()
