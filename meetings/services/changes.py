"""What every write of a meeting shares: its row locked, waiting a bounded time for someone
else's change of it, and the change recorded in the meeting's history (``MeetingEvent``) and in
the audit log."""

from django.utils.translation import gettext as _

from core import audit
from core.locks import waiting_at_most

from ..models import Meeting, MeetingEvent

#: What the audit log keeps of a meeting's answers.
ANSWER_CODES = (
    "status",
    "requested_by_side",
    "proposal",
    "exhibitor_accepted_at",
    "buyer_accepted_at",
    "attendee",
)
#: What the audit log keeps of a meeting's place in the schedule.
PLACEMENT_CODES = ("status", "slot", "interpreter", "locked", "published_at")
#: What the audit log keeps of a cancellation (and the reason's length).
CANCEL_CODES = ("status", "slot", "interpreter", "published_at")
#: What a meeting's answers read of it besides its own row.
MEETING_PARTIES = ("pavilion", "sme", "buyer")


def meeting_locked(meeting_id: int, *, related: tuple[str, ...] = ()) -> Meeting:
    """The meeting's row, locked (only its own row, so work on the same people can proceed),
    with ``related`` loaded; refused in words when someone else holds it past the lock timeout.
    Call it inside the write's transaction."""
    with waiting_at_most(
        _("Someone else is changing this meeting right now; try again in a moment.")
    ):
        return (
            Meeting.objects.select_for_update(of=("self",))
            .select_related(*related)
            .get(pk=meeting_id)
        )


def meeting_record(
    *,
    meeting: Meeting,
    action: str,
    by=None,
    side: str = "",
    from_status: str = "",
    note: str = "",
    details: dict | None = None,
    acting_for: str = "",
) -> MeetingEvent:
    """Record one change of a meeting. ``details`` holds its codes and figures (never text
    in someone's language); ``note`` only what a person typed; ``acting_for`` whom an
    organiser acted for."""
    return MeetingEvent.objects.create(
        meeting=meeting,
        actor=by if getattr(by, "is_authenticated", False) else None,
        side=side,
        acting_for=acting_for,
        action=action,
        from_status=from_status,
        to_status=meeting.status,
        details=details or {},
        note=note[:300],
    )


class MeetingChange:
    """One change of a meeting, begun before it is made: it reads the meeting's status and the
    audit codes of ``fields`` (and the lengths of ``texts``) then, or nothing of a ``new``
    meeting; ``record`` writes the history event and the audit entry once the change is made."""

    def __init__(
        self, meeting: Meeting, *, fields=ANSWER_CODES, texts=(), new: bool = False
    ) -> None:
        self.meeting = meeting
        self.fields, self.texts = fields, texts
        self.from_status = "" if new else meeting.status
        self.before = {} if new else audit.values(meeting, fields, texts=texts)

    def record(
        self, event: str, action: str, *, by=None, acting_for: str = "", **history
    ) -> MeetingEvent:
        """Record the change made: the ``event`` in the meeting's history with what ``history``
        adds to it (``side``, ``note``, ``details``: see ``meeting_record``), and the audit
        ``action`` with the codes that changed (and whom an organiser acted for); call it in
        the change's transaction."""
        meeting = self.meeting
        history.update(by=by, from_status=self.from_status, acting_for=acting_for)
        recorded = meeting_record(meeting=meeting, action=event, **history)
        after = audit.values(meeting, self.fields, texts=self.texts)
        changes = audit.changed(self.before, after)
        if acting_for:
            changes["acting_for"] = [None, acting_for]
        audit.record(
            action=action, obj=meeting, pavilion_id=meeting.pavilion_id, changes=changes, by=by
        )
        return recorded
