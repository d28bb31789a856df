"""Organisers' placement by hand: a meeting moved into a slot, taken out of it, or locked in it
for later scheduling runs."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.services import unique_or_refused
from events.models import Interpreter, MeetingSlot, Side

from ..history import slot_details
from ..models import SCHEDULABLE_STATUSES, Meeting, MeetingStatus
from ..selectors.conflicts import placement_violations
from . import notifications
from .changes import PLACEMENT_CODES, MeetingChange, meeting_locked


@transaction.atomic
def meeting_move(
    *, meeting: Meeting, slot: MeetingSlot, interpreter: Interpreter | None = None, by=None
) -> Meeting:
    """An organiser puts an accepted or scheduled meeting into a slot, by hand.

    Refused with every broken rule named; the database refuses a double booking that slips in
    between the check and the write. Side effects: tells both sides if it was published.
    """
    meeting = meeting_locked(meeting.pk, related=("pavilion__fair", "sme", "buyer"))
    if meeting.status not in SCHEDULABLE_STATUSES:
        raise ValidationError(
            _("A meeting that is %(status)s cannot be put in a slot.")
            % {"status": meeting.get_status_display().lower()}
        )
    problems = placement_violations(meeting=meeting, slot=slot, interpreter=interpreter)
    if problems:
        raise ValidationError(problems)
    before_slot = meeting.slot
    change = MeetingChange(meeting, fields=PLACEMENT_CODES)
    meeting.status, meeting.slot, meeting.interpreter = MeetingStatus.SCHEDULED, slot, interpreter
    with unique_or_refused(
        lambda: (
            _("Someone booked %(slot)s for one of these people a moment ago; pick another slot.")
            % {"slot": meeting.pavilion.fair.local_text(slot.starts_at)}
        )
    ):
        meeting.save(update_fields=["status", "slot", "interpreter", "updated_at"])
    change.record(
        "moved",
        "meeting.moved",
        by=by,
        side=Side.ORGANISER,
        details={
            **slot_details(slot),
            **{f"from_{key}": value for key, value in slot_details(before_slot).items()},
            "interpreter": interpreter.pk if interpreter is not None else None,
        },
    )
    if meeting.published_at:
        notifications.notify_on_commit("meeting_moved", meeting.pk)
    return meeting


@transaction.atomic
def meeting_unschedule(*, meeting: Meeting, by=None) -> Meeting:
    """Take a meeting out of its slot (it stays accepted), e.g. after a change of availability."""
    meeting = meeting_locked(meeting.pk)
    if meeting.status != MeetingStatus.SCHEDULED:
        raise ValidationError(_("Only a scheduled meeting can be taken out of its slot."))
    change = MeetingChange(meeting, fields=PLACEMENT_CODES)
    meeting.status, meeting.slot, meeting.interpreter = MeetingStatus.ACCEPTED, None, None
    meeting.published_at, meeting.locked = None, False
    meeting.save()
    change.record("unscheduled", "meeting.unscheduled", by=by, side=Side.ORGANISER)
    return meeting


def meeting_lock(*, meeting: Meeting, locked: bool, by=None) -> Meeting:
    """Lock a meeting in its slot (or release it) for later scheduling runs."""
    with transaction.atomic():
        meeting = meeting_locked(meeting.pk)
        if locked and meeting.status != MeetingStatus.SCHEDULED:
            raise ValidationError(_("Only a scheduled meeting can be locked in its slot."))
        change = MeetingChange(meeting, fields=PLACEMENT_CODES)
        meeting.locked = locked
        meeting.save(update_fields=["locked", "updated_at"])
        event = "locked" if locked else "unlocked"
        change.record(event, f"meeting.{event}", by=by, side=Side.ORGANISER)
    return meeting
