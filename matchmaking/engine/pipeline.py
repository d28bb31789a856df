"""End to end: score every pair in chunks, merge candidates, select proposals, explain them.

One sequence of steps, each a plain function: ``build_scoring_model``; ``score_chunk`` on each
buyer range (``chunk_bounds``) and ``merge_candidates``; ``proposals_from_candidates``. ``propose``
runs them in-process (a laptop, tests, the benchmark), scoring with ``score_all``. The Django side
runs the same steps (``matchmaking.services.matching_run_execute``): in its own process with
``score_all`` too, or spread over Celery workers, each building the model and calling
``score_chunk`` on its range, then one task merging and selecting. Every way reports the same
progress, as data (``engine.progress``).
"""

from __future__ import annotations

import time
from collections.abc import Hashable
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from matchmaking.engine.model import ScoringModel, build_scoring_model
from matchmaking.engine.profiles import MatchmakingInput
from matchmaking.engine.progress import (
    Progress,
    explained_progress,
    scoring_progress,
    selected_progress,
)
from matchmaking.engine.reasons import pair_reason, render_reason
from matchmaking.engine.reference import ReferenceScorer
from matchmaking.engine.scoring import (
    Candidates,
    candidate_edges,
    chunk_bounds,
    default_chunk_size,
    merge_candidates,
    score_chunk,
)
from matchmaking.engine.selection import exhibitor_floors, select_proposals
from matchmaking.engine.text import row_vector
from matchmaking.engine.weights import ScoringWeights


@dataclass
class Proposal:
    exhibitor_id: Hashable
    buyer_id: Hashable
    score: float
    reason: dict[str, Any] | None = None

    def sentence(self, language: str) -> str:
        return render_reason(self.reason or {}, language)


@dataclass
class ProposalRun:
    """The outcome of one run.

    ``short_of_floor``: exhibitor ids that got fewer proposals than their floor although they
    had more acceptable buyers (these went to others under capacity): the organiser should look.
    ``without_acceptable_buyers``: exhibitor ids no buyer reached the minimum score for.
    """

    proposals: list[Proposal]
    short_of_floor: list[Hashable] = field(default_factory=list)
    without_acceptable_buyers: list[Hashable] = field(default_factory=list)
    stats: dict[str, float] = field(default_factory=dict)


def score_all(
    model: ScoringModel,
    *,
    chunk_size: int | None = None,
    bounds: list[tuple[int, int]] | None = None,
    workers: int = 1,
    progress: Progress | None = None,
) -> Candidates:
    """Score every buyer chunk and merge the candidates. Calls ``progress`` before the first
    chunk and after each. The chunks are ``bounds`` when given, else of ``chunk_size`` buyers.

    ``workers`` > 1 scores chunks on threads: NumPy and SciPy release the GIL in the heavy
    loops, so two threads use two cores without copying the model. Each finished chunk is
    merged at once and the exhibitors' entry thresholds passed on to the chunks still to
    come, which only saves work: the result is the same as scoring chunks independently.
    """
    if bounds is None:
        bounds = chunk_bounds(model.n_buyers, chunk_size or default_chunk_size(model)) or [(0, 0)]
    if progress:
        progress(*scoring_progress(0, len(bounds)))
    min_score = model.weights.min_score
    merged: Candidates | None = None
    thresholds: np.ndarray | None = None
    remaining = list(reversed(bounds))
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        running = set()
        done = 0
        while remaining or running:
            while remaining and len(running) < max(1, workers):
                start, stop = remaining.pop()
                running.add(pool.submit(score_chunk, model, start, stop, thresholds))
            finished, running = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                part = future.result()
                merged = merge_candidates([merged, part] if merged else [part])
                done += 1
            thresholds = merged.exhibitor_thresholds(model.n_exhibitors, min_score)
            if progress:
                progress(*scoring_progress(done, len(bounds)))
    assert merged is not None
    return merged


