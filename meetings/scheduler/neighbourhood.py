"""The CP-SAT model of one neighbourhood of a placement, for the gap search (gap_model.py).

Only the free meetings are variables; fixed meetings fold into constants, so a neighbourhood
costs no more than its own size. Gaps are encoded as MaxSAT encodings of the B2B problem do
(Bofill et al., JAIR 2022): one literal per possible gap, forced up by "busy here, free in the
next slot, busy again later that day"; stage 1's objective instead chooses among each party's
few feasible windows of consecutive slots.
"""

from __future__ import annotations

from collections import defaultdict
from enum import Enum
from typing import TYPE_CHECKING

from .formulation import Formulation
from .instance import Instance
from .schedule import Placement

if TYPE_CHECKING:
    # Imported where used at run time: see score_model.py for why OR-Tools must not be loaded
    # into the process that runs HiGHS.
    from ortools.sat.python import cp_model

    # A party's busy state in one slot of a sub-model: known (True/False) or decided by CP-SAT.
    Busy = bool | cp_model.IntVar

# The machine's cores. Eight time-sliced workers on the whole model (CP-SAT's portfolio) were
# tried too: 14 of the 20 B2B instances at their optimum against 15 with two.
WORKERS = 2
# Stage 2's searches beside the exact search: see gap_model.EXACT_SEARCH_MAX_MEETINGS.
CORE_SEARCH_SUBSOLVERS = ("core", "default_lp")


class Objective(Enum):
    GAPS = "gaps"
    GAPPY_PARTIES = "parties with gaps"


