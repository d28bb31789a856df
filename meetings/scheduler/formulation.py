"""The linear constraints every optimiser here shares, written once.

Variables are the candidate placements (meeting, slot) plus, for interpreters, a flow from each
(slot, language pair) demand to the interpreters speaking that pair in that slot. Within one slot
interpreter assignment is a bipartite matching, whose polytope is integral: the flow can be
continuous in a MIP and the LP relaxation is as tight as with explicit (meeting, interpreter)
variables, at a fraction of their number.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .instance import Instance


@dataclass
class LinearRow:
    coefficients: dict[int, float]
    lower: float
    upper: float


@dataclass
class Formulation:
    """Columns 0..len(placements)-1 are placements, the rest interpreter flows."""

    placements: list[tuple[int, int]]  # (meeting, slot) for each placement column
    # (language pair, slot, interpreter) -> its flow column
    flows: dict[tuple[frozenset[str], int, int], int] = field(default_factory=dict)
    rows: list[LinearRow] = field(default_factory=list)
    # (party, day) -> slot -> placement columns that occupy the party then; for the gap model.
    party_day_slots: dict[tuple[int, int], dict[int, list[int]]] = field(default_factory=dict)

    @property
    def column_count(self) -> int:
        return len(self.placements) + len(self.flows)


def build_formulation(instance: Instance) -> Formulation:
    placements = [
        (meeting, slot) for meeting, slots in enumerate(instance.candidate_slots) for slot in slots
    ]
    by_meeting: dict[int, list[int]] = defaultdict(list)
    by_party_slot: dict[tuple[int, int], list[int]] = defaultdict(list)
    by_party: dict[int, list[int]] = defaultdict(list)
    by_party_day: dict[tuple[int, int], list[int]] = defaultdict(list)
    by_table_slot: dict[int, list[int]] = defaultdict(list)
    by_pair_slot: dict[tuple[frozenset[str], int], list[int]] = defaultdict(list)
    for column, (meeting_index, slot) in enumerate(placements):
        meeting = instance.meetings[meeting_index]
        day = instance.slots[slot].day
        by_meeting[meeting_index].append(column)
        for party in meeting.parties:
            by_party_slot[party, slot].append(column)
            by_party[party].append(column)
            by_party_day[party, day].append(column)
        if meeting.at_table:
            by_table_slot[slot].append(column)
        if meeting.languages is not None:
            by_pair_slot[meeting.languages, slot].append(column)

    formulation = Formulation(placements)
    rows = formulation.rows
    for columns in by_meeting.values():
        rows.append(LinearRow(dict.fromkeys(columns, 1.0), 0.0, 1.0))
    for columns in by_party_slot.values():
        if len(columns) > 1:
            rows.append(LinearRow(dict.fromkeys(columns, 1.0), 0.0, 1.0))
    for party, columns in by_party.items():
        _cap(rows, columns, instance.parties[party].max_meetings)
    for (party, _day), columns in by_party_day.items():
        cap = instance.parties[party].max_per_day
        if cap is not None:
            _cap(rows, columns, cap)
    for columns in by_table_slot.values():
        _cap(rows, columns, instance.tables_per_slot)

    # Interpreter flow: demand of (pair, slot) = flow to its speakers; one meeting per speaker.
    next_column = len(placements)
    load: dict[tuple[int, int], list[int]] = defaultdict(list)  # (interpreter, slot) -> flows
    for (languages, slot), columns in by_pair_slot.items():
        row = dict.fromkeys(columns, 1.0)
        for index, interpreter in enumerate(instance.interpreters):
            if slot in interpreter.available and languages <= interpreter.languages:
                row[next_column] = -1.0
                formulation.flows[languages, slot, index] = next_column
                load[index, slot].append(next_column)
                next_column += 1
        rows.append(LinearRow(row, 0.0, 0.0))
    for flows in load.values():
        if len(flows) > 1:
            rows.append(LinearRow(dict.fromkeys(flows, 1.0), 0.0, 1.0))

    for (party, slot), columns in by_party_slot.items():
        day = instance.slots[slot].day
        formulation.party_day_slots.setdefault((party, day), {})[slot] = columns
    return formulation


def _cap(rows: list[LinearRow], columns: list[int], cap: int) -> None:
    """Add sum(columns) <= cap unless it can never bind (each column is one distinct meeting)."""
    if len(columns) > cap:
        rows.append(LinearRow(dict.fromkeys(columns, 1.0), 0.0, float(cap)))
