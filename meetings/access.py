"""What each actor may read and do with meetings, their times and outcomes (see
companies.access)."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from companies.access import Actor
from events.access import organised_rows_visible_to, pair_rows_visible_to
from events.models import Interpreter, MeetingSlot, Side

from .models import Meeting, MeetingOutcome, MeetingStatus, ParticipantUnavailability


def meetings_visible_to(actor: Actor) -> QuerySet:
    return pair_rows_visible_to(actor, Meeting.objects.all())


# --- when a meeting is: the organisers' draft until published ---------------------------------
# The scheduler's placement (slot and interpreter) may still move until the organisers publish
# it, so the two sides see it only then: a time seen early is a time people plan around. Every
# page, export and API answer that shows a participant a meeting asks these three functions.


def time_visible_q(actor: Actor) -> Q:
    """Meetings whose slot and interpreter the actor may see: published ones, and every meeting
    of the pavilions they organise."""
    if actor.platform_admin:
        return Q()
    return Q(published_at__isnull=False) | Q(pavilion_id__in=actor.pavilion_ids)


def sees_time(actor: Actor, meeting: Meeting) -> bool:
    """``time_visible_q`` for one meeting already loaded."""
    return meeting.published_at is not None or actor.organises(meeting.pavilion_id)


@dataclass(frozen=True)
class MeetingAsSeen:
    """What a reader may know of a meeting's placement: its slot and interpreter (None before
    publication for the two sides) and its status (a meeting placed but not yet published is
    still "accepted" to them)."""

    slot: MeetingSlot | None
    interpreter: Interpreter | None
    status: str

    @property
    def status_label(self) -> str:
        return MeetingStatus(self.status).label


def meeting_as_seen(actor: Actor, meeting: Meeting) -> MeetingAsSeen:
    if sees_time(actor, meeting):
        return MeetingAsSeen(meeting.slot, meeting.interpreter, meeting.status)
    status = MeetingStatus.ACCEPTED if meeting.status == MeetingStatus.SCHEDULED else meeting.status
    return MeetingAsSeen(None, None, str(status))


def outcomes_visible_to(actor: Actor) -> QuerySet:
    """Organisers read their pavilions' outcomes; a company only what its own side recorded."""
    outcomes = MeetingOutcome.objects.all()
    if actor.platform_admin:
        return outcomes
    if not (actor.pavilion_ids or actor.sme or actor.buyer):
        return outcomes.none()
    rule = Q(meeting__pavilion_id__in=actor.pavilion_ids)
    if actor.sme is not None:
        rule |= Q(meeting__sme=actor.sme, side=Side.EXHIBITOR)
    if actor.buyer is not None:
        rule |= Q(meeting__buyer=actor.buyer, side=Side.BUYER)
    return outcomes.filter(rule)


def unavailabilities_visible_to(actor: Actor) -> QuerySet:
    """Participants' unavailable slots, for the organisers of their pavilions."""
    return organised_rows_visible_to(actor, ParticipantUnavailability.objects.all())