def proposals_from_candidates(
    model: ScoringModel,
    candidates: Candidates,
    *,
    with_reasons: bool = True,
    exact: bool | None = None,
    progress: Progress | None = None,
) -> ProposalRun:
    """Select proposals under capacity from merged candidates and attach their reasons."""
    weights = model.weights
    if candidates.fingerprint != model.fingerprint:
        raise ValueError("candidates were scored on a different model")
    started = time.perf_counter()
    edges = candidate_edges(candidates, model.n_buyers, weights.min_score)
    chosen = select_proposals(
        edges,
        model.exhibitor_capacity,
        model.buyer_capacity,
        model.first_timer,
        floor=weights.exhibitor_floor,
        first_timer_floor=weights.first_timer_floor,
        exact=exact,
    )
    selected_at = time.perf_counter()
    if progress:
        progress(*selected_progress(len(chosen)))

    exhibitors, buyers = model.data.exhibitors, model.data.buyers
    reference = (
        ReferenceScorer(model.data, weights, model.text_vectoriser) if with_reasons else None
    )
    order = np.lexsort((-edges.scores[chosen], edges.exhibitors[chosen]))
    if reference:
        _reuse_text_vectors(reference, model, edges.exhibitors[chosen], edges.buyers[chosen])
    proposals = []
    for edge in chosen[order].tolist():
        exhibitor = exhibitors[int(edges.exhibitors[edge])]
        buyer = buyers[int(edges.buyers[edge])]
        score = float(edges.scores[edge])
        reason = pair_reason(reference, exhibitor, buyer, score) if reference else None
        proposals.append(Proposal(exhibitor.id, buyer.id, round(score, 2), reason))

    floors = exhibitor_floors(
        model.exhibitor_capacity,
        model.first_timer,
        weights.exhibitor_floor,
        weights.first_timer_floor,
    )
    counts = np.bincount(edges.exhibitors[chosen], minlength=model.n_exhibitors)
    acceptable = np.bincount(edges.exhibitors, minlength=model.n_exhibitors)
    short = np.flatnonzero(counts < np.minimum(floors, acceptable)).tolist()
    without = np.flatnonzero(acceptable == 0).tolist()
    if progress:
        progress(*explained_progress(len(proposals)))
    return ProposalRun(
        proposals=proposals,
        short_of_floor=[model.exhibitor_ids[i] for i in short],
        without_acceptable_buyers=[model.exhibitor_ids[i] for i in without],
        stats={
            "candidate_pairs": float(len(edges.scores)),
            "selection_seconds": selected_at - started,
            "reasons_seconds": time.perf_counter() - selected_at,
        },
    )


def _reuse_text_vectors(
    reference: ReferenceScorer, model: ScoringModel, exhibitors: np.ndarray, buyers: np.ndarray
) -> None:
    """Hand the reasons the model's term vectors instead of tokenising every text again."""
    terms = model.text_vectoriser.terms
    for e in np.unique(exhibitors).tolist():
        vector = row_vector(model.exhibitor_text, e, terms)
        reference.remember_text_vector("exhibitor", model.exhibitor_ids[e], vector)
    for b in np.unique(buyers).tolist():
        vector = row_vector(model.buyer_text, b, terms)
        reference.remember_text_vector("buyer", model.buyer_ids[b], vector)


def propose(
    data: MatchmakingInput,
    weights: ScoringWeights | None = None,
    *,
    chunk_size: int | None = None,
    workers: int = 1,
    with_reasons: bool = True,
    exact: bool | None = None,
    progress: Progress | None = None,
) -> ProposalRun:
    """The whole run in-process: build, score in chunks, merge, select, explain. Pure."""
    started = time.perf_counter()
    model = build_scoring_model(data, weights)
    built = time.perf_counter()
    candidates = score_all(model, chunk_size=chunk_size, workers=workers, progress=progress)
    scored = time.perf_counter()
    run = proposals_from_candidates(
        model, candidates, with_reasons=with_reasons, exact=exact, progress=progress
    )
    run.stats.update(
        build_seconds=built - started,
        scoring_seconds=scored - built,
        total_seconds=time.perf_counter() - started,
        pairs=float(model.n_exhibitors * model.n_buyers),
    )
    return run
