"""The scheduler's entry points: `solve` (greedy, then score, then gaps) and `greedy`.

Phase 1 maximises the total score with a MIP (score_model.py); phase 2 keeps exactly those
meetings and moves them between slots to cut idle gaps (gap_model.py). Score is never traded for
gaps because phase 2 cannot change which meetings are placed.
"""

from __future__ import annotations

import time
from typing import Any

from .formulation import build_formulation
from .gap_model import minimise_gaps
from .greedy import greedy_placement
from .instance import Instance, load_instance
from .progress import Progress, State, ignore_progress
from .schedule import build_result, total_score
from .score_model import lp_relaxation_bound, maximise_score

# Phase 1 stops early when it proves optimality, which leaves the rest of the time to phase 2.
SCORE_SHARE = 0.6
# Kept back for writing the result, so `seconds` stays within the caller's limit.
RESULT_MARGIN = 0.3


def solve(
    instance: dict[str, Any] | Instance,
    time_limit: float = 60.0,
    progress: Progress | None = None,
    seed: int = 0,
) -> dict[str, Any]:
    """Schedule an instance (dict in the contract's format, or loaded) within `time_limit` s.

    `progress(fraction, state)` is called as the search advances, with the state as codes and
    figures (progress.py). Raises InstanceError for a malformed instance.
    """
    started = time.monotonic()
    report = _never_back(progress or ignore_progress)
    loaded = instance if isinstance(instance, Instance) else load_instance(instance)
    placement = greedy_placement(loaded)
    report(0.0, {"phase": "score", "score": total_score(loaded, placement)})

    formulation = build_formulation(loaded)
    score_limit = time_limit * SCORE_SHARE - (time.monotonic() - started)
    scored = maximise_score(
        loaded,
        formulation,
        placement,
        score_limit,
        lambda fraction, state: report(SCORE_SHARE * fraction, state),
    )

    gap_limit = time_limit - RESULT_MARGIN - (time.monotonic() - started)
    # Phase 2 takes whatever phase 1 left, so its fractions continue from the time spent: the
    # reported fraction follows the clock, without a jump when phase 1 ends early.
    done = min((time.monotonic() - started) / max(time_limit, 1e-9), 1.0)
    placement = minimise_gaps(
        loaded,
        formulation,
        scored.placement,
        gap_limit,
        lambda fraction, state: report(done + (1 - done) * fraction, state),
        seed=seed,
    )
    result = build_result(loaded, placement, scored.upper_bound, time.monotonic() - started)
    report(1.0, {"phase": "solved", "score": result["objective"], "gaps": result["gaps"]})
    return result


def _never_back(progress: Progress) -> Progress:
    """`progress` with fractions that never decrease (a phase may end a little past its share)."""
    furthest = 0.0

    def report(fraction: float, state: State) -> None:
        nonlocal furthest
        furthest = max(furthest, fraction)
        progress(furthest, state)

    return report


def greedy(instance: dict[str, Any] | Instance) -> dict[str, Any]:
    """The greedy baseline's result; its bound is only the sum of the placeable scores."""
    started = time.monotonic()
    loaded = instance if isinstance(instance, Instance) else load_instance(instance)
    placement = greedy_placement(loaded)
    bound = sum(loaded.meetings[m].score for m, slots in enumerate(loaded.candidate_slots) if slots)
    return build_result(loaded, placement, bound, time.monotonic() - started)


def lp_upper_bound(instance: dict[str, Any] | Instance) -> float:
    """The LP relaxation bound on the total score (the solver's own bound is at least as tight)."""
    loaded = instance if isinstance(instance, Instance) else load_instance(instance)
    return lp_relaxation_bound(loaded, build_formulation(loaded))
