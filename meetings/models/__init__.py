from .follow_ups import FollowUpRequest, follow_up_due_on
from .meetings import (
    BOOKED_STATUSES,
    COMMITTED_STATUSES,
    OPEN_STATUSES,
    SCHEDULABLE_STATUSES,
    AbsentSide,
    ActingFor,
    Meeting,
    MeetingEvent,
    MeetingStatus,
    ParticipantUnavailability,
    ScheduleNotice,
)
from .outcomes import AT_FAIR, LAST_ROUND, MeetingOutcome, TradeStage, pavilion_rounds, round_label
from .runs import SchedulingRun

__all__ = [
    "AT_FAIR",
    "BOOKED_STATUSES",
    "COMMITTED_STATUSES",
    "LAST_ROUND",
    "OPEN_STATUSES",
    "SCHEDULABLE_STATUSES",
    "AbsentSide",
    "ActingFor",
    "FollowUpRequest",
    "Meeting",
    "MeetingEvent",
    "MeetingOutcome",
    "MeetingStatus",
    "ParticipantUnavailability",
    "ScheduleNotice",
    "SchedulingRun",
    "TradeStage",
    "follow_up_due_on",
    "pavilion_rounds",
    "round_label",
]
