"""Phase 1: maximise the total score with HiGHS' MIP solver, warm-started from the greedy schedule.

HiGHS proves its dual bound from the LP relaxation of formulation.py plus its cuts and branching,
which is what the result reports as `upper_bound`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from .formulation import Formulation
from .instance import Instance
from .schedule import Placement, total_score

Progress = Callable[[float, str], None]


@dataclass
class ScoreSolution:
    placement: Placement
    upper_bound: float


def maximise_score(instance: Instance, formulation: Formulation, start: Placement,
                   time_limit: float, on_progress: Progress) -> ScoreSolution:
    """Best placement HiGHS finds within `time_limit`, never worse than `start`."""
    costs = np.zeros(formulation.column_count)
    lower = np.zeros(formulation.column_count)
    integrality = np.zeros(formulation.column_count)
    for column, (meeting, _slot) in enumerate(formulation.placements):
        costs[column] = -instance.meetings[meeting].score  # milp minimises
        integrality[column] = 1
        if instance.meetings[meeting].fixed_slot is not None:
            lower[column] = 1.0
    rows, columns, values = [], [], []
    for number, row in enumerate(formulation.rows):
        rows.extend([number] * len(row.coefficients))
        columns.extend(row.coefficients.keys())
        values.extend(row.coefficients.values())
    matrix = sparse.csr_array((values, (rows, columns)),
                              shape=(len(formulation.rows), formulation.column_count))
    constraints = LinearConstraint(matrix, [row.lower for row in formulation.rows],
                                   [row.upper for row in formulation.rows])
    on_progress(0.0, "maximising score")
    result = milp(costs, integrality=integrality, bounds=Bounds(lower, 1.0),
                  constraints=constraints,
                  options={"time_limit": max(time_limit, 0.1), "mip_rel_gap": 1e-6})
    bound = -result.mip_dual_bound if result.mip_dual_bound is not None else math.inf
    if not math.isfinite(bound):
        # Stopped before the root LP finished: every meeting that can be placed is a valid bound.
        bound = sum(instance.meetings[m].score
                    for m, slots in enumerate(instance.candidate_slots) if slots)
    placement = dict(start)
    if result.x is not None:
        found = {formulation.placements[column][0]: formulation.placements[column][1]
                 for column in range(len(formulation.placements)) if result.x[column] > 0.5}
        if total_score(instance, found) > total_score(instance, start) + 1e-9:
            placement = found
    on_progress(1.0, f"score {total_score(instance, placement):.1f}, bound {bound:.1f}")
    return ScoreSolution(placement, bound)
