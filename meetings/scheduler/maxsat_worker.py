"""Child process of exact_gaps.py: phase 2's gap problem as MaxSAT, solved exactly with RC2.

Reads a pickled problem dict on standard input (built by exact_gaps.py). Writes pickled messages
on standard output: ("bound", gaps) each time its proven lower bound rises, then ("optimum",
columns), the placement columns of an optimal schedule (None if the rows cannot hold). The
parent kills this process when its time is up: RC2 has no time limit of its own.

The encoding follows the MaxSAT models of the B2B problem (Bofill et al., JAIR 2022):
- one variable per placement column (meeting, slot) and per interpreter flow; every row of the
  shared formulation becomes cardinality constraints over them (all coefficients are +-1, so a
  -1 column enters negated);
- per party and day, "busy in this slot" and one literal per possible gap (busy here, free in
  the next slot, busy again later that day);
- a party that meets on one day only either fills one window of consecutive slots exactly as
  long as its number of meetings, or has a gap: the implied constraint that lets the solver
  refute gap-free schedules party by party;
- two more implied constraints, on counts of busy parties (exact_gaps.py says why): each party
  is busy in exactly as many slots as it has meetings, and no more parties sit at a slot's
  tables than twice the tables. Both are written with totalizers that propagate both ways, so
  that a slot filling up pushes the other parties' windows elsewhere;
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
from collections.abc import Callable
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
            self._cardinality(
                CardEnc.atmost(literals, bound, vpool=self.pool, encoding=EncType.seqcounter)
            )

    def at_least(self, literals: list[int], bound: int) -> None:
        if bound <= 0:
            return
        if bound == 1:
            self.hard(list(literals))
        else:
            self.at_most([-literal for literal in literals], len(literals) - bound)

    def exactly(self, literals: list[int], bound: int) -> None:
        if bound > len(literals):
            self.hard([])
        elif bound in (0, len(literals)):
            for literal in literals:
                self.hard([literal if bound else -literal])
        else:
            outputs = self.count(literals, bound + 1)
            self.hard([outputs[bound - 1]])
            self.hard([-outputs[bound]])

    def at_most_counted(self, literals: list[int], bound: int) -> None:
        """at_most with a totalizer: its outputs also propagate the other way (see `count`)."""
        if bound < len(literals):
            self.hard([-self.count(literals, bound + 1)[bound]])

    def count(self, literals: list[int], limit: int) -> list[int]:
        """Unary count of the true `literals`: output k is true exactly when at least k + 1 are,
        up to `limit` outputs (the last then means "at least limit"). A totalizer whose clauses
        go both ways, so that a count known to be small forces literals false, and a count
        known to be large forces them true."""
        level = [[literal] for literal in literals]
        while len(level) > 1:
            merged = [
                self._merge(level[index], level[index + 1], limit)
                for index in range(0, len(level) - 1, 2)
            ]
            level = merged + level[len(merged) * 2 :]
        return level[0]

    def _merge(self, first: list[int], second: list[int], limit: int) -> list[int]:
        size = min(len(first) + len(second), limit)
        outputs = [self.pool.id() for _ in range(size)]
        # At least i of the first and j of the second: at least i + j of both.
        for i, j in itertools.product(range(len(first) + 1), range(len(second) + 1)):
            if i + j:
                self.hard(
                    [
                        *([-first[i - 1]] if i else []),
                        *([-second[j - 1]] if j else []),
                        outputs[min(i + j, size) - 1],
                    ]
                )
        # At least k of both: at least i + 1 of the first or k - i of the second, for each i.
        for k in range(1, size + 1):
            for i in range(k):
                self.hard(
                    [
                        -outputs[k - 1],
                        *([first[i]] if i < len(first) else []),
                        *([second[k - 1 - i]] if k - 1 - i < len(second) else []),
                    ]
                )
        return outputs

    def either(self, literals: list[int]) -> int:
        """A literal equal to the disjunction of `literals` (non-empty); one per distinct set."""
        if len(literals) == 1:
            return literals[0]
        key = ("or", tuple(sorted(literals)))
        if key in self.pool.obj2id:
            return self.pool.obj2id[key]
        result = self.variable(key)
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
    column_variable = {
        column: encoder.variable(("column", column)) for column in problem["columns"]
    }
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

    def busy(columns: tuple[int, ...]) -> int:
        return encoder.either([column_variable[column] for column in columns])

    for busy_columns, count in problem["party_meetings"]:
        encoder.exactly([busy(columns) for columns in busy_columns], count)
    for seats in problem["table_seats"]:
        encoder.at_most_counted([busy(columns) for columns in seats], problem["seats_per_slot"])
    for key, (busy_columns, count) in enumerate(problem["party_days"]):
        _gaps(encoder, key, [busy(columns) if columns else None for columns in busy_columns], count)
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


class BoundReportingRC2(RC2):
    """RC2 that reports each rise of its cost, a proven lower bound on the fewest gaps.

    RC2 usually has the bound long before the optimum (ticf-13crafb: 3 gaps proven unavoidable
    after 5 s, a schedule with 3 found after 34 s), so a schedule found meanwhile by the CP-SAT
    search in the parent is proven optimal as soon as it reaches the bound."""

    def __init__(self, formula: WCNF, on_bound: Callable[[int], None], **options: Any) -> None:
        self.on_bound = on_bound
        self.reported = 0
        super().__init__(formula, **options)

    def _call_oracle(self, *args: Any, **kwargs: Any) -> Any:
        if self.cost > self.reported:
            self.reported = self.cost
            self.on_bound(self.cost)
        return super()._call_oracle(*args, **kwargs)


def solve_gaps(
    problem: dict[str, Any], on_bound: Callable[[int], None] = lambda _bound: None
) -> list[int] | None:
    """Placement columns of a schedule with the fewest gaps; None if the rows cannot hold.

    `on_bound(gaps)` hears each proven lower bound on the number of gaps as it rises."""
    formula, column_variable = encode(problem)
    with BoundReportingRC2(
        formula, on_bound, solver=SAT_SOLVER, adapt=True, exhaust=True, minz=True
    ) as solver:
        model = solver.compute()
    if model is None:
        return None
    true = {literal for literal in model if literal > 0}
    return [
        column
        for column, variable in column_variable.items()
        if variable in true and column in problem["placement_columns"]
    ]


if __name__ == "__main__":
    problem = pickle.load(sys.stdin.buffer)
    # The parent kills this process when its time is up; should the parent die first, the
    # alarm ends it anyway (its default action terminates the process).
    signal.alarm(max(1, math.ceil(problem["time_limit"])))

    def send(message: tuple[str, Any]) -> None:
        pickle.dump(message, sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
        sys.stdout.buffer.flush()

    result = solve_gaps(problem, lambda bound: send(("bound", bound)))
    send(("optimum", result))
