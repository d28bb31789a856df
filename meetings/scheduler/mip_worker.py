"""Child process of score_model.py: solves one MIP, or its LP relaxation, with highspy.

Reads a pickled problem dict on standard input. Writes pickled messages on standard output as it
goes, so that the parent can stop it at its deadline and keep what arrived (HiGHS' own time
limit is not checked during a large MIP's presolve and root cuts: on a fair of 15,000 meetings a
40 s limit ran past 200 s):

- `("solution", columns, bound)`: an improving MIP solution, as the placement columns set to 1,
  with the dual bound proven at that moment;
- `("final", columns, bound)` when HiGHS stops: the best solution's columns (None if none) and
  its dual bound;
- with `problem["relaxation"]`, only `("relaxation", values, objective)`: the LP optimum's
  nonzero placement columns as {column: value} and its objective (None, nan if not optimal).

Kept apart from the package's imports so OR-Tools never loads here (see score_model.py).
"""

from __future__ import annotations

import math
import pickle
import sys
from collections.abc import Callable
from typing import Any

import highspy
import numpy as np

Send = Callable[..., None]


def _model(problem: dict[str, Any], integer: bool) -> highspy.Highs:
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("time_limit", problem["time_limit"])
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
    if integer:
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
    return highs


def _chosen(values: Any, integer_columns: int) -> list[int]:
    return [column for column in range(integer_columns) if values[column] > 0.5]


def solve_mip(problem: dict[str, Any], send: Send | None = None) -> tuple[list[int] | None, float]:
    """The best solution's placement columns (None if none found) and HiGHS' dual bound.

    `send("solution", columns, bound)` is called at each improving solution.
    """
    highs = _model(problem, integer=True)
    highs.setOptionValue("mip_rel_gap", 1e-6)
    if send is not None:

        def improved(event: Any) -> None:
            data = event.data_out
            send(
                "solution",
                _chosen(data.mip_solution, problem["integer_columns"]),
                data.mip_dual_bound,
            )

        highs.cbMipImprovingSolution.subscribe(improved)
    solution = highspy.HighsSolution()
    solution.col_value = problem["start"]
    solution.value_valid = True
    highs.setSolution(solution)
    highs.run()
    info = highs.getInfo()
    columns = None
    if info.primal_solution_status == highspy.SolutionStatus.kSolutionStatusFeasible:
        columns = _chosen(highs.getSolution().col_value, problem["integer_columns"])
    return columns, info.mip_dual_bound


def solve_relaxation(problem: dict[str, Any]) -> tuple[dict[int, float] | None, float]:
    """The LP relaxation's nonzero placement values and its optimum (None, nan if not optimal)."""
    highs = _model(problem, integer=False)
    highs.run()
    if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return None, math.nan
    values = highs.getSolution().col_value
    nonzero = {
        column: values[column]
        for column in range(problem["integer_columns"])
        if values[column] > 1e-6
    }
    return nonzero, highs.getInfo().objective_function_value


def main() -> None:
    problem = pickle.load(sys.stdin.buffer)
    output = sys.stdout.buffer

    def send(*message: Any) -> None:
        pickle.dump(message, output, protocol=pickle.HIGHEST_PROTOCOL)
        output.flush()

    if problem.get("relaxation"):
        send("relaxation", *solve_relaxation(problem))
    else:
        send("final", *solve_mip(problem, send))


if __name__ == "__main__":
    main()
