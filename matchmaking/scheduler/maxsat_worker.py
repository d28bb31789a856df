"""Child process of exact_gaps.py: phase 2's gap problem as MaxSAT, solved exactly with RC2.

Reads a pickled problem dict on standard input (built by exact_gaps.py), writes the pickled list
of placement columns of an optimal schedule on standard output. The parent kills this process
when its time is up: RC2 has no time limit of its own, and it only ever reports an optimum.

The encoding follows the MaxSAT models of the B2B problem (Bofill et al., JAIR 2022):
- one variable per placement column (meeting, slot) and per interpreter flow; every row of the
  shared formulation becomes cardinality constraints over them (all coefficients are +-1, so a
  -1 column enters negated);
- per party and day, "busy in this slot" and one literal per possible gap (busy here, free in
  the next slot, busy again later that day);
- a party that meets on one day only either fills one window of consecutive slots exactly as
  long as its number of meetings, or has a gap: the implied constraint that lets the solver
  refute gap-free schedules party by party;
- the objective counts each party-day's gaps in unary (a totalizer over its gap literals, one
  soft clause per output), so that RC2's cores are about whole parties first: "one of these
  parties has a gap", then "one of them has two".
"""

from __future__ import annotations

import itertools
import math
import pickle
import signal
import sys
from typing import Any

from pysat.card import CardEnc, EncType, ITotalizer
from pysat.examples.rc2 import RC2
from pysat.formula import WCNF, IDPool

# CaDiCaL 1.5 as RC2's SAT oracle: on the two hardest B2B instances it proved the optimum in
# 43 and 65 s where Glucose 4 took 69 and 103 s (one core each).
SAT_SOLVER = "cd15"
# Up to this many literals an at-most-one is written pairwise; above, a sequential counter.
PAIRWISE_AT_MOST_ONE = 6


class Encoder:
    def __init__(self) -> None:
        self.pool = IDPool()
        self.formula = WCNF()

    def variable(self, key: Any) -> int:
        return self.pool.id(key)

    def hard(self, clause: list[int]) -> None:
        self.formula.append(clause)

    def soft(self, literal: int) -> None:
        self.formula.append([literal], weight=1)

    def at_most(self, literals: list[int], bound: int) -> None:
        if bound >= len(literals):
            return
        if bound < 0:
            self.hard([])  # cannot hold; RC2 then reports no solution
        elif bound == 0:
            for literal in literals:
                self.hard([-literal])
        elif bound == 1 and len(literals) <= PAIRWISE_AT_MOST_ONE:
            for first, second in itertools.combinations(literals, 2):
                self.hard([-first, -second])
        else:
            self._cardinality(CardEnc.atmost(literals, bound, vpool=self.pool,
                                              encoding=EncType.seqcounter))

    def at_least(self, literals: list[int], bound: int) -> None:
        if bound <= 0:
            return
        if bound == 1:
            self.hard(list(literals))
        else:
            self.at_most([-literal for literal in literals], len(literals) - bound)

    def either(self, literals: list[int]) -> int:
        """A literal equal to the disjunction of `literals` (non-empty)."""
        if len(literals) == 1:
            return literals[0]
        result = self.variable(("or", tuple(literals)))
        self.hard([-result, *literals])
        for literal in literals:
            self.hard([-literal, result])
        return result

    def _cardinality(self, encoding: Any) -> None:
        for clause in encoding.clauses:
            self.hard(clause)


def encode(problem: dict[str, Any]) -> tuple[WCNF, dict[int, int]]:
    """The formula, and the variable of each placement column."""
    encoder = Encoder()
    column_variable = {column: encoder.variable(("column", column))
                       for column in problem["columns"]}
    for columns in problem["meetings"]:
        encoder.hard([column_variable[column] for column in columns])
    for coefficients, lower, upper in problem["rows"]:
        literals, negated = [], 0
        for column, sign in coefficients:
            if sign > 0:
                literals.append(column_variable[column])
            else:
                literals.append(-column_variable[column])
                negated += 1
        encoder.at_most(literals, upper + negated)
        encoder.at_least(literals, lower + negated)
    for key, (busy_columns, count) in enumerate(problem["party_days"]):
        busy = [encoder.either([column_variable[c] for c in columns]) if columns else None
                for columns in busy_columns]
        _gaps(encoder, key, busy, count)
    return encoder.formula, column_variable


def _gaps(encoder: Encoder, key: int, busy: list[int | None], count: int | None) -> None:
    """Gap literals of one party's day, its window constraint, and the soft clauses."""
    gaps: list[int] = []
    later: int | None = None  # busy in some slot after i + 1
    for i in range(len(busy) - 2, -1, -1):
        following = busy[i + 1]
        if busy[i] is not None and later is not None:
            gap = encoder.variable(("gap", key, i))
            encoder.hard([gap, -busy[i], *([following] if following else []), -later])
            encoder.hard([-gap, busy[i]])
            encoder.hard([-gap, later])
            if following is not None:
                encoder.hard([-gap, -following])
            gaps.append(gap)
        if following is not None:
            later = following if later is None else encoder.either([following, later])
    if not gaps:
        return
    if count is not None:
        # One window of `count` consecutive busy slots (free everywhere else), or a gap.
        gappy = encoder.variable(("gappy", key))
        windows = []
        for first in range(len(busy) - count + 1):
            if any(busy[slot] is None for slot in range(first, first + count)):
                continue
            window = encoder.variable(("window", key, first))
            for slot, here in enumerate(busy):
                if here is not None:
                    encoder.hard([-window, here if first <= slot < first + count else -here])
            windows.append(window)
        encoder.hard([gappy, *windows])
        encoder.at_most([gappy, *windows], 1)
        encoder.hard([-gappy, *gaps])
        for gap in gaps:
            encoder.hard([-gap, gappy])
    counter = ITotalizer(gaps, ubound=len(gaps), top_id=encoder.pool.top)
    encoder.pool.top = counter.top_id  # the totalizer numbered its own variables from there
    for clause in counter.cnf.clauses:
        encoder.hard(clause)
    for number, output in enumerate(counter.rhs):
        if number:
            encoder.hard([-output, counter.rhs[number - 1]])
        encoder.soft(-output)


def solve_gaps(problem: dict[str, Any]) -> list[int] | None:
    """Placement columns of a schedule with the fewest gaps; None if the rows cannot hold."""
    formula, column_variable = encode(problem)
    with RC2(formula, solver=SAT_SOLVER, adapt=True, exhaust=True, minz=True) as solver:
        model = solver.compute()
    if model is None:
        return None
    true = {literal for literal in model if literal > 0}
    return [column for column, variable in column_variable.items()
            if variable in true and column in problem["placement_columns"]]


if __name__ == "__main__":
    problem = pickle.load(sys.stdin.buffer)
    # The parent kills this process when its time is up; should the parent die first, the
    # alarm ends it anyway (its default action terminates the process).
    signal.alarm(max(1, math.ceil(problem["time_limit"])))
    result = solve_gaps(problem)
    sys.stdout.buffer.write(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
