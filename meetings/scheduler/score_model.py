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
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .child_process import Child
from .formulation import Formulation
from .greedy import greedy_placement
from .instance import Instance
from .progress import Progress, State
from .schedule import Placement, assign_interpreters, total_score

# Starting the child process and importing HiGHS there.
STARTUP_SECONDS = 1.0
# Priority meetings (a first-time exhibitor's) earn this share of the start's score, split among
# them, on top of their score in the MIP's objective: far below any difference of two schedules'
# scores, so it only breaks ties, and below the 1e-6 the result treats as optimal, so the
# reported bound (on score plus this) still proves a score-optimal schedule optimal.
PRIORITY_SHARE = 1e-7
# Above this many placement columns (a whole fair: 15,000 meetings make about 300,000) the MIP
# cannot start within the time: on the fair instance HiGHS' MIP presolve alone took 35 s, and a
# 40 s limit ran past 200 s. Its LP relaxation is solved first instead (13 s there, 2 cores
# shared) and rounded by the greedy (greedy.py); the MIP then gets what is left, warm-started
# from the rounding, and is stopped at the deadline with the best solution it reported.
RELAXATION_COLUMNS = 60_000
# Of phase 1's time, at most this share for the relaxation; without its optimum by then, the
# MIP gets the rest from the greedy start.
RELAXATION_SHARE = 0.7
# How often the parent reports progress while a worker runs.
POLL_SECONDS = 1.0
_TOLERANCE = 1e-6


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
    """Best placement found within `time_limit` seconds, never worse than `start`.

    Every worker is stopped at the deadline, keeping the best solution it reported.
    """
    started = time.monotonic()
    deadline = started + time_limit
    best = dict(start)
    bound = math.inf

    def report(state: State) -> None:
        fraction = (time.monotonic() - started) / max(time_limit, 0.1)
        on_progress(
            min(fraction, 1.0), {"phase": "score", "score": total_score(instance, best)} | state
        )

    problem = _problem(instance, formulation, start, time_limit - STARTUP_SECONDS)
    if len(formulation.placements) > RELAXATION_COLUMNS:
        relaxed = _run_worker(
            problem | {"relaxation": True, "time_limit": time_limit * RELAXATION_SHARE},
            started + time_limit * RELAXATION_SHARE,
            report,
        )
        values, objective = relaxed.get("relaxation", (None, math.nan))
        if values is not None and math.isfinite(objective):
            bound = objective
            guide = {formulation.placements[column]: value for column, value in values.items()}
            rounded = greedy_placement(instance, guide)
            if _preferred(instance, rounded, best):
                best = rounded
            report({"bound": bound})
        remaining = deadline - time.monotonic()
        if _proven(instance, best, bound) or remaining < 2 * STARTUP_SECONDS:
            return _solution(instance, best, bound, report)
        problem["start"] = _start_vector(instance, formulation, best)
        problem["time_limit"] = max(remaining - STARTUP_SECONDS, 0.1)

    found = _run_worker(problem, deadline, report)
    for kind in ("solution", "final"):
        columns, mip_bound = found.get(kind, (None, math.nan))
        if math.isfinite(mip_bound):
            bound = min(bound, mip_bound)
        if columns is not None:
            placement = dict(formulation.placements[column] for column in columns)
            if _preferred(instance, placement, best):
                best = placement
    return _solution(instance, best, bound, report)


def _proven(instance: Instance, placement: Placement, bound: float) -> bool:
    score = total_score(instance, placement)
    return bound - score <= _TOLERANCE * max(1.0, abs(bound))


def _solution(
    instance: Instance, placement: Placement, bound: float, report: Callable[[State], None]
) -> ScoreSolution:
    if not math.isfinite(bound):
        # Stopped before any bound arrived: every meeting that can be placed is a valid bound.
        bound = sum(
            instance.meetings[m].score for m, slots in enumerate(instance.candidate_slots) if slots
        )
    # At the time spent, not 1: phase 2 takes what is left, so the fraction goes on from here.
    report({"score": total_score(instance, placement), "bound": bound})
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
    problem: dict[str, Any], deadline: float, report: Callable[[State], None]
) -> dict[str, tuple]:
    """A mip_worker child fed `problem`: the latest message of each kind once it ends, or is
    stopped at `deadline`."""
    child = Child("mip_worker", problem)
    while child.running() and (remaining := deadline - time.monotonic()) > 0:
        child.join(min(POLL_SECONDS, remaining))
        report({})
    stopped = child.running()
    if stopped:
        child.kill()
    # HiGHS writes nothing to standard error (output_flag off): only a traceback lands there.
    if child.process.returncode != 0 and not stopped:
        raise RuntimeError(f"HiGHS worker failed: {child.failure()}")
    return child.latest


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
    priority = instance.priority_meetings if tie_break else frozenset()
    bonus = (
        PRIORITY_SHARE * max(1.0, total_score(instance, start)) / len(priority) if priority else 0.0
    )
    for column, (meeting, _slot) in enumerate(formulation.placements):
        scores[column] = instance.meetings[meeting].score + (bonus if meeting in priority else 0.0)
        if instance.meetings[meeting].fixed_slot is not None:
            lower[column] = 1.0
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
        "start": _start_vector(instance, formulation, start),
        "time_limit": max(time_limit, 0.1),
    }


def _start_vector(instance: Instance, formulation: Formulation, start: Placement) -> list[float]:
    """`start` as a value for every column, the warm start HiGHS takes."""
    initial = [0.0] * formulation.column_count
    wanted = set(start.items())
    for column, placement in enumerate(formulation.placements):
        if placement in wanted:
            initial[column] = 1.0
    # The warm start must be complete: HiGHS rejects one whose interpreter flows are missing.
    for meeting, interpreter in assign_interpreters(instance, start).items():
        languages = instance.meetings[meeting].languages
        initial[formulation.flows[languages, start[meeting], interpreter]] += 1.0  # type: ignore[index]
    return initial
