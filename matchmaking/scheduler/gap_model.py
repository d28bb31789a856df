"""Phase 2: keep the meetings phase 1 placed, move them between slots to minimise idle gaps.

Holding the set of placed meetings keeps the score exactly (never trading score for gaps).

The search is a large-neighbourhood search: free the meetings of a few slots of one day, or of a
party with gaps and its partners, keep everything else where it is, and let OR-Tools' CP-SAT
re-solve that small model exactly. CP-SAT on the whole model improves far more slowly on the
published B2B instances: most of its time goes into presolving thousands of variables that a
neighbourhood leaves alone, so each sub-model here is built from the free meetings only, with the
fixed ones folded into constants.

Gaps are encoded the way MaxSAT encodings of the B2B problem do: one literal per possible gap,
forced up by "busy here, free next slot, busy again later that day".
"""

from __future__ import annotations

import random
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from .formulation import Formulation
from .instance import Instance
from .schedule import Placement, count_gaps, gaps_per_party

Progress = Callable[[float, str], None]
# A party's busy state in one slot of a sub-model: known (True/False) or decided by CP-SAT.
Busy = bool | cp_model.IntVar

NEIGHBOURHOOD_SECONDS = 1.0
STATS = []
IMPLIED = True
PARTY_NEIGHBOURHOOD_SHARE = 0.3
WINDOW_SLOTS = (3, 8)


def minimise_gaps(instance: Instance, formulation: Formulation, start: Placement,
                  time_limit: float, on_progress: Progress, seed: int = 0) -> Placement:
    """The same meetings as `start`, with as few gaps as found within `time_limit` seconds."""
    deadline = time.monotonic() + time_limit
    best, best_gaps = dict(start), count_gaps(instance, start)
    on_progress(0.0, f"gaps {best_gaps}")
    search = NeighbourhoodSearch(instance, formulation)
    rng = random.Random(seed)
    while best_gaps > 0 and (remaining := deadline - time.monotonic()) > 0.05:
        free_meetings, free_slots = _neighbourhood(instance, best, rng)
        found = search.reoptimise(best, free_meetings, free_slots,
                                  min(NEIGHBOURHOOD_SECONDS, remaining), rng.randrange(1 << 16))
        if found is None:
            continue
        gaps = count_gaps(instance, found)
        # Equal moves are accepted too: they let the search drift across plateaus.
        if gaps <= best_gaps:
            if gaps < best_gaps:
                on_progress(1.0 - remaining / time_limit, f"gaps {gaps}")
            best, best_gaps = found, gaps
    return best


@dataclass
class _Row:
    coefficients: dict[int, float]
    lower: float
    upper: float


