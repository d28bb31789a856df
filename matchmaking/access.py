"""What each actor may read and do with proposals and meetings (see companies.access)."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from companies.access import Actor
from events.models import Interpreter, MeetingSlot

from .models import (
    Meeting,
    MeetingOutcome,
    MeetingStatus,
    PairWish,
    ParticipantUnavailability,
    Proposal,
    Side,
)


def _own_or_organised(actor: Actor, queryset: QuerySet) -> QuerySet:
    if actor.platform_admin:
        return queryset
    rule = Q(pavilion_id__in=actor.pavilion_ids)
    if actor.sme is not None:
        rule |= Q(sme=actor.sme)
    if actor.buyer is not None:
        rule |= Q(buyer=actor.buyer)
    if not (actor.pavilion_ids or actor.sme or actor.buyer):
        return queryset.none()
    return queryset.filter(rule)


def meetings_visible_to(actor: Actor) -> QuerySet:
    return _own_or_organised(actor, Meeting.objects.all())


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


def proposals_visible_to(actor: Actor) -> QuerySet:
    return _own_or_organised(actor, Proposal.objects.all())


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


def _organised(actor: Actor, queryset: QuerySet) -> QuerySet:
    if actor.platform_admin:
        return queryset
    return queryset.filter(pavilion_id__in=actor.pavilion_ids)


def wishes_visible_to(actor: Actor) -> QuerySet:
    """Wishes about pairs are the organisers' tuning: only they read them, for their pavilions.
    (A company says the same through its meeting requests and by declining proposals.)"""
    return _organised(actor, PairWish.objects.all())


def unavailabilities_visible_to(actor: Actor) -> QuerySet:
    """Participants' unavailable slots, for the organisers of their pavilions."""
    return _organised(actor, ParticipantUnavailability.objects.all())


def side_of(actor: Actor, meeting_or_proposal) -> Side | None:
    """On whose behalf the actor acts for this meeting or proposal; None when they may not."""
    if actor.acts_for_sme(meeting_or_proposal.sme_id):
        return Side.EXHIBITOR
    if actor.acts_for_buyer(meeting_or_proposal.buyer_id):
        return Side.BUYER
    if actor.organises(meeting_or_proposal.pavilion_id):
        return Side.ORGANISER
    return None
