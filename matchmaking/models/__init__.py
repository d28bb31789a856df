from .matching import MatchingSettings, PairWish, Proposal, ProposalStatus, WishKind
from .meetings import (
    BOOKED_STATUSES,
    OPEN_STATUSES,
    ActingFor,
    Meeting,
    MeetingEvent,
    MeetingStatus,
    ParticipantUnavailability,
    ScheduleNotice,
    Side,
)
from .outcomes import ApiIdempotencyKey, MeetingOutcome, OutcomeRound, TradeStage
from .runs import ACTIVE_RUN_STATUSES, JobRun, MatchingRun, RunStatus, SchedulingRun

__all__ = [
    "ACTIVE_RUN_STATUSES",
    "BOOKED_STATUSES",
    "OPEN_STATUSES",
    "ActingFor",
    "ApiIdempotencyKey",
    "JobRun",
    "MatchingRun",
    "MatchingSettings",
    "Meeting",
    "MeetingEvent",
    "MeetingOutcome",
    "MeetingStatus",
    "OutcomeRound",
    "PairWish",
    "ParticipantUnavailability",
    "Proposal",
    "ProposalStatus",
    "RunStatus",
    "ScheduleNotice",
    "SchedulingRun",
    "Side",
    "TradeStage",
    "WishKind",
]
