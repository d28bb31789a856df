"""Independent verification of a result against every rule of the contract.

Written from the contract, not from the solver's bookkeeping, so a bug in one does not hide in
the other: it re-reads the result's ids and recounts everything from scratch.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from itertools import pairwise
from typing import Any

from .instance import Instance, load_instance

_RESULT_KEYS = ("assignments", "objective", "upper_bound", "gaps", "status", "seconds")
_EPSILON = 1e-6


def check_result(instance: dict[str, Any] | Instance, result: Any) -> list[str]:
    """Every way `result` breaks the contract for `instance`; empty when it is valid."""
    loaded = instance if isinstance(instance, Instance) else load_instance(instance)
    if not isinstance(result, dict):
        return ["result: expected a JSON object"]
    missing = [key for key in _RESULT_KEYS if key not in result]
    if missing:
        return [f"result: missing key '{key}'" for key in missing]
    if not isinstance(result["assignments"], list):
        return ["result.assignments: expected a list"]

    violations: list[str] = []
    placement: dict[int, int] = {}
    interpreter_of: dict[int, int | None] = {}
    for number, assignment in enumerate(result["assignments"]):
        parsed = _read_assignment(loaded, number, assignment, violations)
        if parsed is None:
            continue
        meeting, slot, interpreter = parsed
        if meeting in placement:
            violations.append(f"rule 1: meeting '{loaded.meetings[meeting].id}' placed twice")
            continue
        placement[meeting] = slot
        interpreter_of[meeting] = interpreter

    violations += _fixed_and_availability(loaded, placement)
    violations += _caps(loaded, placement)
    violations += _interpreters(loaded, placement, interpreter_of)
    violations += _tables(loaded, placement)
    violations += _reported_figures(loaded, placement, result)
    return violations


def _read_assignment(
    instance: Instance, number: int, assignment: Any, violations: list[str]
) -> tuple[int, int, int | None] | None:
    field = f"result.assignments[{number}]"
    keys = {"meeting", "slot", "interpreter"}
    if not isinstance(assignment, dict) or not keys <= set(assignment):
        violations.append(f"{field}: expected an object with meeting, slot and interpreter")
        return None
    meeting = instance.meeting_index.get(assignment["meeting"])
    slot = instance.slot_index.get(assignment["slot"])
    interpreter_id = assignment["interpreter"]
    interpreter = None if interpreter_id is None else instance.interpreter_index.get(interpreter_id)
    if meeting is None:
        violations.append(f"{field}: unknown meeting {assignment['meeting']!r}")
    if slot is None:
        violations.append(f"{field}: unknown slot {assignment['slot']!r}")
    if interpreter_id is not None and interpreter is None:
        violations.append(f"{field}: unknown interpreter {interpreter_id!r}")
    if meeting is None or slot is None or (interpreter_id is not None and interpreter is None):
        return None
    return meeting, slot, interpreter


def _fixed_and_availability(instance: Instance, placement: dict[int, int]) -> list[str]:
    violations = []
    for index, meeting in enumerate(instance.meetings):
        if meeting.fixed_slot is not None and placement.get(index) != meeting.fixed_slot:
            violations.append(
                f"rule 1: fixed meeting '{meeting.id}' not in its slot "
                f"'{instance.slots[meeting.fixed_slot].id}'"
            )
    occupied: dict[tuple[int, int], str] = {}
    for index, slot in placement.items():
        meeting = instance.meetings[index]
        slot_id = instance.slots[slot].id
        if meeting.allowed_slots is not None and slot not in meeting.allowed_slots:
            violations.append(
                f"rule 2: meeting '{meeting.id}' in slot '{slot_id}' outside its allowed_slots"
            )
        for party_index in meeting.parties:
            party = instance.parties[party_index]
            if slot not in party.available:
                violations.append(
                    f"rule 2: party '{party.id}' not available in slot "
                    f"'{slot_id}' for meeting '{meeting.id}'"
                )
            if (party_index, slot) in occupied:
                violations.append(
                    f"rule 2: party '{party.id}' has meetings "
                    f"'{occupied[party_index, slot]}' and '{meeting.id}' in "
                    f"slot '{slot_id}'"
                )
            occupied[party_index, slot] = meeting.id
    return violations


def _caps(instance: Instance, placement: dict[int, int]) -> list[str]:
    total: Counter[int] = Counter()
    per_day: Counter[tuple[int, int]] = Counter()
    for index, slot in placement.items():
        for party in instance.meetings[index].parties:
            total[party] += 1
            per_day[party, instance.slots[slot].day] += 1
    violations = [
        f"rule 3: party '{instance.parties[p].id}' has {count} meetings, "
        f"max_meetings is {instance.parties[p].max_meetings}"
        for p, count in total.items()
        if count > instance.parties[p].max_meetings
    ]
    for (party_index, day), count in per_day.items():
        cap = instance.parties[party_index].max_per_day
        if cap is not None and count > cap:
            violations.append(
                f"rule 3: party '{instance.parties[party_index].id}' has {count} "
                f"meetings on day {day}, max_per_day is {cap}"
            )
    return violations


def _interpreters(
    instance: Instance, placement: dict[int, int], interpreter_of: dict[int, int | None]
) -> list[str]:
    violations = []
    booked: dict[tuple[int, int], str] = {}
    for index, slot in placement.items():
        meeting = instance.meetings[index]
        chosen = interpreter_of[index]
        if meeting.languages is None:
            if chosen is not None:
                violations.append(
                    f"rule 4: meeting '{meeting.id}' needs no interpreter but "
                    f"has '{instance.interpreters[chosen].id}'"
                )
            continue
        if chosen is None:
            violations.append(f"rule 4: meeting '{meeting.id}' needs an interpreter and has none")
            continue
        interpreter = instance.interpreters[chosen]
        slot_id = instance.slots[slot].id
        if not meeting.languages <= interpreter.languages:
            violations.append(
                f"rule 4: interpreter '{interpreter.id}' does not speak "
                f"{'-'.join(sorted(meeting.languages))} for meeting "
                f"'{meeting.id}'"
            )
        if slot not in interpreter.available:
            violations.append(
                f"rule 4: interpreter '{interpreter.id}' not available in slot "
                f"'{slot_id}' for meeting '{meeting.id}'"
            )
        if (chosen, slot) in booked:
            violations.append(
                f"rule 4: interpreter '{interpreter.id}' has meetings "
                f"'{booked[chosen, slot]}' and '{meeting.id}' in slot '{slot_id}'"
            )
        booked[chosen, slot] = meeting.id
    return violations


def _tables(instance: Instance, placement: dict[int, int]) -> list[str]:
    used: Counter[int] = Counter(
        slot for index, slot in placement.items() if instance.meetings[index].at_table
    )
    return [
        f"rule 5: {count} at_table meetings in slot '{instance.slots[slot].id}', "
        f"tables_per_slot is {instance.tables_per_slot}"
        for slot, count in used.items()
        if count > instance.tables_per_slot
    ]


def _reported_figures(
    instance: Instance, placement: dict[int, int], result: dict[str, Any]
) -> list[str]:
    violations = []
    objective = sum(instance.meetings[index].score for index in placement)
    numbers = {key: result[key] for key in ("objective", "upper_bound", "seconds")}
    for key, value in numbers.items():
        if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
            violations.append(f"result.{key}: expected a number, got {value!r}")
    if violations:
        return violations
    tolerance = _EPSILON * max(1.0, abs(objective))
    if abs(result["objective"] - objective) > tolerance:
        violations.append(
            f"result.objective: {result['objective']:g} but the placed meetings score {objective:g}"
        )
    if result["upper_bound"] < result["objective"] - tolerance:
        violations.append(
            f"result.upper_bound: {result['upper_bound']:g} is below the "
            f"objective {result['objective']:g}"
        )
    gaps = _gaps(instance, placement)
    if result["gaps"] != gaps:
        violations.append(f"result.gaps: {result['gaps']} but the schedule has {gaps}")
    if result["status"] not in ("optimal", "feasible"):
        violations.append(f"result.status: unknown status {result['status']!r}")
    elif result["status"] == "optimal" and result["upper_bound"] - result["objective"] > tolerance:
        violations.append("result.status: 'optimal' but the objective is below the upper bound")
    return violations


def _gaps(instance: Instance, placement: dict[int, int]) -> int:
    days: dict[tuple[int, int], list[int]] = defaultdict(list)
    for index, slot in placement.items():
        for party in instance.meetings[index].parties:
            days[party, instance.slots[slot].day].append(slot)
    return sum(
        1
        for slots in days.values()
        for earlier, later in pairwise(sorted(slots))
        if later - earlier != 1
    )
