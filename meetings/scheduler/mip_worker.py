"""Child process of score_model.py: solves one MIP with highspy.

Reads a pickled problem dict on standard input, writes the pickled (column values or None,
dual bound) on standard output. Kept apart from the package's imports so OR-Tools never loads
here (see score_model.py).
"""

from __future__ import annotations

import pickle
import sys
from typing import Any

import highspy
import numpy as np


def solve_mip(problem: dict[str, Any]) -> tuple[list[float] | None, float]:
    """Column values (None if no solution found) and HiGHS' proven dual bound."""
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("time_limit", problem["time_limit"])
    highs.setOptionValue("mip_rel_gap", 1e-6)
    highs.setOptionValue("random_seed", 0)
    columns = len(problem["scores"])
    empty = np.array([], dtype=np.int32)
    highs.addCols(
        columns,
        np.array(problem["scores"]),
        np.array(problem["lower"]),
        np.ones(columns),
        0,
        empty,
        empty,
        np.array([]),
    )
    highs.changeColsIntegrality(
        problem["integer_columns"],
        np.arange(problem["integer_columns"], dtype=np.int32),
        np.full(problem["integer_columns"], highspy.HighsVarType.kInteger),
    )
    highs.addRows(
        len(problem["row_lower"]),
        np.array(problem["row_lower"]),
        np.array(problem["row_upper"]),
        len(problem["row_columns"]),
        np.array(problem["row_starts"], dtype=np.int32),
        np.array(problem["row_columns"], dtype=np.int32),
        np.array(problem["row_values"]),
    )
    highs.changeObjectiveSense(highspy.ObjSense.kMaximize)
    solution = highspy.HighsSolution()
    solution.col_value = problem["start"]
    solution.value_valid = True
    highs.setSolution(solution)
    highs.run()
    info = highs.getInfo()
    values = None
    if info.primal_solution_status == highspy.SolutionStatus.kSolutionStatusFeasible:
        values = list(highs.getSolution().col_value)
    return values, info.mip_dual_bound


if __name__ == "__main__":
    result = solve_mip(pickle.load(sys.stdin.buffer))
    sys.stdout.buffer.write(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
