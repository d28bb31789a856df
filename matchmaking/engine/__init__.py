"""The matchmaking engine: plain Python, NumPy and SciPy; no Django import anywhere.

The Django side converts its rows into the dataclasses of ``profiles`` and calls:

- ``propose(data, weights)`` for a whole run in-process, or, spread over Celery workers,
- ``build_scoring_model`` + ``chunk_bounds`` + ``score_chunk`` per worker,
  ``merge_candidates`` and ``proposals_from_candidates`` to finish;
- each reports ``progress(fraction, state)`` with a state of codes and figures
  (``engine.progress``), which the Django side words in its reader's language;
- ``render_reason(proposal.reason, "ja")`` to word a proposal's reasons.

Names are loaded on first use (PEP 562): importing the package costs nothing, so the web
process, which only shows weights and reasons, does not load NumPy and SciPy for every worker
at start-up; a run loads what it needs the first time it asks.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "BuyerProfile": "profiles",
    "BuyerType": "profiles",
    "Candidates": "scoring",
    "EarlierMeeting": "profiles",
    "ExhibitorProfile": "profiles",
    "ExportExperience": "profiles",
    "InterpreterAvailability": "profiles",
    "MarketGeography": "profiles",
    "MatchmakingInput": "profiles",
    "OrderSize": "profiles",
    "Progress": "progress",
    "Proposal": "pipeline",
    "ProposalRun": "pipeline",
    "ReferenceScorer": "reference",
    "SCORING_SHARE": "progress",
    "ScoringModel": "model",
    "ScoringWeights": "weights",
    "SectorTaxonomy": "profiles",
    "TradeStage": "profiles",
    "WeightsError": "weights",
    "Wish": "profiles",
    "WishKind": "profiles",
    "build_scoring_model": "model",
    "chunk_bounds": "scoring",
    "default_chunk_size": "scoring",
    "merge_candidates": "scoring",
    "pair_reason": "reasons",
    "parts_scored": "progress",
    "proposals_from_candidates": "pipeline",
    "propose": "pipeline",
    "render_reason": "reasons",
    "score_all": "pipeline",
    "score_block": "scoring",
    "score_chunk": "scoring",
    "scoring_progress": "progress",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        # A submodule (``engine.history``) asked for before anything imported it.
        try:
            value = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
        globals()[name] = value
        return value
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE))
