"""The scheduler's instance for a pavilion, built from the database.

The scheduler itself (``meetings.scheduler``) is plain Python with the command line and file
format of the shared contract; ``scheduling_instance`` is what it is given. Published and locked
meetings are fixed: they keep their slot whatever the scheduler finds.
"""

from collections import defaultdict

from companies.models import SME, ForeignBuyer
from events.models import (
    BuyerAttendanceDay,
    ExhibitorRegistration,
    Interpreter,
    MeetingSlot,
    Pavilion,
)

from ..models import SCHEDULABLE_STATUSES, Meeting, MeetingStatus, ParticipantUnavailability


def sme_key(sme_id: int) -> str:
    """An exhibitor's party id in the instance."""
    return f"sme-{sme_id}"


def buyer_key(buyer_id: int) -> str:
    """A buyer's party id in the instance."""
    return f"buyer-{buyer_id}"


def is_fixed(meeting: Meeting) -> bool:
    """Published or locked meetings keep their slot whatever the scheduler finds."""
    return meeting.status == MeetingStatus.SCHEDULED and bool(
        meeting.published_at or meeting.locked
    )


def participant_availability(pavilion: Pavilion, slots: list[MeetingSlot]):
    """Per participant, the slots they cannot meet in: buyers on days they do not attend, and
    every slot marked unavailable."""
    blocked: dict[str, set[int]] = defaultdict(set)
    for sme_id, buyer_id, slot_id in ParticipantUnavailability.objects.filter(
        pavilion=pavilion
    ).values_list("sme_id", "buyer_id", "slot_id"):
        blocked[sme_key(sme_id) if sme_id else buyer_key(buyer_id)].add(slot_id)
    attending: dict[str, set] = defaultdict(set)
    for buyer_id, day in BuyerAttendanceDay.objects.filter(
        registration__pavilion=pavilion
    ).values_list("registration__buyer_id", "day"):
        attending[buyer_key(buyer_id)].add(day)
    fair = pavilion.fair
    slot_days = {slot.pk: fair.local(slot.starts_at).date() for slot in slots}
    return blocked, attending, slot_days


def first_timers(pavilion: Pavilion) -> set[int]:
    """The SMEs exhibiting at the pavilion for the first time."""
    return set(
        ExhibitorRegistration.objects.filter(
            pavilion=pavilion, first_time_exhibitor=True
        ).values_list("sme_id", flat=True)
    )


def first_timer_interpreting(
    *,
    pavilion: Pavilion,
    meetings: list[Meeting],
    fixed_ids: set[int],
    newcomers: set[int],
    interpreters: list[dict],
    available: dict[str, set[str]],
) -> dict[int, list[str]]:
    """The meetings the first-timer offer gives an interpreter although the sides share a
    language, each with the pair the interpreter must speak (Japanese and the buyer's language).

    Each first-timer's first ``pavilion.first_timer_interpreted_meetings`` meetings come with an
    interpreter: the meetings held or fixed with one count first (a fixed meeting keeps what it
    has), then the movable ones by score, highest first; a meeting that needs an interpreter
    anyway uses up one of them. A meeting gets the offer only where an interpreter of the pair
    is free in a slot both sides can meet in, so the offer never costs a first-timer a meeting
    that could otherwise be placed; a buyer who speaks Japanese needs none.
    """
    allowance = pavilion.first_timer_interpreted_meetings
    if not allowance or not newcomers:
        return {}
    used = defaultdict(int)
    for sme_id in Meeting.objects.filter(
        pavilion=pavilion,
        sme_id__in=newcomers,
        status__in=(MeetingStatus.HELD, MeetingStatus.NO_SHOW),
        interpreter__isnull=False,
    ).values_list("sme_id", flat=True):
        used[sme_id] += 1
    for meeting in meetings:
        fixed_with_one = meeting.pk in fixed_ids and (
            meeting.interpreter_id or meeting.interpreter_pair
        )
        if fixed_with_one and meeting.sme_id in newcomers:
            used[meeting.sme_id] += 1
    movable = sorted(
        (m for m in meetings if m.sme_id in newcomers and m.pk not in fixed_ids),
        key=lambda m: (-m.score, m.pk),
    )
    buyer_languages = {
        buyer.pk: {language.code for language in buyer.languages.all()}
        for buyer in ForeignBuyer.objects.filter(
            pk__in={m.buyer_id for m in movable}
        ).prefetch_related("languages")
    }
    sme_languages = {
        sme.pk: {language.code for language in sme.languages.all()}
        for sme in SME.objects.filter(pk__in={m.sme_id for m in movable}).prefetch_related(
            "languages"
        )
    }
    offered: dict[int, list[str]] = {}
    for meeting in movable:
        if used[meeting.sme_id] >= allowance:
            continue
        if meeting.interpreter_pair:
            used[meeting.sme_id] += 1
            continue
        theirs = buyer_languages.get(meeting.buyer_id) or {"en"}
        if "ja" in theirs:
            continue
        shared = theirs & sme_languages.get(meeting.sme_id, set())
        # The language they would meet in first, so the interpreter helps that conversation.
        for language in sorted(theirs, key=lambda code: (code not in shared, code != "en", code)):
            both = available[sme_key(meeting.sme_id)] & available[buyer_key(meeting.buyer_id)]
            if any(
                {"ja", language} <= set(interpreter["languages"])
                and both & set(interpreter["available"])
                for interpreter in interpreters
            ):
                offered[meeting.pk] = ["ja", language]
                used[meeting.sme_id] += 1
                break
    return offered


