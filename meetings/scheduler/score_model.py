"""Phase 1: maximise the total score with HiGHS' MIP solver, warm-started from the greedy schedule.

HiGHS proves its dual bound from the LP relaxation of formulation.py plus its cuts and branching,
which is what the result reports as `upper_bound`.

HiGHS runs in a child process (mip_worker.py). OR-Tools (phase 2) ships its own build of HiGHS,
and the two builds cannot be loaded into one process (whichever loads second fails on missing
symbols); see child_process.py. highspy rather than scipy's bundled HiGHS because highspy takes
a warm start and is a newer HiGHS: on the pavilion-scale instances it proves optimality in about
10 s where scipy.milp has not closed the gap after 36 s.
"""

from __future__ import annotations

import math
import pickle
import subprocess
from dataclasses import dataclass
from typing import Any

from .child_process import start_child
from .formulation import Formulation
from .instance import Instance
from .progress import Progress
from .schedule import Placement, assign_interpreters, total_score

# Starting the child process and importing HiGHS there.
STARTUP_SECONDS = 1.0
# Priority meetings (a first-time exhibitor's) earn this share of the start's score, split among
# them, on top of their score in the MIP's objective: far below any difference of two schedules'
# scores, so it only breaks ties, and below the 1e-6 the result treats as optimal, so the
# reported bound (on score plus this) still proves a score-optimal schedule optimal.
PRIORITY_SHARE = 1e-7


@dataclass
class ScoreSolution:
    placement: Placement
    upper_bound: float


def maximise_score(
    instance: Instance,
    formulation: Formulation,
    start: Placement,
    time_limit: float,
    on_progress: Progress,
) -> ScoreSolution:
    """Best placement HiGHS finds within `time_limit`, never worse than `start`."""
    problem = _problem(instance, formulation, start, time_limit - STARTUP_SECONDS)
    values, bound = _run_worker(problem, time_limit, on_progress)
    if not math.isfinite(bound):
        # Stopped before the root LP finished: every meeting that can be placed is a valid bound.
        bound = sum(
            instance.meetings[m].score for m, slots in enumerate(instance.candidate_slots) if slots
        )
    placement = dict(start)
    if values is not None:
        found = {
            formulation.placements[column][0]: formulation.placements[column][1]
            for column in range(len(formulation.placements))
            if values[column] > 0.5
        }
        if _preferred(instance, found, start):
            placement = found
    on_progress(1.0, {"phase": "score", "score": total_score(instance, placement), "bound": bound})
    return ScoreSolution(placement, bound)


def _preferred(instance: Instance, found: Placement, start: Placement) -> bool:
    """True when `found` scores more than `start`, or as much with more priority meetings."""
    found_score, start_score = total_score(instance, found), total_score(instance, start)
    if found_score > start_score + 1e-9:
        return True
    priority = instance.priority_meetings
    return found_score >= start_score - 1e-9 and len(priority & found.keys()) > len(
        priority & start.keys()
    )


def lp_relaxation_bound(instance: Instance, formulation: Formulation) -> float:
    """The LP relaxation's optimum: a proven upper bound on the total score.

    The MIP's dual bound is at least as tight; this one is for judging schedules against the
    textbook yardstick. scipy's HiGHS is linked privately, so it can share a process with
    OR-Tools.
    """
    from scipy.optimize import linprog
    from scipy.sparse import csr_array

    problem = _problem(instance, formulation, {}, 0.0, tie_break=False)
    matrix = csr_array(
        (
            problem["row_values"],
            problem["row_columns"],
            [*problem["row_starts"], len(problem["row_columns"])],
        ),
        shape=(len(problem["row_lower"]), len(problem["scores"])),
    )
    lower, upper = problem["row_lower"], problem["row_upper"]
    equal = [number for number in range(len(lower)) if lower[number] == upper[number]]
    below = [number for number in range(len(lower)) if lower[number] != upper[number]]
    result = linprog(
        [-score for score in problem["scores"]],
        A_ub=matrix[below] if below else None,
        b_ub=[upper[n] for n in below] or None,
        A_eq=matrix[equal] if equal else None,
        b_eq=[lower[n] for n in equal] or None,
        bounds=list(zip(problem["lower"], [1.0] * len(problem["scores"]), strict=True)),
        method="highs",
    )
    if result.status != 0:
        raise RuntimeError(f"LP relaxation failed: {result.message}")
    return -result.fun


def _run_worker(
    problem: dict[str, Any], time_limit: float, on_progress: Progress
) -> tuple[list[float] | None, float]:
    worker = start_child("mip_worker")
    payload: bytes | None = pickle.dumps(problem, protocol=pickle.HIGHEST_PROTOCOL)
    waited = 0.0
    while True:
        try:
            output, errors = worker.communicate(payload, timeout=1.0)
            break
        except subprocess.TimeoutExpired:
            payload = None  # already sent; communicate() must not send it twice
            waited += 1.0
            on_progress(min(waited / max(time_limit, 0.1), 1.0), {"phase": "score"})
    if worker.returncode != 0:
        raise RuntimeError(f"HiGHS worker failed: {errors.decode(errors='replace').strip()}")
    return pickle.loads(output)


def _problem(
    instance: Instance,
    formulation: Formulation,
    start: Placement,
    time_limit: float,
    tie_break: bool = True,
) -> dict[str, Any]:
    """Plain lists only: the problem crosses into the child process by pickling.

    With `tie_break`, priority meetings earn a bonus too small to trade any score for.
    """
    columns = formulation.column_count
    scores = [0.0] * columns
    lower = [0.0] * columns
    initial = [0.0] * columns
    priority = instance.priority_meetings if tie_break else frozenset()
    bonus = (
        PRIORITY_SHARE * max(1.0, total_score(instance, start)) / len(priority) if priority else 0.0
    )
    for column, (meeting, slot) in enumerate(formulation.placements):
        scores[column] = instance.meetings[meeting].score + (bonus if meeting in priority else 0.0)
        if instance.meetings[meeting].fixed_slot is not None:
            lower[column] = 1.0
        if start.get(meeting) == slot:
            initial[column] = 1.0
    # The warm start must be complete: HiGHS rejects one whose interpreter flows are missing.
    for meeting, interpreter in assign_interpreters(instance, start).items():
        languages = instance.meetings[meeting].languages
        initial[formulation.flows[languages, start[meeting], interpreter]] += 1.0  # type: ignore[index]
    row_starts, row_columns, row_values = [], [], []
    for row in formulation.rows:
        row_starts.append(len(row_columns))
        row_columns.extend(row.coefficients)
        row_values.extend(row.coefficients.values())
    return {
        "scores": scores,
        "lower": lower,
        "integer_columns": len(formulation.placements),
        "row_starts": row_starts,
        "row_columns": row_columns,
        "row_values": row_values,
        "row_lower": [row.lower for row in formulation.rows],
        "row_upper": [row.upper for row in formulation.rows],
        "start": initial,
        "time_limit": max(time_limit, 0.1),
    }
