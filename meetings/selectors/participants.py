"""Reads for a participant's own pages of a pavilion: what an exhibitor has going with each
buyer it browses, and the slots in which the company has marked itself busy."""

from dataclasses import dataclass, field
from datetime import date

from companies.models import SME, ForeignBuyer
from events.models import BuyerAttendanceDay, MeetingSlot, Pavilion

from ..access import meeting_as_seen, meetings_visible_to
from ..models import BOOKED_STATUSES, OPEN_STATUSES, Meeting, ParticipantUnavailability


def open_meeting_statuses(actor, pavilion: Pavilion) -> dict[int, str]:
    """For an exhibitor: buyer id -> the status of their open meeting with that buyer; for a
    buyer: sme id -> the same with that exhibitor; as the actor may know it ("scheduled" only
    once the time is published). Empty for anyone else."""
    if actor.is_exhibitor:
        own, other = {"sme": actor.sme}, "buyer_id"
    elif actor.is_buyer:
        own, other = {"buyer": actor.buyer}, "sme_id"
    else:
        return {}
    meetings = meetings_visible_to(actor).filter(pavilion=pavilion, status__in=OPEN_STATUSES, **own)
    return {
        getattr(meeting, other): meeting_as_seen(actor, meeting).status_label
        for meeting in meetings.select_related("slot", "interpreter")
    }


def participant_lookup(*, sme: SME | None = None, buyer: ForeignBuyer | None = None) -> dict:
    """The filter naming one participant: ``{"sme": sme}`` or ``{"buyer": buyer}``."""
    return {"sme": sme} if sme is not None else {"buyer": buyer}


def published_meetings_in_slots(pavilion: Pavilion, slot_ids, **participant) -> dict:
    """Slot id -> the participant's booked meeting in it whose time is published (the times
    the participant knows; a placement not yet published stays the organiser's)."""
    meetings = Meeting.objects.filter(
        pavilion=pavilion,
        slot_id__in=slot_ids,
        status__in=BOOKED_STATUSES,
        published_at__isnull=False,
        **participant,
    ).select_related("sme", "buyer")
    return {meeting.slot_id: meeting for meeting in meetings}


@dataclass
class BusySlotDay:
    """One day of the fair on the busy-slots page, in its own time zone."""

    day: date
    attended: bool  # a buyer not attending the day cannot meet on it anyway
    slots: list = field(default_factory=list)  # MeetingSlot with ``busy`` and ``meeting``


def busy_slot_days(pavilion: Pavilion, **participant) -> list[BusySlotDay]:
    """The pavilion's slots by local day, each with ``busy`` (marked by the participant) and
    ``meeting`` (their published booked meeting in it, or None)."""
    fair = pavilion.fair
    slots = list(MeetingSlot.objects.filter(pavilion=pavilion).order_by("starts_at"))
    busy = set(
        ParticipantUnavailability.objects.filter(pavilion=pavilion, **participant).values_list(
            "slot_id", flat=True
        )
    )
    booked = published_meetings_in_slots(pavilion, [slot.pk for slot in slots], **participant)
    attended = None
    if participant.get("buyer") is not None:
        attended = set(
            BuyerAttendanceDay.objects.filter(
                registration__pavilion=pavilion, registration__buyer=participant["buyer"]
            ).values_list("day", flat=True)
        )
    days: list[BusySlotDay] = []
    for slot in slots:
        slot.pavilion = pavilion  # for its text, without a query per slot
        slot.busy, slot.meeting = slot.pk in busy, booked.get(slot.pk)
        day = fair.local(slot.starts_at).date()
        if not days or days[-1].day != day:
            days.append(BusySlotDay(day=day, attended=attended is None or day in attended))
        days[-1].slots.append(slot)
    return days
