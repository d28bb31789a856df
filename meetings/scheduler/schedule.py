"""A schedule under construction, its gaps and its result dict.

A placement maps meeting index -> slot index. Interpreters are chosen only when the result is
written (see interpreters.py), because every optimiser here reasons about interpreter demand per
language pair, not about people.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from itertools import pairwise

from .instance import Instance
from .interpreters import match_interpreters

Placement = dict[int, int]


def total_score(instance: Instance, placement: Mapping[int, int]) -> float:
    return sum(instance.meetings[meeting].score for meeting in placement)


def count_gaps(instance: Instance, placement: Mapping[int, int]) -> int:
    """Idle gaps: per party and day, consecutive meetings that are not in adjacent slots."""
    return sum(gaps_per_party(instance, placement).values())


def gaps_per_party(instance: Instance, placement: Mapping[int, int]) -> Counter[int]:
    busy: dict[int, list[int]] = defaultdict(list)
    for meeting, slot in placement.items():
        for party in instance.meetings[meeting].parties:
            busy[party].append(slot)
    gaps: Counter[int] = Counter()
    for party, slots in busy.items():
        slots.sort()
        gaps[party] = sum(
            1
            for earlier, later in pairwise(slots)
            if instance.slots[earlier].day == instance.slots[later].day and later != earlier + 1
        )
    return gaps


class ScheduleState:
    """Incremental bookkeeping of who is busy when, so a move can be tested in constant time.

    Interpreter feasibility is the one check that is not constant time: it re-runs the matching
    of the slot, which holds only a few interpreter meetings.
    """

    def __init__(self, instance: Instance) -> None:
        self.instance = instance
        self.placement: Placement = {}
        self.busy: set[tuple[int, int]] = set()  # (party, slot)
        self.meetings_of: Counter[int] = Counter()
        self.meetings_on_day: Counter[tuple[int, int]] = Counter()
        self.tables_used: Counter[int] = Counter()
        self.interpreter_needs: dict[int, list[frozenset[str]]] = defaultdict(list)

    def can_place(self, meeting_index: int, slot: int) -> bool:
        instance = self.instance
        meeting = instance.meetings[meeting_index]
        day = instance.slots[slot].day
        for party_index in meeting.parties:
            party = instance.parties[party_index]
            if (party_index, slot) in self.busy:
                return False
            if self.meetings_of[party_index] >= party.max_meetings:
                return False
            if (
                party.max_per_day is not None
                and self.meetings_on_day[party_index, day] >= party.max_per_day
            ):
                return False
        if meeting.at_table and self.tables_used[slot] >= instance.tables_per_slot:
            return False
        if meeting.languages is not None:
            needs = [*self.interpreter_needs[slot], meeting.languages]
            if match_interpreters(instance, slot, needs) is None:
                return False
        return True

    def place(self, meeting_index: int, slot: int) -> None:
        meeting = self.instance.meetings[meeting_index]
        day = self.instance.slots[slot].day
        self.placement[meeting_index] = slot
        for party in meeting.parties:
            self.busy.add((party, slot))
            self.meetings_of[party] += 1
            self.meetings_on_day[party, day] += 1
        if meeting.at_table:
            self.tables_used[slot] += 1
        if meeting.languages is not None:
            self.interpreter_needs[slot].append(meeting.languages)


def assign_interpreters(instance: Instance, placement: Mapping[int, int]) -> dict[int, int]:
    """Pick an interpreter for every placed meeting that needs one (meeting -> interpreter)."""
    by_slot: dict[int, list[int]] = defaultdict(list)
    for meeting, slot in placement.items():
        if instance.meetings[meeting].languages is not None:
            by_slot[slot].append(meeting)
    chosen: dict[int, int] = {}
    for slot, meetings in by_slot.items():
        interpreters = match_interpreters(
            instance, slot, [instance.meetings[m].languages for m in meetings]
        )  # type: ignore[misc]
        if interpreters is None:
            raise RuntimeError(f"no interpreter matching in slot '{instance.slots[slot].id}'")
        chosen.update(zip(meetings, interpreters, strict=True))
    return chosen


def build_result(
    instance: Instance, placement: Mapping[int, int], upper_bound: float, seconds: float
) -> dict:
    """The contract's result dict for a feasible placement."""
    interpreters = assign_interpreters(instance, placement)
    assignments = [
        {
            "meeting": instance.meetings[meeting].id,
            "slot": instance.slots[slot].id,
            "interpreter": (
                instance.interpreters[interpreters[meeting]].id if meeting in interpreters else None
            ),
        }
        for meeting, slot in sorted(placement.items(), key=lambda item: (item[1], item[0]))
    ]
    objective = total_score(instance, placement)
    # The bound comes from floating-point LP; never report one below what was achieved.
    upper_bound = max(upper_bound, objective)
    optimal = upper_bound - objective <= 1e-6 * max(1.0, abs(upper_bound))
    return {
        "assignments": assignments,
        "objective": round(objective, 9),
        "upper_bound": round(upper_bound, 9),
        "gaps": count_gaps(instance, placement),
        "status": "optimal" if optimal else "feasible",
        "seconds": round(seconds, 3),
    }
