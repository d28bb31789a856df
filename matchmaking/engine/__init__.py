"""The matchmaking engine: plain Python, NumPy and SciPy; no Django import anywhere.

The Django side converts its rows into the dataclasses of ``profiles`` and calls:

- ``propose(data, weights)`` for a whole run in-process, or, spread over Celery workers,
- ``build_scoring_model`` + ``chunk_bounds`` + ``score_chunk`` per worker,
  ``merge_candidates`` and ``proposals_from_candidates`` to finish;
- each reports ``progress(fraction, state)`` with a state of codes and figures
  (``engine.progress``), which the Django side words in its reader's language;
- ``render_reason(proposal.reason, "ja")`` to word a proposal's reasons.
"""

from matchmaking.engine.model import ScoringModel, build_scoring_model
from matchmaking.engine.pipeline import (
    Proposal,
    ProposalRun,
    proposals_from_candidates,
    propose,
    score_all,
)
from matchmaking.engine.profiles import (
    BuyerProfile,
    BuyerType,
    EarlierMeeting,
    ExhibitorProfile,
    ExportExperience,
    InterpreterAvailability,
    MarketGeography,
    MatchmakingInput,
    OrderSize,
    SectorTaxonomy,
    TradeStage,
    Wish,
    WishKind,
)
from matchmaking.engine.progress import (
    SCORING_SHARE,
    Progress,
    parts_scored,
    scoring_progress,
)
from matchmaking.engine.reasons import pair_reason, render_reason
from matchmaking.engine.reference import ReferenceScorer
from matchmaking.engine.scoring import (
    Candidates,
    chunk_bounds,
    default_chunk_size,
    merge_candidates,
    score_block,
    score_chunk,
)
from matchmaking.engine.weights import ScoringWeights, WeightsError

__all__ = [
    "SCORING_SHARE",
    "BuyerProfile",
    "BuyerType",
    "Candidates",
    "EarlierMeeting",
    "ExhibitorProfile",
    "ExportExperience",
    "InterpreterAvailability",
    "MarketGeography",
    "MatchmakingInput",
    "OrderSize",
    "Progress",
    "Proposal",
    "ProposalRun",
    "ReferenceScorer",
    "ScoringModel",
    "ScoringWeights",
    "SectorTaxonomy",
    "TradeStage",
    "WeightsError",
    "Wish",
    "WishKind",
    "build_scoring_model",
    "chunk_bounds",
    "default_chunk_size",
    "merge_candidates",
    "pair_reason",
    "parts_scored",
    "proposals_from_candidates",
    "propose",
    "render_reason",
    "score_all",
    "score_block",
    "score_chunk",
    "scoring_progress",
]
