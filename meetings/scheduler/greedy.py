"""Greedy baseline: best meetings first, each into the slot that keeps its parties' days compact.

It is both the yardstick the optimiser must beat and the optimiser's starting point, so it must
always return a feasible schedule that keeps every fixed meeting.
"""

from __future__ import annotations

from .instance import Instance
from .schedule import Placement, ScheduleState


def greedy_placement(instance: Instance) -> Placement:
    state = ScheduleState(instance)
    candidates = instance.candidate_slots
    for index, meeting in enumerate(instance.meetings):
        if meeting.fixed_slot is not None:
            state.place(index, meeting.fixed_slot)
    # Among equal scores, a priority party's meetings (first-time exhibitors) go first, so a
    # first-timer never loses a slot to an equal peer; then meetings with few possible slots:
    # they are the ones that become impossible when placed late.
    priority = instance.priority_meetings
    order = sorted(
        (
            index
            for index, meeting in enumerate(instance.meetings)
            if meeting.fixed_slot is None and candidates[index]
        ),
        key=lambda index: (
            -instance.meetings[index].score,
            index not in priority,
            len(candidates[index]),
            index,
        ),
    )
    for index in order:
        parties = instance.meetings[index].parties
        best_slot, best_neighbours = None, -1
        for slot in candidates[index]:
            if not state.can_place(index, slot):
                continue
            neighbours = sum(
                1
                for party in parties
                for other in (slot - 1, slot + 1)
                if 0 <= other < len(instance.slots)
                and (party, other) in state.busy
                and instance.slots[other].day == instance.slots[slot].day
            )
            if neighbours > best_neighbours:
                best_slot, best_neighbours = slot, neighbours
        if best_slot is not None:
            state.place(index, best_slot)
    return state.placement
