"""Repair mode: ranked replacement meetings for one freed slot of a fair day.

On the day, a meeting is cancelled or a side does not show, and its slot falls free. Nothing
already placed may move (published meetings are promised to people), so this is not a new solve:
it lists the candidate meetings that fit into that one slot around the schedule as it stands,
best first, fast enough to answer at the desk (a single pass over the meetings, no solver).

The schedule is the instance's fixed meetings (`fixed_slot`), plus the assignments of a result
when one is given (`schedule`). A candidate is a meeting not placed that:

- both parties attend in that slot (available, no other meeting there, the slot among its
  `allowed_slots`), neither party is `absent` (a no-show), and the pair has no meeting in the
  schedule already (they have met or will);
- keeps both parties' `max_meetings` and that day's `max_per_day`;
- finds a free shared table in the slot when it is `at_table`;
- finds an interpreter free in that slot who speaks its pair when it needs one. Interpreters of
  the schedule keep their meetings; the schedule's meetings without one (fixed meetings, when no
  result is given) get theirs first by the same matching the result uses.

Candidates are ranked by score (highest first), then by `new_gaps` (fewest first), then by the
instance's order. `new_gaps` is how much the two parties' idle gaps change when the meeting is
added: 0 when it sits next to their other meetings or on an empty day, -1 when it fills a hole.
"""

from __future__ import annotations

import time
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from .instance import Instance, InstanceError, Party, load_instance
from .schedule import assign_interpreters


def repair(
    data: dict[str, Any] | Instance,
    slot: str,
    limit: int = 10,
    *,
    schedule: dict[str, Any] | None = None,
    cancelled: Iterable[str] = (),
    absent: Iterable[str] = (),
) -> dict[str, Any]:
    """The best `limit` replacement meetings for `slot`, as the command line prints them.

    `schedule` is a result (its `assignments`) whose meetings stay where they are, besides the
    fixed ones; `cancelled` meetings leave the schedule and are never proposed again; `absent`
    parties (who did not show) get no replacement. Raises InstanceError naming the field at
    fault for a malformed instance, schedule, slot, limit or id.
    """
    started = time.monotonic()
    instance = data if isinstance(data, Instance) else load_instance(data)
    if not isinstance(slot, str) or slot not in instance.slot_index:
        raise InstanceError(f"slot: unknown slot id {slot!r}")
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise InstanceError(f"limit: expected a whole number of at least 1, got {limit!r}")
    dropped = _known(instance.meeting_index, cancelled, "cancelled", "meeting")
    party_index = {party.id: index for index, party in enumerate(instance.parties)}
    away = _known(party_index, absent, "absent", "party")
    placement, interpreter_of = _schedule(instance, schedule, dropped)
    candidates = _candidates(instance, instance.slot_index[slot], placement, interpreter_of, away)
    candidates.sort(key=lambda found: (-found[1], found[2], found[0]))
    return {
        "slot": slot,
        "candidates": [
            {
                "meeting": instance.meetings[meeting].id,
                "interpreter": None if chosen is None else instance.interpreters[chosen].id,
                "score": score,
                "new_gaps": new_gaps,
            }
            for meeting, score, new_gaps, chosen in candidates[:limit]
        ],
        "seconds": round(time.monotonic() - started, 3),
    }


def _known(index: dict[str, int], ids: Iterable[str], field: str, kind: str) -> set[int]:
    if isinstance(ids, str):
        ids = [ids]
    known = set()
    for identifier in ids:
        if identifier not in index:
            raise InstanceError(f"{field}: unknown {kind} id {identifier!r}")
        known.add(index[identifier])
    return known


def _schedule(
    instance: Instance, schedule: dict[str, Any] | None, dropped: set[int]
) -> tuple[dict[int, int], dict[int, int]]:
    """The placement that stays (meeting -> slot) and its interpreters (meeting -> interpreter)."""
    placement = {
        index: meeting.fixed_slot
        for index, meeting in enumerate(instance.meetings)
        if meeting.fixed_slot is not None and index not in dropped
    }
    interpreter_of: dict[int, int] = {}
    if schedule is not None:
        assignments = schedule.get("assignments") if isinstance(schedule, dict) else None
        if not isinstance(assignments, list):
            raise InstanceError("schedule.assignments: expected a list")
        for number, assignment in enumerate(assignments):
            meeting, slot, interpreter = _assignment(instance, number, assignment)
            if meeting in dropped:
                continue
            if placement.get(meeting, slot) != slot:
                raise InstanceError(
                    f"schedule.assignments[{number}]: fixed meeting "
                    f"'{instance.meetings[meeting].id}' is not in its fixed_slot"
                )
            placement[meeting] = slot
            if interpreter is not None:
                interpreter_of[meeting] = interpreter
    # Meetings that need an interpreter and have none yet get one around those already chosen.
    unassigned = {
        meeting: slot
        for meeting, slot in placement.items()
        if instance.meetings[meeting].languages is not None and meeting not in interpreter_of
    }
    if unassigned:
        taken = {(interpreter, placement[m]) for m, interpreter in interpreter_of.items()}
        free = _without(instance, taken)
        try:
            interpreter_of.update(assign_interpreters(free, unassigned))
        except RuntimeError as error:
            raise InstanceError(f"schedule: {error}") from None
    return placement, interpreter_of


