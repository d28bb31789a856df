from .meetings import (
    BOOKED_STATUSES,
    OPEN_STATUSES,
    SCHEDULABLE_STATUSES,
    ActingFor,
    Meeting,
    MeetingEvent,
    MeetingStatus,
    ParticipantUnavailability,
    ScheduleNotice,
)
from .outcomes import MeetingOutcome, OutcomeRound, TradeStage
from .runs import SchedulingRun

__all__ = [
    "BOOKED_STATUSES",
    "OPEN_STATUSES",
    "SCHEDULABLE_STATUSES",
    "ActingFor",
    "Meeting",
    "MeetingEvent",
    "MeetingOutcome",
    "MeetingStatus",
    "OutcomeRound",
    "ParticipantUnavailability",
    "ScheduleNotice",
    "SchedulingRun",
    "TradeStage",
]
