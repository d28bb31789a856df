"""Greedy baseline: best meetings first, each into the slot that keeps its parties' days compact.

It is both the yardstick the optimiser must beat and the optimiser's starting point, so it must
always return a feasible schedule that keeps every fixed meeting.
"""

from __future__ import annotations

from collections.abc import Mapping

from .instance import Instance
from .schedule import Placement, ScheduleState


def greedy_placement(
    instance: Instance, guide: Mapping[tuple[int, int], float] | None = None
) -> Placement:
    """Fixed meetings, then the best-scoring first, each where it keeps its parties' days compact.

    With a `guide` (an LP relaxation's values of (meeting, slot)), its placements go first, the
    surest first, each where the LP put it if that still fits: rounding the relaxation, which
    the plain greedy order then completes.
    """
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
    if guide:
        rank = {index: position for position, index in enumerate(order)}
        for (index, slot), _value in sorted(
            ((key, value) for key, value in guide.items() if key[0] in rank),
            key=lambda item: (-item[1], rank[item[0][0]]),
        ):
            if index not in state.placement and state.can_place(index, slot):
                state.place(index, slot)
    for index in order:
        if index not in state.placement:
            _place_compactly(state, index)
    return state.placement


def _place_compactly(state: ScheduleState, index: int) -> None:
    """Into the slot that fits and sits next to most of its parties' meetings, if one fits."""
    instance = state.instance
    parties = instance.meetings[index].parties
    best_slot, best_neighbours = None, -1
    for slot in instance.candidate_slots[index]:
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
