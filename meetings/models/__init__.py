from .meetings import (
    BOOKED_STATUSES,
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
from .outcomes import AT_FAIR, MeetingOutcome, TradeStage, pavilion_rounds, round_label
from .runs import SchedulingRun

__all__ = [
    "AT_FAIR",
    "BOOKED_STATUSES",
    "OPEN_STATUSES",
    "SCHEDULABLE_STATUSES",
    "AbsentSide",
    "ActingFor",
    "Meeting",
    "MeetingEvent",
    "MeetingOutcome",
    "MeetingStatus",
    "ParticipantUnavailability",
    "ScheduleNotice",
    "SchedulingRun",
    "TradeStage",
    "pavilion_rounds",
    "round_label",
]
