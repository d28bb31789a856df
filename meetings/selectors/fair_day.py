"""What organiser staff read on a fair day: a day's meetings by slot, where they happen, who
attends, and each side's arrival (the ``checked_in`` events of ``meetings.services.check_in``)."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import groupby

from django.db.models import Prefetch
from django.utils import timezone

from events.models import Pavilion

from .. import exports
from ..models import MeetingEvent

#: The history action of an arrival.
CHECKED_IN = "checked_in"


def arrival_of(events, side: str) -> dict | None:
    """The first arrival of ``side`` among a meeting's events, as ``{"at": datetime, "late":
    bool, "minutes_late": int}``; None if it has not been checked in."""
    for event in events:
        details = event.details or {}
        if event.action == CHECKED_IN and details.get("side") == side:
            arrived = details.get("arrived_at")
            return {
                "at": datetime.fromisoformat(arrived) if arrived else event.at,
                "late": bool(details.get("late")),
                "minutes_late": int(details.get("minutes_late") or 0),
            }
    return None


def fair_day_of(fair, asked: date | None = None, *, now: datetime | None = None) -> date:
    """The fair day to show: the one asked for, else today in the fair's zone, else the
    nearest day of the fair (its first before it begins, its last after it ends)."""
    days = fair.days()
    if asked is not None:
        return asked
    today = fair.local(now or timezone.now()).date()
    return min(max(today, days[0]), days[-1])


@dataclass
class SlotGroup:
    """The meetings of one slot; ``current`` for the slot under way or next to begin."""

    slot: object
    meetings: list = field(default_factory=list)
    current: bool = False


def fair_day_slots(pavilion: Pavilion, day: date, *, now: datetime | None = None):
    """The pavilion's scheduled (and held or missed) meetings of ``day`` in the fair's zone,
    grouped by slot in time order, each meeting with ``location``, ``exhibitor_arrival`` and
    ``buyer_arrival``; the first slot not yet over on that day is ``current``. A fixed number
    of queries whatever the number of meetings."""
    fair = pavilion.fair
    now = now or timezone.now()
    day_starts = datetime.combine(day, time.min, tzinfo=fair.tz)
    next_day_starts = datetime.combine(day + timedelta(days=1), time.min, tzinfo=fair.tz)
    meetings = list(
        exports.scheduled_meetings(pavilion)
        .filter(slot__starts_at__gte=day_starts, slot__starts_at__lt=next_day_starts)
        .select_related("slot__pavilion__fair")
        .prefetch_related(
            Prefetch(
                "events",
                queryset=MeetingEvent.objects.filter(action=CHECKED_IN).order_by("at", "pk"),
                to_attr="arrivals",
            )
        )
    )
    booths = exports.booths_of(pavilion) if meetings else {}
    groups = []
    for slot, items in groupby(meetings, key=lambda m: m.slot):
        group = SlotGroup(slot=slot, meetings=list(items))
        for meeting in group.meetings:
            meeting.location = exports.meeting_location(meeting, booths)
            meeting.exhibitor_arrival = arrival_of(meeting.arrivals, "exhibitor")
            meeting.buyer_arrival = arrival_of(meeting.arrivals, "buyer")
            meeting.started = slot.starts_at <= now
        groups.append(group)
    upcoming = [group for group in groups if group.slot.ends_at > now]
    if upcoming and fair.local(now).date() == day:
        upcoming[0].current = True
    return groups
