"""Who holds a meeting for the exhibitor, whether it took place, and what came of it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import audit
from events.models import Side

from ..models import (
    AT_FAIR,
    AbsentSide,
    FollowUpRequest,
    Meeting,
    MeetingOutcome,
    MeetingStatus,
    TradeStage,
    pavilion_rounds,
    round_label,
)
from .changes import MEETING_PARTIES, MeetingChange, meeting_locked, meeting_record
from .requests import check_attendee, check_one_attendee


@transaction.atomic
def meeting_set_attendee(*, meeting: Meeting, attendee, by=None) -> Meeting:
    """Name the member of the exhibitor's team who holds the meeting."""
    meeting = meeting_locked(meeting.pk, related=MEETING_PARTIES)
    check_attendee(meeting.sme, attendee)
    check_one_attendee(meeting, attendee=attendee)
    change = MeetingChange(meeting, fields=["attendee"])
    meeting.attendee = attendee
    meeting.save(update_fields=["attendee", "updated_at"])
    change.record(
        "attendee",
        "meeting.attendee_named",
        by=by,
        side=Side.EXHIBITOR,
        details={"attendee": attendee.pk if attendee is not None else None},
    )
    return meeting


#: Who did not come, when a participant marks a no-show: the other side.
_OTHER_SIDE = {Side.EXHIBITOR: AbsentSide.BUYER, Side.BUYER: AbsentSide.EXHIBITOR}


@transaction.atomic
def meeting_record_attendance(
    *,
    meeting: Meeting,
    held: bool,
    absent: str | None = None,
    by=None,
    side: str = Side.ORGANISER,
    at=None,
) -> Meeting:
    """After its slot has begun, record whether a scheduled meeting took place and, for a
    no-show, who did not come (``absent``: an ``AbsentSide``; a participant who marks a no-show
    says the other side did not come, an organiser may leave it unsaid)."""
    at = at or timezone.now()
    if held and absent:
        raise ValidationError({"absent": _("A meeting that was held has nobody absent.")})
    if not held and absent is None:
        absent = _OTHER_SIDE.get(side, "")
    if absent and absent not in AbsentSide.values:
        raise ValidationError({"absent": _("Choose who did not come from the list.")})
    meeting = meeting_locked(meeting.pk, related=MEETING_PARTIES)
    if meeting.status not in (MeetingStatus.SCHEDULED, MeetingStatus.HELD, MeetingStatus.NO_SHOW):
        raise ValidationError(_("Only a scheduled meeting can be marked held or a no-show."))
    if meeting.slot.starts_at > at:
        raise ValidationError(_("The meeting has not started yet."))
    change = MeetingChange(meeting, fields=["status", "absent_side"])
    meeting.status = MeetingStatus.HELD if held else MeetingStatus.NO_SHOW
    meeting.absent_side = "" if held else absent or ""
    meeting.save(update_fields=["status", "absent_side", "updated_at"])
    change.record(
        meeting.status,
        "meeting.attendance_recorded",
        by=by,
        side=side,
        details={"absent": meeting.absent_side} if meeting.absent_side else None,
    )
    return meeting


@transaction.atomic
def meeting_outcome_record(
    *,
    meeting: Meeting,
    side: str,
    stage: str,
    round: int = AT_FAIR,
    note: str = "",
    expected_value_usd: int | None = None,
    by=None,
) -> MeetingOutcome:
    """A side (or an organiser for them) says what came of a meeting at the fair (``round`` 0)
    or at one of its pavilion's follow-up rounds (months after the fair); a second call for the
    same side and round replaces the first. Only a meeting that took place has an outcome."""
    meeting = meeting_locked(meeting.pk, related=MEETING_PARTIES)
    if meeting.status != MeetingStatus.HELD:
        raise ValidationError(
            _("Only a meeting that was held has an outcome; this one is %(status)s.")
            % {"status": meeting.get_status_display().lower()}
        )
    if stage not in TradeStage.values:
        raise ValidationError({"stage": _("Choose a stage from the list.")})
    rounds = pavilion_rounds(meeting.pavilion)
    if round not in rounds:
        raise ValidationError(
            {
                "round": _("This pavilion asks about these rounds only: %(rounds)s.")
                % {"rounds": ", ".join(round_label(months) for months in rounds)}
            }
        )
    kept = ("meeting", "side", "round", "stage", "expected_value_usd")
    earlier = MeetingOutcome.objects.filter(meeting=meeting, side=Side(side), round=round).first()
    codes = audit.values(earlier, kept, texts=["note"]) if earlier is not None else {}
    outcome, _created = MeetingOutcome.objects.update_or_create(
        meeting=meeting,
        side=Side(side),
        round=round,
        defaults={
            "stage": stage,
            "note": note,
            "expected_value_usd": expected_value_usd,
            "recorded_by": by if getattr(by, "is_authenticated", False) else None,
        },
    )
    # However it was told (the emailed link, the meeting's page, the API, the admin), it answers
    # the follow-up request of that side and round.
    FollowUpRequest.objects.filter(
        meeting=meeting, side=side, round=round, answered_at__isnull=True
    ).update(answered_at=timezone.now())
    meeting_record(
        meeting=meeting,
        action="outcome",
        by=by,
        side=side,
        from_status=meeting.status,
        details={"round": round, "stage": stage},
    )
    audit.record_changes(
        action="outcome.recorded",
        obj=outcome,
        pavilion_id=meeting.pavilion_id,
        before=codes,
        after=audit.values(outcome, kept, texts=["note"]),
        by=by,
    )
    return outcome
