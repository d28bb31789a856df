"""Synthetic scheduling instances, deterministic by seed, in two sizes.

`pavilion_instance`: shaped like a Japan pavilion at a trade fair: 60 exhibiting SMEs, 600 foreign
buyers, two days of 16 slots, about 3,300 requested meetings with match scores. Exhibitors are the
bottleneck (they cannot take every request), a third of the meetings need one of a handful of
interpreters, the exhibitors without a booth share a few tables, buyers come for part of the fair,
and organisers have already locked some meetings.

`fair_instance`: the same shape at the size of a whole fair: 250 exhibitors, 2,500 buyers, three
days of 16 slots, about 15,000 requested meetings, 40 shared tables and 12 interpreters.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from meetings.scheduler import load_instance
from meetings.scheduler.schedule import ScheduleState

SLOTS_PER_DAY = 16
# language -> share of buyers who need it interpreted from Japanese (the rest speak English)
BUYER_LANGUAGES = {"zh": 0.05, "de": 0.03, "fr": 0.03, "ar": 0.02, "es": 0.02}
INTERPRETER_LANGUAGES = [
    ["ja", "en"],
    ["ja", "en"],
    ["ja", "en", "zh"],
    ["ja", "zh"],
    ["ja", "de", "en"],
    ["ja", "fr", "en"],
    ["ja", "ar"],
    ["ja", "es", "fr"],
]
# The fair's four more interpreters.
MORE_INTERPRETER_LANGUAGES = [["ja", "en"], ["ja", "en", "zh"], ["ja", "zh"], ["ja", "de", "fr"]]


@dataclass(frozen=True)
class Shape:
    days: int
    exhibitors: int
    buyers: int
    tables_per_slot: int
    fixed_meetings: int
    max_meetings: int  # of an exhibitor
    max_per_day: int  # of an exhibitor
    interpreter_languages: tuple[tuple[str, ...], ...]
    requests_per_buyer: tuple[int, int]  # a buyer requests between these many exhibitors


PAVILION = Shape(2, 60, 600, 4, 30, 24, 13, tuple(map(tuple, INTERPRETER_LANGUAGES)), (3, 8))
FAIR = Shape(
    3,
    250,
    2500,
    40,
    120,
    36,
    13,
    tuple(map(tuple, INTERPRETER_LANGUAGES + MORE_INTERPRETER_LANGUAGES)),
    (3, 9),
)


def pavilion_instance(seed: int) -> dict[str, Any]:
    """One pavilion instance in the contract's format (about 3,300 meetings)."""
    return synthetic_instance(PAVILION, seed)


def fair_instance(seed: int) -> dict[str, Any]:
    """One fair-sized instance in the contract's format (about 15,000 meetings)."""
    return synthetic_instance(FAIR, seed)


def synthetic_instance(shape: Shape, seed: int) -> dict[str, Any]:
    """One instance of `shape` in the contract's format."""
    rng = random.Random(seed)
    slots = [
        {"id": f"d{day}-{k:02d}", "day": day}
        for day in range(shape.days)
        for k in range(SLOTS_PER_DAY)
    ]
    day_slots = [[s["id"] for s in slots if s["day"] == day] for day in range(shape.days)]

    exhibitors = []
    for number in range(shape.exhibitors):
        available = [s["id"] for s in slots]
        if rng.random() < 0.2:  # leaves for a half day (a seminar, a flight)
            day = rng.randrange(shape.days)
            half = day_slots[day][:8] if rng.random() < 0.5 else day_slots[day][8:]
            available = [s for s in available if s not in half]
        exhibitors.append(
            {
                "id": f"sme-{number}",
                "available": available,
                "max_meetings": shape.max_meetings,
                "max_per_day": shape.max_per_day,
                "speaks_english": rng.random() < 0.75,
                "has_booth": rng.random() < 0.85,
            }
        )

    buyers = []
    for number in range(shape.buyers):
        days = [rng.randrange(shape.days)] if rng.random() < 0.6 else list(range(shape.days))
        available = []
        for day in days:
            part = rng.random()
            if part < 0.25:
                available += day_slots[day][:8]
            elif part < 0.5:
                available += day_slots[day][8:]
            else:
                available += day_slots[day]
        language = "en"
        draw = rng.random()
        for candidate, share in BUYER_LANGUAGES.items():
            if draw < share:
                language = candidate
                break
            draw -= share
        buyers.append(
            {
                "id": f"buyer-{number}",
                "available": available,
                "max_meetings": rng.randint(3, 8),
                "max_per_day": rng.randint(3, 5),
                "language": language,
            }
        )

    popularity = [rng.paretovariate(1.5) for _ in exhibitors]
    meetings = []
    for buyer in buyers:
        wanted = min(rng.randint(*shape.requests_per_buyer), shape.exhibitors)
        chosen: set[int] = set()
        while len(chosen) < wanted:
            chosen.add(rng.choices(range(shape.exhibitors), weights=popularity)[0])
        for exhibitor_index in sorted(chosen):
            exhibitor = exhibitors[exhibitor_index]
            if buyer["language"] != "en":
                interpreter = ["ja", buyer["language"]]
            elif not exhibitor["speaks_english"]:
                interpreter = ["ja", "en"]
            else:
                interpreter = None
            meeting = {
                "id": f"m{len(meetings) + 1}",
                "parties": [exhibitor["id"], buyer["id"]],
                "score": round(rng.uniform(20, 100), 1),
                "interpreter": interpreter,
                "at_table": not exhibitor["has_booth"],
                "fixed_slot": None,
            }
            if rng.random() < 0.05:  # "mornings only" requests
                meeting["allowed_slots"] = [s for day in day_slots for s in day[:8]]
            meetings.append(meeting)

    interpreters = []
    for number, languages in enumerate(shape.interpreter_languages):
        available = [s["id"] for s in slots]
        if rng.random() < 0.4:
            available = day_slots[rng.randrange(shape.days)]
        interpreters.append(
            {"id": f"int-{number}", "languages": list(languages), "available": list(available)}
        )

    instance = {
        "slots": slots,
        "parties": [
            {key: party[key] for key in ("id", "available", "max_meetings", "max_per_day")}
            for party in exhibitors + buyers
        ],
        "interpreters": interpreters,
        "tables_per_slot": shape.tables_per_slot,
        "meetings": meetings,
    }
    _lock_some_meetings(instance, rng, shape.fixed_meetings)
    return instance


def _lock_some_meetings(instance: dict[str, Any], rng: random.Random, count: int) -> None:
    """Fix a few meetings to slots that can all be kept together, as an organiser would."""
    loaded = load_instance(instance)
    state = ScheduleState(loaded)
    locked = 0
    for meeting_index in rng.sample(range(len(loaded.meetings)), len(loaded.meetings)):
        slots = loaded.candidate_slots[meeting_index]
        if not slots:
            continue
        slot = rng.choice(slots)
        if state.can_place(meeting_index, slot):
            state.place(meeting_index, slot)
            instance["meetings"][meeting_index]["fixed_slot"] = loaded.slots[slot].id
            locked += 1
            if locked == count:
                return