def scheduling_instance(pavilion: Pavilion) -> dict:
    """The contract's instance for a pavilion's schedulable meetings."""
    slots = list(pavilion.slots.order_by("starts_at"))
    blocked, attending, slot_days = participant_availability(pavilion, slots)
    day_index = {day: index for index, day in enumerate(sorted(set(slot_days.values())))}
    meetings = list(
        Meeting.objects.filter(pavilion=pavilion, status__in=SCHEDULABLE_STATUSES).order_by("pk")
    )
    # Meetings already held count against the caps of what is left to schedule.
    held = Meeting.objects.filter(
        pavilion=pavilion, status__in=(MeetingStatus.HELD, MeetingStatus.NO_SHOW)
    )
    held_by = defaultdict(int)
    for sme_id, buyer_id in held.values_list("sme_id", "buyer_id"):
        held_by[sme_key(sme_id)] += 1
        held_by[buyer_key(buyer_id)] += 1

    fixed = [m for m in meetings if is_fixed(m)]
    fixed_count = defaultdict(int)
    must_allow: dict[str, set[int]] = defaultdict(set)
    busy_interpreters: dict[int, set[int]] = defaultdict(set)
    for meeting in fixed:
        for key in (sme_key(meeting.sme_id), buyer_key(meeting.buyer_id)):
            fixed_count[key] += 1
            # A published meeting stays even if its party became unavailable: the organiser
            # sees the conflict and decides; the scheduler never unbooks it.
            must_allow[key].add(meeting.slot_id)
        if meeting.interpreter_id:
            busy_interpreters[meeting.interpreter_id].add(meeting.slot_id)

    def available(key: str) -> list[str]:
        days = attending.get(key) if key.startswith("buyer-") else None
        return [
            f"s{slot.pk}"
            for slot in slots
            if slot.pk in must_allow[key]
            or (slot.pk not in blocked[key] and (days is None or slot_days[slot.pk] in days))
        ]

    def cap(key: str, limit: int) -> int:
        return max(limit - held_by[key], fixed_count[key], 0)

    parties = []
    newcomers = first_timers(pavilion)
    for sme_id in sorted({m.sme_id for m in meetings}, key=sme_key):
        key = sme_key(sme_id)
        party = {
            "id": key,
            "available": available(key),
            "max_meetings": cap(key, pavilion.max_meetings_per_exhibitor),
        }
        if sme_id in newcomers:
            # First-timers are placed before others of equal score (the instance's optional
            # party priority, see meetings/scheduler/instance.py).
            party["priority"] = True
        parties.append(party)
    for key in sorted({buyer_key(m.buyer_id) for m in meetings}):
        parties.append(
            {
                "id": key,
                "available": available(key),
                "max_meetings": cap(key, pavilion.max_meetings_per_buyer),
            }
        )
    if pavilion.max_meetings_per_day:
        per_day = defaultdict(int)
        for meeting in fixed:
            for key in (sme_key(meeting.sme_id), buyer_key(meeting.buyer_id)):
                per_day[key, slot_days[meeting.slot_id]] += 1
        for party in parties:
            busiest = max((n for (k, _day), n in per_day.items() if k == party["id"]), default=0)
            party["max_per_day"] = max(pavilion.max_meetings_per_day, busiest)

    interpreters = []
    for interpreter in Interpreter.objects.filter(pavilion=pavilion).prefetch_related(
        "languages", "available_slots"
    ):
        taken = busy_interpreters[interpreter.pk]
        interpreters.append(
            {
                "id": f"i{interpreter.pk}",
                "languages": sorted(language.code for language in interpreter.languages.all()),
                "available": [
                    f"s{s.pk}" for s in interpreter.available_slots.all() if s.pk not in taken
                ],
            }
        )

    fixed_ids = {m.pk for m in fixed}
    offered = first_timer_interpreting(
        pavilion=pavilion,
        meetings=meetings,
        fixed_ids=fixed_ids,
        newcomers=newcomers,
        interpreters=interpreters,
        available={party["id"]: set(party["available"]) for party in parties},
    )
    instance_meetings = []
    for meeting in meetings:
        keep_interpreter = meeting.pk in fixed_ids and meeting.interpreter_id
        instance_meetings.append(
            {
                "id": f"m{meeting.pk}",
                "parties": [sme_key(meeting.sme_id), buyer_key(meeting.buyer_id)],
                "score": float(meeting.score),
                # A fixed meeting keeps its interpreter: it is taken out of that slot above.
                "interpreter": (
                    list(meeting.interpreter_pair)
                    if meeting.interpreter_pair and not keep_interpreter
                    else offered.get(meeting.pk)
                ),
                "at_table": meeting.at_table,
                "fixed_slot": f"s{meeting.slot_id}" if meeting.pk in fixed_ids else None,
            }
        )
    return {
        "slots": [{"id": f"s{slot.pk}", "day": day_index[slot_days[slot.pk]]} for slot in slots],
        "parties": parties,
        "interpreters": interpreters,
        "tables_per_slot": max(
            pavilion.shared_tables,
            max((n for n in _fixed_tables(fixed).values()), default=0),
        ),
        "meetings": instance_meetings,
    }


def _fixed_tables(fixed: list[Meeting]) -> dict[int, int]:
    tables = defaultdict(int)
    for meeting in fixed:
        if meeting.at_table:
            tables[meeting.slot_id] += 1
    return tables
