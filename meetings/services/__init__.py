"""Every write of meetings; the admin, pages, API and tasks all call these."""


from .availability import (
    participant_unavailability_check,
    participant_unavailability_delete,
    participant_unavailability_save,
    unavailability_conflicts,
)
from .meetings import (
    interpreter_languages_for,
    meeting_accept,
    meeting_cancel,
    meeting_decline,
    meeting_outcome_record,
    meeting_record,
    meeting_record_attendance,
    meeting_request,
    meeting_set_attendee,
    meetings_expire,
    meetings_remind,
)
from .notifications import meeting_notification_send, schedule_published_send
from .proposals import proposal_accept
from .scheduling import (
    availability_conflicts,
    meeting_lock,
    meeting_move,
    meeting_unschedule,
    placement_violations,
    schedule_apply,
    schedule_publish,
    scheduling_instance,
    scheduling_run_execute,
    scheduling_run_request,
)

__all__ = [
    "availability_conflicts",
    "interpreter_languages_for",
    "meeting_accept",
    "meeting_cancel",
    "meeting_decline",
    "meeting_lock",
    "meeting_move",
    "meeting_notification_send",
    "meeting_outcome_record",
    "meeting_record",
    "meeting_record_attendance",
    "meeting_request",
    "meeting_set_attendee",
    "meeting_unschedule",
    "meetings_expire",
    "meetings_remind",
    "participant_unavailability_check",
    "participant_unavailability_delete",
    "participant_unavailability_save",
    "placement_violations",
    "proposal_accept",
    "schedule_apply",
    "schedule_publish",
    "schedule_published_send",
    "scheduling_instance",
    "scheduling_run_execute",
    "scheduling_run_request",
    "unavailability_conflicts",
]
