"""The answers to a meeting: accepted by both sides (then it is confirmed), declined, or
cancelled before it takes place; and a platform administrator's deletion of it.

Each answer locks the meeting's row, records the change and emails whom it concerns once the
transaction commits.
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.services import row_delete
from events.models import Side
from matchmaking.models import Proposal, ProposalStatus

from ..history import slot_details
from ..models import OPEN_STATUSES, ActingFor, Meeting, MeetingStatus
from . import notifications
from .changes import CANCEL_CODES, MEETING_PARTIES, MeetingChange, meeting_locked
from .requests import (
    acting_for_checked,
    check_attendee,
    check_meeting_cap,
    check_one_attendee,
    place_if_published,
)


def _request_locked(meeting: Meeting, refusal: str) -> Meeting:
    """The meeting's row, locked; refused with ``refusal`` (naming its status) unless it is
    still a request."""
    meeting = meeting_locked(meeting.pk, related=MEETING_PARTIES)
    if meeting.status != MeetingStatus.REQUESTED:
        raise ValidationError(refusal % {"status": meeting.get_status_display().lower()})
    return meeting


@transaction.atomic
def meeting_accept(
    *,
    meeting: Meeting,
    side: str,
    by=None,
    attendee=None,
    at: datetime | None = None,
    acting_for: str = "",
) -> Meeting:
    """A side accepts a requested meeting; an organiser accepts on behalf of ``acting_for``:
    the exhibitor, the buyer, or both (the default), recorded as such.

    Side effects: when both sides have accepted, the meeting is accepted and counts against both
    caps, and both are emailed; after the pavilion's schedule is published, a scheduling run
    then places it without moving published meetings. A side whose acceptance the organiser
    gave is told so, confirmed or not.
    """
    at = at or timezone.now()
    side = Side(side)
    acting_for = acting_for_checked(side, acting_for, default=ActingFor.BOTH)
    meeting = _request_locked(
        meeting, _("This meeting is %(status)s; only a requested meeting can be accepted.")
    )
    change = MeetingChange(meeting)
    check_attendee(meeting.sme, attendee)
    check_one_attendee(meeting, attendee=attendee)
    waiting = {
        side
        for side, at in (
            ("exhibitor", meeting.exhibitor_accepted_at),
            ("buyer", meeting.buyer_accepted_at),
        )
        if not at
    }
    if side == Side.EXHIBITOR or acting_for in (ActingFor.EXHIBITOR, ActingFor.BOTH):
        meeting.exhibitor_accepted_at = meeting.exhibitor_accepted_at or at
    if side == Side.BUYER or acting_for in (ActingFor.BUYER, ActingFor.BOTH):
        meeting.buyer_accepted_at = meeting.buyer_accepted_at or at
    if attendee is not None:
        meeting.attendee = attendee
    confirmed = bool(meeting.exhibitor_accepted_at and meeting.buyer_accepted_at)
    if confirmed:
        check_meeting_cap(meeting.pavilion, sme=meeting.sme, buyer=meeting.buyer, excluding=meeting)
        meeting.status = MeetingStatus.ACCEPTED
        meeting.expires_at = None
    meeting.save()
    change.record("accepted", "meeting.accepted", by=by, side=side, acting_for=acting_for)
    # Told that the organiser accepted for them: the sides whose acceptance it gave just now.
    given = waiting & set(notifications.ACTED_SIDES.get(acting_for, []))
    acted_for = ActingFor.BOTH if len(given) == 2 else given.pop() if given else ""
    notifications.notify_on_commit(
        "meeting_confirmed" if confirmed else "", meeting.pk, acted_for=acted_for
    )
    if confirmed:
        place_if_published(meeting)
    return meeting


@transaction.atomic
def meeting_decline(
    *, meeting: Meeting, side: str, by=None, note: str = "", acting_for: str = ""
) -> Meeting:
    """A side declines a request; an organiser declines as the organiser, or on behalf of
    ``acting_for`` (the exhibitor, the buyer or both), recorded as such.

    Side effects: a pair declined from a proposal never comes back; the requester is emailed
    once the transaction commits, and a side the organiser declined for is told so."""
    side = Side(side)
    acting_for = acting_for_checked(side, acting_for, default="")
    meeting = _request_locked(
        meeting, _("This meeting is %(status)s; only a requested meeting can be declined.")
    )
    change = MeetingChange(meeting)
    meeting.status = MeetingStatus.DECLINED
    meeting.expires_at = None
    meeting.save()
    Proposal.objects.filter(pavilion=meeting.pavilion, sme=meeting.sme, buyer=meeting.buyer).update(
        status=ProposalStatus.DECLINED, decided_by=by, decided_at=timezone.now()
    )
    change.record(
        "declined", "meeting.declined", by=by, side=side, note=note, acting_for=acting_for
    )
    notifications.notify_on_commit("meeting_declined", meeting.pk, acted_for=acting_for)
    return meeting


@transaction.atomic
def meeting_cancel(
    *, meeting: Meeting, side: str, by=None, note: str = "", acting_for: str = ""
) -> Meeting:
    """Either side or an organiser calls off a meeting that has not taken place; ``note`` is the
    reason, which a published meeting must have (the other side's email gives it). An organiser
    cancels as the organiser, or on behalf of ``acting_for`` (the exhibitor, the buyer or both),
    recorded as such.

    Side effects: frees its slot and interpreter, keeps the reason on the
    meeting, and tells both sides if it was published; a side the organiser cancelled for is
    told so in any case.
    """
    side = Side(side)
    acting_for = acting_for_checked(side, acting_for, default="")
    meeting = meeting_locked(meeting.pk, related=MEETING_PARTIES)
    if meeting.status not in OPEN_STATUSES:
        raise ValidationError(
            _("This meeting is %(status)s and cannot be cancelled.")
            % {"status": meeting.get_status_display().lower()}
        )
    was_published = bool(meeting.published_at)
    note = note.strip()
    if was_published and not note:
        raise ValidationError(
            {
                "note": _(
                    "The meeting is in the published schedule: say why it is cancelled; "
                    "the other side's email gives the reason."
                )
            }
        )
    details = slot_details(meeting.slot)
    change = MeetingChange(meeting, fields=CANCEL_CODES, texts=["cancel_reason"])
    meeting.status = MeetingStatus.CANCELLED
    meeting.slot = meeting.interpreter = meeting.expires_at = None
    meeting.cancel_reason = note
    meeting.save()
    change.record(
        "cancelled",
        "meeting.cancelled",
        by=by,
        side=side,
        note=note,
        details=details,
        acting_for=acting_for,
    )
    notifications.notify_on_commit(
        "meeting_cancelled" if was_published else "", meeting.pk, acted_for=acting_for
    )
    return meeting


@transaction.atomic
def meeting_delete(*, meeting: Meeting, by=None) -> None:
    """A platform administrator deletes a meeting, with its history and outcomes.

    Side effects: records ``meeting.deleted`` with every field it had, before it goes; nobody is
    emailed, and its slot and interpreter are free again.
    """
    meeting = meeting_locked(meeting.pk)
    row_delete(obj=meeting, subject="meeting", pavilion="pavilion_id", by=by)
