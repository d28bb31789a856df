"""What a pair's earlier pavilions say about proposing it again.

A pair is no longer a stranger once it has met. The pair's most recent earlier pavilion with
any outcome reported speaks for it: when a side's latest report there was "no further
interest", the pair is never proposed again (``exclude_no_interest``); otherwise, when the
business reached samples or further at any earlier pavilion, it is lifted by
``follow_up_lift`` and, like a requested pair, proposed even below the minimum score
(``follow_up_pairs``). Both become wishes of the run, so scoring and selection treat them
exactly as the organisers' and participants' own.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

from matchmaking.engine.profiles import (
    LIFTING_WISHES,
    TRADE_STAGE_RANK,
    EarlierMeeting,
    MatchmakingInput,
    Wish,
    WishKind,
)
from matchmaking.engine.weights import ScoringWeights


def earlier_wishes(data: MatchmakingInput, weights: ScoringWeights) -> tuple[Wish, ...]:
    """The follow-up and no-interest wishes the earlier meetings give, with the rules on."""
    by_pair: dict[tuple[Hashable, Hashable], list[EarlierMeeting]] = {}
    for meeting in data.earlier_meetings:
        by_pair.setdefault((meeting.exhibitor_id, meeting.buyer_id), []).append(meeting)
    wishes = []
    for (exhibitor_id, buyer_id), meetings in by_pair.items():
        kind = pair_history(meetings)
        if (kind is WishKind.EARLIER_NO_INTEREST and weights.exclude_no_interest) or (
            kind is WishKind.EARLIER_PROGRESS and weights.follow_up_pairs
        ):
            wishes.append(Wish(exhibitor_id=exhibitor_id, buyer_id=buyer_id, kind=kind))
    return tuple(wishes)


def pair_history(meetings: list[EarlierMeeting]) -> WishKind | None:
    """The wish one pair's earlier meetings (oldest first) give, if any."""
    reported = [meeting for meeting in meetings if meeting.stage is not None]
    if not reported:
        return None
    if reported[-1].no_interest:
        return WishKind.EARLIER_NO_INTEREST
    if any(meeting.progressed for meeting in reported):
        return WishKind.EARLIER_PROGRESS
    return None


def follow_up_meeting(meetings: list[EarlierMeeting]) -> EarlierMeeting | None:
    """The earlier meeting a follow-up's reason names: the furthest stage, the latest of ties."""
    progressed = [meeting for meeting in meetings if meeting.progressed]
    if not progressed:
        return None
    return max(reversed(progressed), key=lambda meeting: TRADE_STAGE_RANK[meeting.stage])


def wish_lift(kinds: Iterable[WishKind], weights: ScoringWeights) -> float:
    """The points a pair's lifting wishes add: each request, and a follow-up, adds its lift."""
    return sum(
        weights.follow_up_lift if kind is WishKind.EARLIER_PROGRESS else weights.request_lift
        for kind in kinds
        if kind in LIFTING_WISHES
    )
