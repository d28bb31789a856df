"""Phase 2: keep the meetings phase 1 placed, move them between slots to minimise idle gaps.

Holding the set of placed meetings keeps the score exactly (never trading score for gaps) and
turns every "at most once" into "exactly once", which propagates far better.

The model is OR-Tools CP-SAT. Gap counting is all "busy here, free next, busy later" logic that a
MIP's LP relaxation bounds badly and clause learning handles well, so it is written the way
MaxSAT encodings of the B2B problem write it: one literal per possible gap, plus the implied
constraint that a party without gaps fits its meetings in a window exactly as long as their
number (Bofill et al., JAIR 2022, report such implied constraints matter most).

The whole model alone improves slowly on the published instances, so after a short global run
the search is a large-neighbourhood search: free the meetings of a few slots of one day (or of a
party with gaps and its partners), fix the rest, and re-solve that small model exactly.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from .formulation import Formulation
from .instance import Instance
from .schedule import Placement, assign_interpreters, count_gaps, gaps_per_party

Progress = Callable[[float, str], None]

GLOBAL_SHARE = 0.25  # of phase 2's time, for CP-SAT on the whole model before the LNS
# CP-SAT's portfolio (LNS workers among them) beats two plain workers even on two cores.
GLOBAL_WORKERS = 8
CARD = False
PATTERNS = False
STATS = []
IDLE = False
LOG = False
SPANS = []
NEIGHBOURHOOD_SECONDS = 1.5
PARTY_NEIGHBOURHOOD_SHARE = 0.3
WINDOW_SLOTS = (4, 7)


@dataclass
class GapModel:
    model: cp_model.CpModel
    columns: list[cp_model.IntVar]
    # meeting -> [(slot, column)] for the placed meetings
    options: dict[int, list[tuple[int, int]]]


def minimise_gaps(instance: Instance, formulation: Formulation, start: Placement,
                  time_limit: float, on_progress: Progress, seed: int = 0) -> Placement:
    """The same meetings as `start`, with as few gaps as found within `time_limit` seconds."""
    deadline = time.monotonic() + time_limit
    best, best_gaps = start, count_gaps(instance, start)
    if time_limit <= 0.5 or best_gaps == 0:
        return start
    gap_model = _build(instance, formulation, start)
    on_progress(0.0, f"gaps {best_gaps}")

    found, proven = _solve(gap_model, instance, formulation, start,
                           time_limit * GLOBAL_SHARE, workers=GLOBAL_WORKERS, seed=seed)
    if found is not None and count_gaps(instance, found) < best_gaps:
        best, best_gaps = found, count_gaps(instance, found)
        on_progress(GLOBAL_SHARE, f"gaps {best_gaps}")
    if proven:
        return best

    rng = random.Random(seed)
    while best_gaps > 0 and (remaining := deadline - time.monotonic()) > 0.2:
        free_meetings, free_slots = _neighbourhood(instance, best, rng)
        found, _ = _solve(gap_model, instance, formulation, best,
                          min(NEIGHBOURHOOD_SECONDS, remaining), workers=2,
                          seed=rng.randrange(1 << 16), free=(free_meetings, free_slots))
        if found is None:
            continue
        gaps = count_gaps(instance, found)
        # Equal moves are accepted too: they let the search drift across plateaus.
        if gaps <= best_gaps:
            if gaps < best_gaps:
                on_progress(1.0 - remaining / time_limit, f"gaps {gaps}")
            best, best_gaps = found, gaps
    return best


def _build(instance: Instance, formulation: Formulation, start: Placement) -> GapModel:
    model = cp_model.CpModel()
    columns = [model.new_bool_var(f"c{column}") for column in range(formulation.column_count)]
    options: dict[int, list[tuple[int, int]]] = {}
    for column, (meeting, slot) in enumerate(formulation.placements):
        if meeting in start:
            options.setdefault(meeting, []).append((slot, column))
        else:
            model.add(columns[column] == 0)
    for choices in options.values():
        model.add_exactly_one(columns[column] for _slot, column in choices)
    for row in formulation.rows:
        # Every coefficient is +-1 (see formulation.py), so the rows carry over as integers.
        expression = sum(int(value) * columns[column]
                         for column, value in row.coefficients.items())
        model.add_linear_constraint(expression, int(row.lower), int(row.upper))

    gap_literals: list[cp_model.IntVar] = []
    busy_of_party: dict[int, list] = {}
    count = {}
    for meeting in start:
        for party in instance.meetings[meeting].parties:
            count[party] = count.get(party, 0) + 1
    days_of = {}
    for (party, day) in formulation.party_day_slots:
        days_of.setdefault(party, []).append(day)
    pattern_terms = []
    for (party, day), by_slot in formulation.party_day_slots.items():
        if PATTERNS and len(days_of[party]) == 1 and party in count:
            terms = _patterns(model, columns, party, by_slot, count[party], start, instance)
            if terms is not None:
                pattern_terms += terms
                continue
        if len(by_slot) >= 2:
            gl, busy = _party_day_gaps(model, columns, party, day, by_slot)
            gap_literals += gl
            busy_of_party.setdefault(party, []).extend(busy.values())
    if CARD:
        count = {}
        for meeting in start:
            for party in instance.meetings[meeting].parties:
                count[party] = count.get(party, 0) + 1
        for party, busy in busy_of_party.items():
            if len(days_of[party]) == 1:
                model.add(sum(busy) == count[party])
    if IDLE:
        model.minimize(sum(SPANS))
    else:
        model.minimize(sum(gap_literals) + sum(pattern_terms))
    return GapModel(model, columns, options)


def _party_day_gaps(model: cp_model.CpModel, columns: list[cp_model.IntVar], party: int,
                    day: int, by_slot: dict[int, list[int]]) -> list[cp_model.IntVar]:
    """Literals that are forced to 1 by each gap of one party on one day.

    Slot indices of one day are consecutive, so adjacency is `slot + 1`.
    """
    busy = {}
    for slot, slot_columns in by_slot.items():
        busy[slot] = model.new_bool_var(f"busy_p{party}_s{slot}")
        model.add(busy[slot] == sum(columns[column] for column in slot_columns))
    low, high = min(busy), max(busy)
    # later[slot]: the party meets after `slot` that day; only ever forced up, which is all a
    # minimisation needs.
    later: dict[int, cp_model.IntVar | None] = {high: None}
    for slot in range(high - 1, low - 1, -1):
        following, rest = busy.get(slot + 1), later[slot + 1]
        if following is None or rest is None:
            later[slot] = following if rest is None else rest
        else:
            later[slot] = model.new_bool_var(f"later_p{party}_s{slot}")
            model.add_implication(following, later[slot])
            model.add_implication(rest, later[slot])
    gaps = []
    for slot, here in busy.items():
        rest = later.get(slot + 1)
        if slot == high or rest is None:
            continue
        gap = model.new_bool_var(f"gap_p{party}_s{slot}")
        clause = [gap, ~here, ~rest]
        if slot + 1 in busy:
            clause.append(busy[slot + 1])
        model.add_bool_or(clause)
        gaps.append(gap)

    # Implied: without gaps, the meetings fill the window [first, last] exactly.
    meets = model.new_bool_var(f"meets_p{party}_d{day}")
    model.add_max_equality(meets, list(busy.values()))
    first = model.new_int_var(low, high, f"first_p{party}_d{day}")
    last = model.new_int_var(low, high, f"last_p{party}_d{day}")
    for slot, here in busy.items():
        model.add(first <= slot).only_enforce_if(here)
        model.add(last >= slot).only_enforce_if(here)
    idle = last - first + 1 - sum(busy.values())
    model.add(idle >= sum(gaps)).only_enforce_if(meets)
    model.add(idle <= (high - low + 1) * sum(gaps)).only_enforce_if(meets)
    SPANS.append(last - first)
    return gaps, busy


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
            return {meeting for meeting in placement
                    if partners & set(instance.meetings[meeting].parties)}, None
    day = instance.slots[rng.randrange(len(instance.slots))].day
    day_slots = [index for index, slot in enumerate(instance.slots) if slot.day == day]
    size = min(len(day_slots), rng.randint(*WINDOW_SLOTS))
    if rng.random() < 0.5:
        first = rng.randrange(len(day_slots) - size + 1)
        slots = set(day_slots[first:first + size])
    else:
        slots = set(rng.sample(day_slots, size))
    return {meeting for meeting, slot in placement.items() if slot in slots}, slots


def _solve(gap_model: GapModel, instance: Instance, formulation: Formulation,
           current: Placement, seconds: float, workers: int, seed: int,
           free: tuple[set[int], set[int] | None] | None = None
           ) -> tuple[Placement | None, bool]:
    """Solve the model, or with `free` only its neighbourhood around `current`.

    Returns the placement found (None if none) and whether it is proven optimal.
    """
    model = gap_model.model.clone()
    if free is not None:
        free_meetings, free_slots = free
        for meeting, choices in gap_model.options.items():
            for slot, column in choices:
                if meeting in free_meetings:
                    allowed = free_slots is None or slot in free_slots
                else:
                    allowed = slot == current[meeting]
                if not allowed:
                    # Bool domains are [0, 1]; an upper bound of 0 fixes the column off.
                    model.proto.variables[gap_model.columns[column].index].domain[1] = 0
    _hint(model, instance, formulation, gap_model.columns, current)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(seconds, 0.05)
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    solver.parameters.log_search_progress = LOG
    status = solver.solve(model)
    STATS.append((free is None or free[1] is None, len(free[0]) if free else 0, solver.wall_time, status == cp_model.OPTIMAL, solver.objective_value if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) else None))
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, False
    found = {meeting: slot for column, (meeting, slot) in enumerate(formulation.placements)
             if solver.boolean_value(gap_model.columns[column])}
    return found, status == cp_model.OPTIMAL and free is None


def _hint(model: cp_model.CpModel, instance: Instance, formulation: Formulation,
          columns: list[cp_model.IntVar], placement: Placement) -> None:
    chosen = {column for column, (meeting, slot) in enumerate(formulation.placements)
              if placement.get(meeting) == slot}
    for meeting, interpreter in assign_interpreters(instance, placement).items():
        languages = instance.meetings[meeting].languages
        chosen.add(formulation.flows[languages, placement[meeting], interpreter])  # type: ignore[index]
    for column, variable in enumerate(columns):
        model.add_hint(variable, column in chosen)


def _patterns(model, columns, party, by_slot, n, start, instance):
    slots = set(by_slot)
    def interval(a, length):
        return all(a + i in slots for i in range(length))
    low, high = min(slots), max(slots)
    patterns = []
    for a in range(low, high + 1):
        if a + n - 1 <= high and interval(a, n):
            patterns.append((tuple(range(a, a + n)), 0))
    for l1 in range(1, n):
        l2 = n - l1
        for a in range(low, high + 1):
            if not interval(a, l1):
                continue
            for b in range(a + l1 + 1, high - l2 + 2):
                if interval(b, l2):
                    patterns.append((tuple(range(a, a + l1)) + tuple(range(b, b + l2)), 1))
    if not patterns:
        return None
    current = tuple(sorted(slot for meeting, slot in start.items() if party in instance.meetings[meeting].parties))
    ys = []
    cover = {slot: [] for slot in slots}
    terms = []
    for k, (pattern, gaps) in enumerate(patterns):
        y = model.new_bool_var(f"pat_p{party}_{k}")
        model.add_hint(y, pattern == current)
        ys.append(y)
        for slot in pattern:
            cover[slot].append(y)
        if gaps:
            terms.append(y)
    model.add_exactly_one(ys)
    for slot, cols in by_slot.items():
        model.add(sum(columns[c] for c in cols) == sum(cover[slot]))
    return terms