class NeighbourhoodSearch:
    """Builds and solves the CP-SAT model of one neighbourhood of a placement."""

    def __init__(self, instance: Instance, formulation: Formulation) -> None:
        self.instance = instance
        self.formulation = formulation
        self.column_of = {placement: column
                          for column, placement in enumerate(formulation.placements)}
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

    def reoptimise(self, current: Placement, free_meetings: set[int],
                   free_slots: set[int] | None, seconds: float, seed: int) -> Placement | None:
        """Best re-placement of `free_meetings` (within `free_slots` if given), others fixed."""
        instance = self.instance
        fixed = {meeting: slot for meeting, slot in current.items()
                 if meeting not in free_meetings}
        fixed_busy = {(party, slot) for meeting, slot in fixed.items()
                      for party in instance.meetings[meeting].parties}
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

        gap_literals = []
        touched_parties = {party for meeting in free_meetings
                           for party in instance.meetings[meeting].parties}
        for party in touched_parties:
            for day in {instance.slots[slot].day for slot in touched_slots}:
                busy = self._busy(model, variables, fixed_busy, party, day)
                gaps = _gap_literals(model, busy)
                if IMPLIED:
                    _window(model, busy, gaps)
                gap_literals += gaps
        model.minimize(sum(gap_literals))

        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(seconds, 0.01)
        solver.parameters.num_workers = 1
        solver.parameters.random_seed = seed
        status = solver.solve(model)
        STATS.append((solver.wall_time, status == cp_model.OPTIMAL, len(free_meetings), free_slots is None))
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return None
        placement = dict(fixed)
        for column, variable in variables.items():
            if column < len(self.formulation.placements) and solver.boolean_value(variable):
                meeting, slot = self.formulation.placements[column]
                placement[meeting] = slot
        return placement

    def _add_rows(self, model: cp_model.CpModel, variables: dict[int, cp_model.IntVar],
                  fixed_on: set[int]) -> None:
        """The formulation's rows over the free columns, fixed columns folded into constants."""
        rows = {number for column in variables for number in self.rows_of[column]}
        for number in rows:
            row = self.formulation.rows[number]
            constant = sum(value for column, value in row.coefficients.items()
                           if column in fixed_on)
            # Every coefficient is +-1 (see formulation.py), so the rows carry over as integers.
            expression = sum(int(value) * variables[column]
                             for column, value in row.coefficients.items() if column in variables)
            model.add_linear_constraint(expression, int(row.lower - constant),
                                        int(row.upper - constant))

    def _busy(self, model: cp_model.CpModel, variables: dict[int, cp_model.IntVar],
              fixed_busy: set[tuple[int, int]], party: int, day: int) -> list[Busy]:
        """Whether `party` meets in each slot of `day`, in time order."""
        busy: list[Busy] = []
        columns_at = self.formulation.party_day_slots.get((party, day), {})
        for slot in self.day_slots[day]:
            free = [variables[column] for column in columns_at.get(slot, ())
                    if column in variables]
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
            literals = [c for c in conditions if c is not True]
            gap = model.new_bool_var("gap")
            model.add_bool_or([gap, *(_negate(literal) for literal in literals)])
            gaps.append(gap)
        later = _either(model, following, later)
    return gaps


def _window(model: cp_model.CpModel, busy: list[Busy], gaps: list[cp_model.IntVar]) -> None:
    """Implied: without gaps, the day's meetings fill the window [first, last] exactly."""
    if not gaps:
        return
    first = model.new_int_var(0, len(busy) - 1, "first")
    last = model.new_int_var(0, len(busy) - 1, "last")
    for position, here in enumerate(busy):
        if here is True:
            model.add(first <= position)
            model.add(last >= position)
        elif here is not False:
            model.add(first <= position).only_enforce_if(here)
            model.add(last >= position).only_enforce_if(here)
    idle = last - first + 1 - sum(busy)
    model.add(idle >= sum(gaps))
    model.add(idle <= len(busy) * sum(gaps))


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


def _neighbourhood(instance: Instance, placement: Placement,
                   rng: random.Random) -> tuple[set[int], set[int] | None]:
    """Meetings to free, and the slots they may move among (None: any of their slots)."""
    if rng.random() < PARTY_NEIGHBOURHOOD_SHARE:
        gappy = sorted(party for party, gaps in gaps_per_party(instance, placement).items()
                       if gaps)
        if gappy:
            party = rng.choice(gappy)
            partners = {other for meeting in placement
                        if party in instance.meetings[meeting].parties
                        for other in instance.meetings[meeting].parties}
            return set(_meetings_of(instance, placement, partners)), None
    day = instance.slots[rng.randrange(len(instance.slots))].day
    day_slots = [index for index, slot in enumerate(instance.slots) if slot.day == day]
    size = min(len(day_slots), rng.randint(*WINDOW_SLOTS))
    if rng.random() < 0.5:
        first = rng.randrange(len(day_slots) - size + 1)
        slots = set(day_slots[first:first + size])
    else:
        slots = set(rng.sample(day_slots, size))
    return {meeting for meeting, slot in placement.items() if slot in slots}, slots


def _meetings_of(instance: Instance, placement: Placement, parties: set[int]) -> Iterable[int]:
    return (meeting for meeting in placement
            if parties.intersection(instance.meetings[meeting].parties))