def _assignment(instance: Instance, number: int, assignment: Any) -> tuple[int, int, int | None]:
    field = f"schedule.assignments[{number}]"
    if not isinstance(assignment, dict) or not {"meeting", "slot"} <= set(assignment):
        raise InstanceError(f"{field}: expected an object with meeting and slot")
    meeting = instance.meeting_index.get(assignment["meeting"])
    slot = instance.slot_index.get(assignment["slot"])
    interpreter_id = assignment.get("interpreter")
    interpreter = None if interpreter_id is None else instance.interpreter_index.get(interpreter_id)
    if meeting is None:
        raise InstanceError(f"{field}: unknown meeting {assignment['meeting']!r}")
    if slot is None:
        raise InstanceError(f"{field}: unknown slot {assignment['slot']!r}")
    if interpreter_id is not None and interpreter is None:
        raise InstanceError(f"{field}: unknown interpreter {interpreter_id!r}")
    return meeting, slot, interpreter


def _without(instance: Instance, taken: set[tuple[int, int]]) -> Instance:
    """The instance with each (interpreter, slot) in `taken` left out of the interpreter's slots."""
    if not taken:
        return instance
    interpreters = tuple(
        replace(person, available=person.available - {s for i, s in taken if i == index})
        for index, person in enumerate(instance.interpreters)
    )
    return replace(instance, interpreters=interpreters)


def _candidates(
    instance: Instance,
    slot: int,
    placement: dict[int, int],
    interpreter_of: dict[int, int],
    away: set[int],
) -> list[tuple[int, float, int, int | None]]:
    """(meeting, score, new gaps, interpreter) of every meeting that fits into `slot`."""
    day = instance.slots[slot].day
    busy: set[int] = set()  # parties meeting in `slot`
    slots_of: dict[int, list[int]] = defaultdict(list)  # party -> its slots on `day`, sorted
    total: Counter[int] = Counter()
    on_day: Counter[int] = Counter()
    pairs: set[frozenset[int]] = set()
    tables = 0
    booked = set()  # interpreters meeting in `slot`
    for meeting, placed in placement.items():
        parties = instance.meetings[meeting].parties
        pairs.add(frozenset(parties))
        for party in parties:
            total[party] += 1
            if instance.slots[placed].day == day:
                on_day[party] += 1
                slots_of[party].append(placed)
        if placed == slot:
            busy.update(parties)
            tables += instance.meetings[meeting].at_table
            if meeting in interpreter_of:
                booked.add(interpreter_of[meeting])
    for slots in slots_of.values():
        slots.sort()
    speakers = [
        index
        for index, person in enumerate(instance.interpreters)
        if slot in person.available and index not in booked
    ]

    found = []
    for index, meeting in enumerate(instance.meetings):
        if index in placement or meeting.fixed_slot is not None:
            continue  # placed already, or fixed to its own slot (cancelled: never proposed)
        if meeting.allowed_slots is not None and slot not in meeting.allowed_slots:
            continue
        if meeting.at_table and tables >= instance.tables_per_slot:
            continue
        if any(party in away or party in busy for party in meeting.parties):
            continue
        if not all(
            _room(instance.parties[party], slot, total[party], on_day[party])
            for party in meeting.parties
        ):
            continue
        if frozenset(meeting.parties) in pairs:
            continue
        chosen = None
        if meeting.languages is not None:
            # The one speaking fewest languages, so the versatile stay free for later repairs.
            able = [i for i in speakers if meeting.languages <= instance.interpreters[i].languages]
            if not able:
                continue
            chosen = min(able, key=lambda i: (len(instance.interpreters[i].languages), i))
        new_gaps = sum(_new_gaps(slots_of.get(party, []), slot) for party in meeting.parties)
        found.append((index, meeting.score, new_gaps, chosen))
    return found


def _room(party: Party, slot: int, meetings: int, meetings_that_day: int) -> bool:
    """Whether `party` attends in `slot` and its caps leave room for one more meeting."""
    return (
        slot in party.available
        and meetings < party.max_meetings
        and (party.max_per_day is None or meetings_that_day < party.max_per_day)
    )


def _new_gaps(day_slots: list[int], slot: int) -> int:
    """How the gaps of a party with meetings in `day_slots` (sorted) change when it meets in
    `slot` too, on the same day."""
    position = bisect_left(day_slots, slot)
    before = day_slots[position - 1] if position > 0 else None
    after = day_slots[position] if position < len(day_slots) else None
    change = 0
    if before is not None and after is not None and after - before != 1:
        change -= 1  # the hole between them is split (or closed)
    if before is not None and slot - before != 1:
        change += 1
    if after is not None and after - slot != 1:
        change += 1
    return change
