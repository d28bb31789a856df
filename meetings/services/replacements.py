"""Placing a replacement into a freed slot, in one step: an accepted meeting is moved into it,
a proposal is accepted on both sides' behalf (the meeting is confirmed) and then moved into it.

Nothing else moves. The placement services re-check every rule, so a candidate that went stale
since the list was shown (someone booked, a cap filled) is refused with their message and
nothing is written. The placed meeting is locked in its slot, so a later scheduling run keeps
it where the organiser put it. Audited and emailed as those services do. When the pavilion's
schedule is published, the placed meeting is published at once and its two sides are emailed
their updated schedule: on the fair day they cannot wait for the next publication.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from events.models import Interpreter, MeetingSlot, Pavilion
from matchmaking.models import Proposal

from ..models import Meeting, MeetingStatus
from .placement import meeting_lock, meeting_move
from .proposals import proposal_accept
from .publication import meeting_publish


@transaction.atomic
def replacement_place(
    *,
    pavilion: Pavilion,
    slot: MeetingSlot,
    candidate: str,
    interpreter: Interpreter | None = None,
    by=None,
) -> Meeting:
    """Put ``candidate`` ("m<pk>": an accepted meeting, "p<pk>": an open proposal) into
    ``slot`` with ``interpreter``. Returns the placed meeting.

    Refused, with nothing written, for a slot, candidate or interpreter of another pavilion, a
    meeting that is no longer waiting for a slot, a proposal no longer open or whose pair has a
    meeting, and any rule the placement breaks.
    """
    if slot.pavilion_id != pavilion.pk:
        raise ValidationError({"slot": _("This slot belongs to another pavilion.")})
    if interpreter is not None and interpreter.pavilion_id != pavilion.pk:
        raise ValidationError({"interpreter": _("This interpreter works at another pavilion.")})
    kind, number = (candidate or " ")[0], (candidate or "")[1:]
    if kind not in "mp" or not number.isdigit():
        raise ValidationError({"candidate": _("Choose a replacement from the list.")})
    if kind == "m":
        meeting = Meeting.objects.filter(pk=int(number), pavilion=pavilion).first()
        if meeting is None:
            raise ValidationError({"candidate": _("This meeting is not at this pavilion.")})
        if meeting.status != MeetingStatus.ACCEPTED:
            raise ValidationError(
                {
                    "candidate": _(
                        "This meeting is %(status)s, no longer waiting for a slot; refresh "
                        "the list."
                    )
                    % {"status": meeting.get_status_display().lower()}
                }
            )
    else:
        proposal = Proposal.objects.filter(pk=int(number), pavilion=pavilion).first()
        if proposal is None:
            raise ValidationError({"candidate": _("This proposal is not at this pavilion.")})
        proposal_accept(proposal=proposal, side="organiser", by=by, acting_for="both")
        meeting = Meeting.objects.get(
            pavilion=pavilion,
            sme_id=proposal.sme_id,
            buyer_id=proposal.buyer_id,
            status=MeetingStatus.ACCEPTED,
        )
    meeting = meeting_move(meeting=meeting, slot=slot, interpreter=interpreter, by=by)
    meeting = meeting_lock(meeting=meeting, locked=True, by=by)
    if Pavilion.objects.filter(pk=pavilion.pk, schedule_published_at__isnull=False).exists():
        meeting = meeting_publish(meeting=meeting, by=by)
    return meeting
