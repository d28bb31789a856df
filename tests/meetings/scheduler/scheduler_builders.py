"""Tiny instances in the contract's format, written inline so each test shows its situation."""

from __future__ import annotations

from typing import Any


def slot_ids(count: int) -> list[str]:
    return [f"s{number}" for number in range(count)]


def make_instance(
    slot_count: int,
    parties: dict[str, dict[str, Any]],
    meetings: list[dict[str, Any]],
    *,
    days: int = 1,
    interpreters: list[dict[str, Any]] | None = None,
    tables_per_slot: int | None = 10,
) -> dict[str, Any]:
    """An instance with `slot_count` slots split evenly over `days`.

    Parties default to being available in every slot with room for 10 meetings; meetings
    default to score 1, no interpreter, no table, not fixed. `tables_per_slot=None` leaves the
    key out.
    """
    per_day = slot_count // days
    instance = {
        "slots": [
            {"id": slot_id, "day": number // per_day}
            for number, slot_id in enumerate(slot_ids(slot_count))
        ],
        "parties": [
            {"id": party_id, "available": slot_ids(slot_count), "max_meetings": 10, **settings}
            for party_id, settings in parties.items()
        ],
        "interpreters": interpreters or [],
        "tables_per_slot": tables_per_slot,
        "meetings": [
            {"score": 1, "interpreter": None, "at_table": False, "fixed_slot": None, **meeting}
            for meeting in meetings
        ],
    }
    if tables_per_slot is None:
        del instance["tables_per_slot"]
    return instance


def placed_slots(result: dict[str, Any]) -> dict[str, str]:
    return {assignment["meeting"]: assignment["slot"] for assignment in result["assignments"]}