class NeighbourhoodSearch:
    """Builds and solves the CP-SAT model of one neighbourhood of a placement."""

    def __init__(
        self, instance: Instance, formulation: Formulation, *, workers: int = WORKERS
    ) -> None:
        self.instance = instance
        self.formulation = formulation
        self.workers = workers
        self.column_of = {
            placement: column for column, placement in enumerate(formulation.placements)
        }
        self.options: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for column, (meeting, slot) in enumerate(formulation.placements):
            self.options[meeting].append((slot, column))
        self.rows_of: dict[int, list[int]] = defaultdict(list)
        for number, row in enumerate(formulation.rows):
            for column in row.coefficients:
                self.rows_of[column].append(number)
        self.flows_in_slot: dict[int, list[int]] = defaultdict(list)
        for (_languages, slot, _interpreter), column in formulation.flows.items():
            self.flows_in_slot[slot].append(column)
        self.day_slots: dict[int, list[int]] = defaultdict(list)
        for index, slot in enumerate(instance.slots):
            self.day_slots[slot.day].append(index)
        self.days_of_party: dict[int, set[int]] = defaultdict(set)
        for party, day in formulation.party_day_slots:
            self.days_of_party[party].add(day)

    def reoptimise(
        self,
        current: Placement,
        free_meetings: set[int],
        free_slots: set[int] | None,
        seconds: float,
        seed: int,
        *,
        objective: Objective = Objective.GAPS,
        keep_compact: set[int] | None = None,
        workers: int | None = None,
        core_search: bool = False,
    ) -> Placement | None:
        """Best re-placement of `free_meetings` (within `free_slots` if given), others fixed.

        Parties in `keep_compact` must stay without gaps. `workers` overrides the search's own
        count; `core_search` adds CORE_SEARCH_SUBSOLVERS. None when CP-SAT found nothing in time
        (it starts from `current`, which is always feasible, so that is rare).
        """
        from ortools.sat.python import cp_model

        instance = self.instance
        fixed = {meeting: slot for meeting, slot in current.items() if meeting not in free_meetings}
        fixed_busy = {
            (party, slot)
            for meeting, slot in fixed.items()
            for party in instance.meetings[meeting].parties
        }
        model = cp_model.CpModel()
        variables: dict[int, cp_model.IntVar] = {}
        for meeting in free_meetings:
            choices = []
            for slot, column in self.options[meeting]:
                if free_slots is not None and slot not in free_slots:
                    continue
                if any((party, slot) in fixed_busy for party in instance.meetings[meeting].parties):
                    continue
                variables[column] = model.new_bool_var(f"m{meeting}_s{slot}")
                model.add_hint(variables[column], current[meeting] == slot)
                choices.append(variables[column])
            model.add_exactly_one(choices)
        touched_slots = {self.formulation.placements[column][1] for column in variables}
        for slot in touched_slots:
            for column in self.flows_in_slot[slot]:
                variables[column] = model.new_bool_var(f"flow{column}")
        fixed_on = {self.column_of[meeting, slot] for meeting, slot in fixed.items()}
        self._add_rows(model, variables, fixed_on)

        meeting_count: dict[int, int] = defaultdict(int)
        for meeting in current:
            for party in instance.meetings[meeting].parties:
                meeting_count[party] += 1
        touched_parties = {
            party for meeting in free_meetings for party in instance.meetings[meeting].parties
        }
        touched_days = {instance.slots[slot].day for slot in touched_slots}
        gap_literals: list[cp_model.IntVar] = []
        gappy_literals: list[cp_model.IntVar] = []
        for party in sorted(touched_parties):
            single_day = len(self.days_of_party[party]) == 1
            for day in sorted(touched_days & self.days_of_party[party]):
                busy = self._busy(model, variables, fixed_busy, party, day)
                gaps = _gap_literals(model, busy)
                gap_literals += gaps
                if single_day:
                    gappy = _windows(model, busy, gaps, meeting_count[party])
                    if keep_compact is not None and party in keep_compact:
                        model.add(gappy == 0)
                    gappy_literals.append(gappy)
                else:
                    # Parties meeting on several days have no fixed count per day, so no
                    # windows: their gaps count directly.
                    gappy_literals += gaps
        model.minimize(sum(gap_literals if objective is Objective.GAPS else gappy_literals))

        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(seconds, 0.01)
        solver.parameters.num_workers = workers or self.workers
        if core_search:
            solver.parameters.subsolvers.extend(CORE_SEARCH_SUBSOLVERS)
        solver.parameters.random_seed = seed
        if solver.solve(model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return None
        placement = dict(fixed)
        for column, variable in variables.items():
            if column < len(self.formulation.placements) and solver.boolean_value(variable):
                meeting, slot = self.formulation.placements[column]
                placement[meeting] = slot
        return placement

    def _add_rows(
        self, model: cp_model.CpModel, variables: dict[int, cp_model.IntVar], fixed_on: set[int]
    ) -> None:
        """The formulation's rows over the free columns, fixed columns folded into constants."""
        rows = {number for column in variables for number in self.rows_of[column]}
        for number in sorted(rows):
            row = self.formulation.rows[number]
            constant = sum(
                value for column, value in row.coefficients.items() if column in fixed_on
            )
            # Every coefficient is +-1 (see formulation.py), so the rows carry over as integers.
            expression = sum(
                int(value) * variables[column]
                for column, value in row.coefficients.items()
                if column in variables
            )
            model.add_linear_constraint(
                expression, int(row.lower - constant), int(row.upper - constant)
            )

    def _busy(
        self,
        model: cp_model.CpModel,
        variables: dict[int, cp_model.IntVar],
        fixed_busy: set[tuple[int, int]],
        party: int,
        day: int,
    ) -> list[Busy]:
        """Whether `party` meets in each slot of `day`, in time order."""
        busy: list[Busy] = []
        columns_at = self.formulation.party_day_slots.get((party, day), {})
        for slot in self.day_slots[day]:
            free = [variables[column] for column in columns_at.get(slot, ()) if column in variables]
            if (party, slot) in fixed_busy or not free:
                busy.append((party, slot) in fixed_busy)
            else:
                here = model.new_bool_var(f"busy_p{party}_s{slot}")
                model.add(here == sum(free))
                busy.append(here)
        return busy


def _gap_literals(model: cp_model.CpModel, busy: list[Busy]) -> list[cp_model.IntVar]:
    """Literals forced to 1 by each gap in one party's day (`busy` in time order).

    A gap follows slot i when the party meets at i, not at i + 1, and again later. Literals only
    ever get forced up, which is all a minimisation needs.
    """
    gaps: list[cp_model.IntVar] = []
    later: Busy = False  # meets after slot i + 1
    for i in range(len(busy) - 2, -1, -1):
        following = busy[i + 1]
        conditions = [busy[i], _negate(following), later]
        if all(condition is not False for condition in conditions):
            gap = model.new_bool_var("gap")
            model.add_bool_or([gap, *(_negate(c) for c in conditions if c is not True)])
            gaps.append(gap)
        later = _either(model, following, later)
    return gaps


def _windows(
    model: cp_model.CpModel, busy: list[Busy], gaps: list[cp_model.IntVar], count: int
) -> cp_model.IntVar:
    """Literal 'this party has gaps this day'; otherwise it fills one window of `count` slots.

    Only windows that the fixed part allows get a literal, so a party whose meetings cannot be
    consecutive is known to have a gap before the search starts.
    """
    windows = []
    for first in range(len(busy) - count + 1):
        inside, outside = busy[first : first + count], busy[:first] + busy[first + count :]
        if any(here is False for here in inside) or any(here is True for here in outside):
            continue
        window = model.new_bool_var("window")
        for here in inside:
            if here is not True:
                model.add_implication(window, here)
        windows.append((first, window))
    gappy = model.new_bool_var("gappy")
    model.add_exactly_one([gappy, *(window for _, window in windows)])
    if gaps:
        model.add(sum(gaps) >= 1).only_enforce_if(gappy)
    else:
        model.add(gappy == 0)
    for position, here in enumerate(busy):
        if not isinstance(here, bool):
            model.add_bool_or(
                [
                    ~here,
                    gappy,
                    *(window for first, window in windows if first <= position < first + count),
                ]
            )
    return gappy


def _negate(value: Busy) -> Busy:
    return (not value) if isinstance(value, bool) else ~value


def _either(model: cp_model.CpModel, first: Busy, second: Busy) -> Busy:
    if first is True or second is True:
        return True
    if first is False:
        return second
    if second is False:
        return first
    either = model.new_bool_var("later")
    model.add_implication(first, either)
    model.add_implication(second, either)
    return either
