"""Phase 2's exact search: the gap problem as MaxSAT, racing gap_model.py's CP-SAT search.

On event-sized instances a core-guided MaxSAT solver (RC2 over CaDiCaL, in maxsat_worker.py)
proves the fewest gaps of the published B2B events where CP-SAT's search stalls a few gaps
above it. It only ever reports an optimum, so it runs beside the CP-SAT search, in a child
process on the other core, and whichever schedule is better when time is up wins.

A child process like score_model.py's HiGHS worker (see child_process.py): killing it is the
only way to stop RC2, and the child never loads OR-Tools or HiGHS.
"""

from __future__ import annotations

import pickle
import threading
from collections import defaultdict
from typing import Any

from .child_process import start_child
from .formulation import Formulation
from .instance import Instance
from .schedule import Placement


class ExactGapSearch:
    """The MaxSAT worker for one placement's meetings, started at once and polled."""

    def __init__(self, instance: Instance, formulation: Formulation, start: Placement,
                 time_limit: float) -> None:
        self.formulation = formulation
        problem = gap_problem(instance, formulation, start) | {"time_limit": time_limit}
        self._worker = start_child("matchmaking.scheduler.maxsat_worker")
        self._output: tuple[bytes, bytes] = (b"", b"")
        # A thread feeds the worker and collects its answer, so that neither side ever waits on
        # a full pipe and the search starts at once rather than at the first poll.
        self._exchange = threading.Thread(
            target=self._communicate,
            args=(pickle.dumps(problem, protocol=pickle.HIGHEST_PROTOCOL),), daemon=True)
        self._exchange.start()

    def _communicate(self, payload: bytes) -> None:
        self._output = self._worker.communicate(payload)

    def result(self) -> Placement | None:
        """The optimal placement once the worker has finished, else None (never blocks)."""
        if self._exchange.is_alive():
            return None
        output, errors = self._output
        if self._worker.returncode < 0:
            return None  # stopped by a signal: its own time limit ran out
        if self._worker.returncode != 0:
            raise RuntimeError(f"MaxSAT worker failed: {errors.decode(errors='replace').strip()}")
        columns = pickle.loads(output)
        if columns is None:
            return None
        return dict(self.formulation.placements[column] for column in columns)

    def stop(self) -> None:
        if self._worker.poll() is None:
            self._worker.kill()
        self._exchange.join()


def gap_problem(instance: Instance, formulation: Formulation,
                start: Placement) -> dict[str, Any]:
    """Plain lists for the worker: the placed meetings' columns, the rows, each party's days."""
    columns_of: dict[int, list[int]] = defaultdict(list)
    for column, (meeting, _slot) in enumerate(formulation.placements):
        if meeting in start:
            columns_of[meeting].append(column)
    placement_columns = {column for columns in columns_of.values() for column in columns}
    present = placement_columns | set(formulation.flows.values())
    rows = []
    for row in formulation.rows:
        coefficients = [(column, int(value)) for column, value in row.coefficients.items()
                        if column in present]
        if coefficients:
            rows.append((coefficients, int(row.lower), int(row.upper)))

    meeting_count: dict[int, int] = defaultdict(int)
    for meeting in start:
        for party in instance.meetings[meeting].parties:
            meeting_count[party] += 1
    days_of_party: dict[int, set[int]] = defaultdict(set)
    for party, day in formulation.party_day_slots:
        days_of_party[party].add(day)
    day_slots: dict[int, list[int]] = defaultdict(list)
    for index, slot in enumerate(instance.slots):
        day_slots[slot.day].append(index)
    party_days = []
    for (party, day), columns_at in sorted(formulation.party_day_slots.items()):
        busy = [[column for column in columns_at.get(slot, ()) if column in placement_columns]
                for slot in day_slots[day]]
        if meeting_count[party] < 2 or sum(1 for columns in busy if columns) < 2:
            continue  # no gap is possible
        # A fixed number of meetings that day only for parties meeting on one day (see
        # gap_model.py: the same windows).
        count = meeting_count[party] if len(days_of_party[party]) == 1 else None
        party_days.append((busy, count))
    return {
        "columns": sorted(present),
        "placement_columns": placement_columns,
        "meetings": [columns_of[meeting] for meeting in sorted(columns_of)],
        "rows": rows,
        "party_days": party_days,
    }
