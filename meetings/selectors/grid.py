"""The admin's schedule grid, a page at a time: one day's slots for a block of exhibitors, and
where a picked meeting could go.

Every read here is a fixed number of queries whatever the size of the pavilion: the grid loads
the page's exhibitors and their meetings in the day's slots (never a query per cell), and a
picked meeting's free slots come from the placement rules over facts loaded once
(``conflicts.placement_facts``, the rules ``meeting_move`` refuses with).
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.core.paginator import Page, Paginator

from events.models import ExhibitorRegistration, Interpreter, MeetingSlot, Pavilion

from ..exports import CALENDAR_STATUSES
from ..models import SCHEDULABLE_STATUSES, Meeting
from .conflicts import placement_facts, placement_rules

#: Exhibitors per page of the grid: a day of 48 slots for 50 exhibitors stays a light page.
EXHIBITORS_PER_PAGE = 50


@dataclass(frozen=True)
class Placement:
    """Whether a meeting can go into one slot: with which interpreter, or every rule it breaks
    (the sentences ``meeting_move`` would refuse with)."""

    slot: MeetingSlot
    interpreter: Interpreter | None
    problems: list[str]
    current: bool

    @property
    def free(self) -> bool:
        return not self.problems and not self.current


@dataclass(frozen=True)
class GridCell:
    """An exhibitor's slot in the grid: its meeting if any, and the picked meeting's placement
    there (only in the picked meeting's exhibitor's row)."""

    slot: MeetingSlot
    meeting: Meeting | None
    placement: Placement | None


@dataclass(frozen=True)
class GridPage:
    """One page of the grid: a day, a block of exhibitors, their cells, and a picked meeting's
    placements over the day's slots (per slot id) with the number of free slots of each day."""

    days: list[date]
    day: date | None
    slots: list[MeetingSlot]
    page: Page
    rows: list[tuple[ExhibitorRegistration, list["GridCell"]]]
    picked: Meeting | None
    placements: dict[int, Placement]
    free_by_day: dict[date, int]


def schedule_slots(pavilion: Pavilion) -> tuple[list[MeetingSlot], dict[date, list[MeetingSlot]]]:
    """The pavilion's slots in order, and grouped by their day in fair time."""
    slots = list(pavilion.slots.order_by("starts_at"))
    by_day: dict[date, list[MeetingSlot]] = defaultdict(list)
    for slot in slots:
        by_day[pavilion.fair.local(slot.starts_at).date()].append(slot)
    return slots, dict(by_day)


def movable_meeting(pavilion: Pavilion, meeting_id) -> Meeting | None:
    """A meeting of the pavilion the organiser may put into a slot (accepted or scheduled)."""
    return (
        Meeting.objects.filter(pavilion=pavilion, pk=meeting_id, status__in=SCHEDULABLE_STATUSES)
        .select_related("pavilion__fair", "sme", "buyer", "slot", "interpreter")
        .first()
    )


def meeting_placements(*, meeting: Meeting, slots: list[MeetingSlot]) -> list[Placement]:
    """For each slot, whether ``meeting`` can be put there, in eight queries at most.

    A meeting that needs an interpreter gets the first free one who speaks its pair (its own
    interpreter first); where none is free, the slot shows what placing it with its own (or the
    first who speaks the pair) would break, as the move would.
    """
    candidates: list[Interpreter] = []
    if meeting.interpreter_pair:
        pair = set(meeting.interpreter_pair)
        candidates = sorted(
            Interpreter.objects.filter(pavilion_id=meeting.pavilion_id),
            key=lambda i: (i.pk != meeting.interpreter_id, i.name, i.pk),
        )
    facts = placement_facts(meeting=meeting, slots=slots, interpreters=candidates)
    if candidates:
        speakers = [i for i in candidates if pair <= facts.interpreters[i.pk][0]]
        fallback = speakers[0] if speakers else candidates[0]
    placements = []
    for slot in slots:
        current = slot.pk == meeting.slot_id

        def problems_with(interpreter, slot=slot):
            return placement_rules(meeting=meeting, slot=slot, interpreter=interpreter, facts=facts)

        if not candidates:
            chosen, problems = None, problems_with(None)
        else:
            chosen, problems = fallback, None
            for interpreter in speakers:
                if not problems_with(interpreter):
                    chosen, problems = interpreter, []
                    break
            if problems is None:
                problems = problems_with(fallback)
        placements.append(Placement(slot, chosen, problems, current))
    return placements


def grid_page(
    pavilion: Pavilion, *, day: date | None = None, page=None, meeting: Meeting | None = None
) -> GridPage:
    """The page of the grid for ``day`` (the picked meeting's day, or the first) and exhibitor
    page ``page`` (the picked meeting's exhibitor's page, or the first)."""
    slots, by_day = schedule_slots(pavilion)
    days = sorted(by_day)
    if day not in by_day:
        picked_day = meeting is not None and meeting.slot_id and meeting.slot.starts_at
        day = pavilion.fair.local(picked_day).date() if picked_day else None
        day = day if day in by_day else (days[0] if days else None)
    day_slots = by_day.get(day, [])
    exhibitors = list(
        pavilion.exhibitor_registrations.filter(status="accepted")
        .order_by("booth", "sme__name_en", "pk")
        .values_list("pk", "sme_id")
    )
    paginator = Paginator(exhibitors, EXHIBITORS_PER_PAGE)
    if page is None and meeting is not None:
        position = next((i for i, (_pk, sme) in enumerate(exhibitors) if sme == meeting.sme_id), 0)
        page = position // EXHIBITORS_PER_PAGE + 1
    current_page = paginator.get_page(page)
    ids = [pk for pk, _sme in current_page.object_list]
    registrations = ExhibitorRegistration.objects.select_related("sme").in_bulk(ids)
    cells = {
        (m.sme_id, m.slot_id): m
        for m in Meeting.objects.filter(
            pavilion=pavilion,
            status__in=CALENDAR_STATUSES,
            slot__in=day_slots,
            sme_id__in=[sme for _pk, sme in current_page.object_list],
        ).select_related("buyer", "interpreter")
    }
    placements, free_by_day = {}, {}
    if meeting is not None:
        slot_day = {slot.pk: d for d, slots in by_day.items() for slot in slots}
        free_by_day = dict.fromkeys(days, 0)
        for placement in meeting_placements(meeting=meeting, slots=slots):
            free_by_day[slot_day[placement.slot.pk]] += placement.free
            if slot_day[placement.slot.pk] == day:
                placements[placement.slot.pk] = placement
    rows = []
    for pk in ids:
        registration = registrations[pk]
        picked_row = meeting is not None and registration.sme_id == meeting.sme_id
        rows.append(
            (
                registration,
                [
                    GridCell(
                        slot,
                        cells.get((registration.sme_id, slot.pk)),
                        placements.get(slot.pk) if picked_row else None,
                    )
                    for slot in day_slots
                ],
            )
        )
    return GridPage(
        days=days,
        day=day,
        slots=day_slots,
        page=current_page,
        rows=rows,
        picked=meeting,
        placements=placements,
        free_by_day=free_by_day,
    )
