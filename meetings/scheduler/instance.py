"""Reading and validating a scheduling instance (see docs/scheduler-contract.md).

Everything downstream works on integer indices, so the instance is turned once into frozen
dataclasses that refer to slots, parties and interpreters by position. Validation is strict and
names the field and the id at fault, because the instance is usually built by another program
(the Django side, a benchmark converter) and a vague error there costs an afternoon.

Beyond the contract, a party may carry an optional ``"priority": true`` (the Django side sets it
for first-time exhibitors): among meetings of equal score, a priority party's are placed first.
Leaving it out changes nothing, so every contract instance stays valid.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .interpreters import match_interpreters


class InstanceError(ValueError):
    """The instance breaks the contract; the message names the field and the id."""


@dataclass(frozen=True)
class Slot:
    id: str
    day: int


@dataclass(frozen=True)
class Party:
    id: str
    available: frozenset[int]
    max_meetings: int
    max_per_day: int | None
    priority: bool = False


@dataclass(frozen=True)
class Interpreter:
    id: str
    languages: frozenset[str]
    available: frozenset[int]


@dataclass(frozen=True)
class Meeting:
    id: str
    parties: tuple[int, int]
    score: float
    languages: frozenset[str] | None
    at_table: bool
    fixed_slot: int | None
    allowed_slots: frozenset[int] | None


@dataclass(frozen=True)
class Instance:
    slots: tuple[Slot, ...]
    parties: tuple[Party, ...]
    interpreters: tuple[Interpreter, ...]
    # 0 when the instance gives none, which the contract allows only without at_table meetings.
    tables_per_slot: int
    meetings: tuple[Meeting, ...]

    @cached_property
    def priority_meetings(self) -> frozenset[int]:
        """Meetings with a priority party: placed before others of equal score."""
        return frozenset(
            index
            for index, meeting in enumerate(self.meetings)
            if any(self.parties[p].priority for p in meeting.parties)
        )

    @cached_property
    def candidate_slots(self) -> tuple[tuple[int, ...], ...]:
        """For each meeting, the slots it could take on its own (before competing with others).

        A slot qualifies when both parties are available, the meeting allows it, an interpreter
        speaking the pair is there if one is needed and a table exists if one is needed.
        """
        result = []
        for meeting in self.meetings:
            first, second = (self.parties[p].available for p in meeting.parties)
            slots = first & second
            if meeting.allowed_slots is not None:
                slots &= meeting.allowed_slots
            if meeting.fixed_slot is not None:
                slots &= {meeting.fixed_slot}
            if meeting.at_table and self.tables_per_slot == 0:
                slots = frozenset()
            if meeting.languages is not None:
                slots &= self.interpreter_slots(meeting.languages)
            result.append(tuple(sorted(slots)))
        return tuple(result)

    def interpreter_slots(self, languages: frozenset[str]) -> frozenset[int]:
        """Slots in which at least one interpreter speaking all of `languages` is available."""
        slots: set[int] = set()
        for interpreter in self.interpreters:
            if languages <= interpreter.languages:
                slots |= interpreter.available
        return frozenset(slots)

    @cached_property
    def slot_index(self) -> dict[str, int]:
        return {slot.id: index for index, slot in enumerate(self.slots)}

    @cached_property
    def meeting_index(self) -> dict[str, int]:
        return {meeting.id: index for index, meeting in enumerate(self.meetings)}

    @cached_property
    def interpreter_index(self) -> dict[str, int]:
        return {interpreter.id: index for index, interpreter in enumerate(self.interpreters)}


# `tables_per_slot` is optional: an instance needs it only when a meeting is at_table.
_TOP_LEVEL_KEYS = ("slots", "parties", "interpreters", "meetings")


def load_instance(data: Any) -> Instance:
    """Validate an instance dict (as decoded from JSON) and return its indexed form.

    Raises InstanceError with a one-line message naming the offending field and id.
    """
    if not isinstance(data, dict):
        raise InstanceError("instance: expected a JSON object at the top level")
    for key in _TOP_LEVEL_KEYS:
        if key not in data:
            raise InstanceError(f"instance: missing key '{key}'")
    slots = _read_slots(data["slots"])
    slot_index = {slot.id: index for index, slot in enumerate(slots)}
    parties = _read_parties(data["parties"], slot_index)
    interpreters = _read_interpreters(data["interpreters"], slot_index)
    tables_given = "tables_per_slot" in data
    tables_per_slot = _count(data["tables_per_slot"], "tables_per_slot") if tables_given else 0
    party_index = {party.id: index for index, party in enumerate(parties)}
    meetings = _read_meetings(data["meetings"], slot_index, party_index)
    if not tables_given:
        at_table = next((meeting.id for meeting in meetings if meeting.at_table), None)
        if at_table is not None:
            raise InstanceError(
                f"meetings['{at_table}'].at_table: the meeting needs a shared "
                f"table but the instance has no 'tables_per_slot'"
            )
    instance = Instance(
        tuple(slots), tuple(parties), tuple(interpreters), tables_per_slot, tuple(meetings)
    )
    _check_fixed_meetings(instance)
    return instance


def _items(value: Any, field: str) -> list[Any]:
    if not isinstance(value, list):
        raise InstanceError(f"{field}: expected a list")
    return value


def _object(value: Any, field: str, required: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InstanceError(f"{field}: expected an object")
    for key in required:
        if key not in value:
            raise InstanceError(f"{field}: missing key '{key}'")
    return value


def _identifier(value: Any, field: str) -> str:
    if not isinstance(value, str) or not value:
        raise InstanceError(f"{field}: id must be a non-empty string, got {value!r}")
    return value


def _count(value: Any, field: str) -> int:
    # bool is an int subclass in Python; a JSON `true` is not a count.
    if isinstance(value, bool) or not isinstance(value, int):
        raise InstanceError(f"{field}: expected an integer, got {value!r}")
    if value < 0:
        raise InstanceError(f"{field}: must not be negative, got {value}")
    return value


def _unique_ids(items: list[Any], field: str) -> list[str]:
    ids = [
        _identifier(_object(item, f"{field}[{n}]", ("id",))["id"], f"{field}[{n}]")
        for n, item in enumerate(items)
    ]
    duplicates = [key for key, count in Counter(ids).items() if count > 1]
    if duplicates:
        raise InstanceError(f"{field}: duplicate id '{duplicates[0]}'")
    return ids


def _slot_set(value: Any, field: str, slot_index: dict[str, int]) -> frozenset[int]:
    slots = set()
    for slot_id in _items(value, field):
        if not isinstance(slot_id, str) or slot_id not in slot_index:
            raise InstanceError(f"{field}: unknown slot id {slot_id!r}")
        if slot_index[slot_id] in slots:
            raise InstanceError(f"{field}: slot id '{slot_id}' listed twice")
        slots.add(slot_index[slot_id])
    return frozenset(slots)


def _read_slots(value: Any) -> list[Slot]:
    items = _items(value, "slots")
    ids = _unique_ids(items, "slots")
    slots = []
    for slot_id, item in zip(ids, items, strict=True):
        field = f"slots['{slot_id}']"
        day = _count(_object(item, field, ("day",))["day"], f"{field}.day")
        if slots and day < slots[-1].day:
            raise InstanceError(
                f"{field}.day: slots must be in time order, day {day} "
                f"comes after day {slots[-1].day}"
            )
        slots.append(Slot(slot_id, day))
    return slots


def _read_parties(value: Any, slot_index: dict[str, int]) -> list[Party]:
    items = _items(value, "parties")
    ids = _unique_ids(items, "parties")
    parties = []
    for party_id, item in zip(ids, items, strict=True):
        field = f"parties['{party_id}']"
        item = _object(item, field, ("available", "max_meetings"))
        max_per_day = item.get("max_per_day")
        parties.append(
            Party(
                id=party_id,
                available=_slot_set(item["available"], f"{field}.available", slot_index),
                max_meetings=_count(item["max_meetings"], f"{field}.max_meetings"),
                max_per_day=None
                if max_per_day is None
                else _count(max_per_day, f"{field}.max_per_day"),
                priority=_flag(item.get("priority", False), f"{field}.priority"),
            )
        )
    return parties


def _read_interpreters(value: Any, slot_index: dict[str, int]) -> list[Interpreter]:
    items = _items(value, "interpreters")
    ids = _unique_ids(items, "interpreters")
    interpreters = []
    for interpreter_id, item in zip(ids, items, strict=True):
        field = f"interpreters['{interpreter_id}']"
        item = _object(item, field, ("languages", "available"))
        languages = _items(item["languages"], f"{field}.languages")
        if not languages or not all(isinstance(lang, str) and lang for lang in languages):
            raise InstanceError(
                f"{field}.languages: expected a non-empty list of language codes, got {languages!r}"
            )
        interpreters.append(
            Interpreter(
                id=interpreter_id,
                languages=frozenset(languages),
                available=_slot_set(item["available"], f"{field}.available", slot_index),
            )
        )
    return interpreters


def _read_meetings(
    value: Any, slot_index: dict[str, int], party_index: dict[str, int]
) -> list[Meeting]:
    items = _items(value, "meetings")
    ids = _unique_ids(items, "meetings")
    meetings = []
    for meeting_id, item in zip(ids, items, strict=True):
        field = f"meetings['{meeting_id}']"
        item = _object(item, field, ("parties", "score"))
        meetings.append(
            Meeting(
                id=meeting_id,
                parties=_meeting_parties(item["parties"], f"{field}.parties", party_index),
                score=_score(item["score"], f"{field}.score"),
                languages=_language_pair(item.get("interpreter"), f"{field}.interpreter"),
                at_table=_flag(item.get("at_table", False), f"{field}.at_table"),
                fixed_slot=_optional_slot(
                    item.get("fixed_slot"), f"{field}.fixed_slot", slot_index
                ),
                allowed_slots=(
                    None
                    if item.get("allowed_slots") is None
                    else _slot_set(item["allowed_slots"], f"{field}.allowed_slots", slot_index)
                ),
            )
        )
    return meetings


def _meeting_parties(value: Any, field: str, party_index: dict[str, int]) -> tuple[int, int]:
    if not isinstance(value, list) or len(value) != 2:
        raise InstanceError(f"{field}: expected a list of two party ids, got {value!r}")
    for party_id in value:
        if not isinstance(party_id, str) or party_id not in party_index:
            raise InstanceError(f"{field}: unknown party id {party_id!r}")
    if value[0] == value[1]:
        raise InstanceError(f"{field}: a party cannot meet itself ('{value[0]}')")
    return party_index[value[0]], party_index[value[1]]


def _score(value: Any, field: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InstanceError(f"{field}: expected a finite number, got {value!r}")
    if value < 0:
        raise InstanceError(f"{field}: must not be negative, got {value}")
    return float(value)


def _language_pair(value: Any, field: str) -> frozenset[str] | None:
    if value is None:
        return None
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(lang, str) and lang for lang in value)
        or value[0] == value[1]
    ):
        raise InstanceError(
            f"{field}: expected null or a pair of two different language codes, got {value!r}"
        )
    return frozenset(value)


def _flag(value: Any, field: str) -> bool:
    if not isinstance(value, bool):
        raise InstanceError(f"{field}: expected true or false, got {value!r}")
    return value


def _optional_slot(value: Any, field: str, slot_index: dict[str, int]) -> int | None:
    if value is None:
        return None
    if not isinstance(value, str) or value not in slot_index:
        raise InstanceError(f"{field}: unknown slot id {value!r}")
    return slot_index[value]


def _check_fixed_meetings(instance: Instance) -> None:
    """Refuse fixed meetings that no schedule can keep, naming the first conflict.

    The optimiser must place every fixed meeting; an impossible set would otherwise surface as an
    opaque 'infeasible model' deep inside a solver.
    """
    busy: dict[tuple[int, int], str] = {}
    per_party: Counter[int] = Counter()
    per_party_day: Counter[tuple[int, int]] = Counter()
    tables: Counter[int] = Counter()
    needs_interpreter: dict[int, list[frozenset[str]]] = {}
    for meeting in instance.meetings:
        slot = meeting.fixed_slot
        if slot is None:
            continue
        field = f"meetings['{meeting.id}'].fixed_slot"
        slot_id = instance.slots[slot].id
        for party_index in meeting.parties:
            party = instance.parties[party_index]
            if slot not in party.available:
                raise InstanceError(
                    f"{field}: party '{party.id}' is not available in slot '{slot_id}'"
                )
            if (party_index, slot) in busy:
                raise InstanceError(
                    f"{field}: party '{party.id}' already has fixed meeting "
                    f"'{busy[party_index, slot]}' in slot '{slot_id}'"
                )
            busy[party_index, slot] = meeting.id
            per_party[party_index] += 1
            per_party_day[party_index, instance.slots[slot].day] += 1
            if per_party[party_index] > party.max_meetings:
                raise InstanceError(
                    f"{field}: fixed meetings exceed max_meetings of party '{party.id}'"
                )
            cap = party.max_per_day
            if cap is not None and per_party_day[party_index, instance.slots[slot].day] > cap:
                raise InstanceError(
                    f"{field}: fixed meetings exceed max_per_day of party '{party.id}'"
                )
        if meeting.allowed_slots is not None and slot not in meeting.allowed_slots:
            raise InstanceError(f"{field}: slot '{slot_id}' is not among its allowed_slots")
        if meeting.at_table:
            tables[slot] += 1
            if tables[slot] > instance.tables_per_slot:
                raise InstanceError(
                    f"{field}: more fixed at_table meetings in slot "
                    f"'{slot_id}' than tables_per_slot"
                )
        if meeting.languages is not None:
            needs = needs_interpreter.setdefault(slot, [])
            needs.append(meeting.languages)
            if match_interpreters(instance, slot, needs) is None:
                raise InstanceError(
                    f"{field}: no interpreter left for "
                    f"{'-'.join(sorted(meeting.languages))} in slot '{slot_id}'"
                )
