from .matching import MatchingSettings, PairWish, Proposal, ProposalStatus, WishKind
from .runs import MatchingRun

__all__ = [
    "MatchingRun",
    "MatchingSettings",
    "PairWish",
    "Proposal",
    "ProposalStatus",
    "WishKind",
]
