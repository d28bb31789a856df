"""Phase 2's exact search: the gap problem as MaxSAT, racing gap_model.py's CP-SAT search.

On event-sized instances a core-guided MaxSAT solver (RC2 over CaDiCaL, in maxsat_worker.py)
proves the fewest gaps of the published B2B events where CP-SAT's search stalls a few gaps
above it. It reports its lower bound as it rises and, at the end, an optimum, running beside
the CP-SAT search in a child process on the other core. The search ends as soon as the worker's
optimum arrives or a schedule found meanwhile reaches the proven bound; otherwise whichever
schedule is better when time is up wins.

A child process like score_model.py's HiGHS worker (see child_process.py): killing it is the
only way to stop RC2, and the child never loads OR-Tools or HiGHS.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .child_process import Child
from .formulation import Formulation
from .instance import Instance
from .schedule import Placement


class ExactGapSearch:
    """The MaxSAT worker for one placement's meetings, started at once and polled."""

    def __init__(
        self, instance: Instance, formulation: Formulation, start: Placement, time_limit: float
    ) -> None:
        self.formulation = formulation
        problem = gap_problem(instance, formulation, start) | {"time_limit": time_limit}
        self._child = Child("maxsat_worker", problem)

    def lower_bound(self) -> int:
        """The fewest gaps any schedule of these meetings can have, as far as proven so far."""
        return self._child.latest.get("bound", (0,))[0]

    def result(self) -> Placement | None:
        """The optimal placement once the worker has finished, else None (never blocks)."""
        child = self._child
        if child.running():
            return None
        if child.process.returncode < 0:
            return None  # stopped by a signal: its own time limit ran out
        if child.process.returncode != 0:
            raise RuntimeError(f"MaxSAT worker failed: {child.failure()}")
        (optimum,) = child.latest.get("optimum", (None,))
        if optimum is None:
            return None
        return dict(self.formulation.placements[column] for column in optimum)

    def stop(self) -> None:
        self._child.kill()


def gap_problem(instance: Instance, formulation: Formulation, start: Placement) -> dict[str, Any]:
    """Plain lists for the worker: the placed meetings' columns, the rows, each party's days."""
    columns_of: dict[int, list[int]] = defaultdict(list)
    for column, (meeting, _slot) in enumerate(formulation.placements):
        if meeting in start:
            columns_of[meeting].append(column)
    placement_columns = {column for columns in columns_of.values() for column in columns}
    present = placement_columns | set(formulation.flows.values())
    rows = []
    for row in formulation.rows:
        coefficients = [
            (column, int(value)) for column, value in row.coefficients.items() if column in present
        ]
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

    # Which placement columns keep each party busy in each slot, and which of them at a table.
    busy_columns: dict[int, dict[int, tuple[int, ...]]] = defaultdict(dict)
    table_columns: dict[int, dict[int, tuple[int, ...]]] = defaultdict(dict)
    for (party, _day), columns_at in sorted(formulation.party_day_slots.items()):
        for slot, columns in sorted(columns_at.items()):
            placed = tuple(column for column in columns if column in placement_columns)
            if placed:
                busy_columns[party][slot] = placed
            at_table = tuple(
                column
                for column in placed
                if instance.meetings[formulation.placements[column][0]].at_table
            )
            if at_table:
                table_columns[slot][party] = at_table

    party_days = []
    for party, day in sorted(formulation.party_day_slots):
        busy = [busy_columns[party].get(slot, ()) for slot in day_slots[day]]
        if meeting_count[party] < 2 or sum(1 for columns in busy if columns) < 2:
            continue  # no gap is possible
        # A fixed number of meetings that day only for parties meeting on one day (see
        # gap_model.py: the same windows).
        count = meeting_count[party] if len(days_of_party[party]) == 1 else None
        party_days.append((busy, count))
    # Implied constraints (true of every schedule of these meetings, so the optimum stays the
    # same): a party is busy in exactly as many slots as it has meetings, and a slot's table
    # meetings keep twice as many parties busy as there are meetings, so at most twice the
    # tables. Counting busy parties is what lets the SAT solver see that a full slot cannot
    # take another party's window: forumt-14crafe (236 meetings at 240 table places) went from
    # over two minutes to 4 s, ticf-13crafb from 51-84 s to 24 s.
    party_meetings = [
        (list(busy_columns[party].values()), meeting_count[party])
        for party in sorted(busy_columns)
        if 1 < meeting_count[party] < len(busy_columns[party])
    ]
    seats = 2 * instance.tables_per_slot
    table_seats = [
        list(by_party.values())
        for _slot, by_party in sorted(table_columns.items())
        if len(by_party) > seats
    ]
    return {
        "columns": sorted(present),
        "placement_columns": placement_columns,
        "meetings": [columns_of[meeting] for meeting in sorted(columns_of)],
        "rows": rows,
        "party_days": party_days,
        "party_meetings": party_meetings,
        "table_seats": table_seats,
        "seats_per_slot": seats,
    }
