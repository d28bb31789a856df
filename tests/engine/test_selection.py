"""Proposals under capacity: capacities, floors (first-timers first), wishes, optimality."""

from __future__ import annotations

import numpy as np
import pytest

from matchmaking.engine.scoring import CandidateEdges
from matchmaking.engine.selection import select_proposals


def edges(rows, wished=()):
    """CandidateEdges from (exhibitor, buyer, score) rows; ``wished`` lists row numbers."""
    exhibitors, buyers, scores = (np.array(column) for column in zip(*rows, strict=True))
    flags = np.zeros(len(rows), dtype=bool)
    flags[list(wished)] = True
    return CandidateEdges(
        exhibitors=exhibitors.astype(np.int32),
        buyers=buyers.astype(np.int32),
        scores=scores.astype(np.float32),
        wished=flags,
    )


def select(
    candidate_edges,
    exhibitor_capacity,
    buyer_capacity,
    first_timer=None,
    *,
    floor=0,
    first_timer_floor=0,
    exact=False,
):
    first_timer = (
        np.zeros(len(exhibitor_capacity), dtype=bool)
        if first_timer is None
        else (np.array(first_timer))
    )
    chosen = select_proposals(
        candidate_edges,
        np.array(exhibitor_capacity),
        np.array(buyer_capacity),
        first_timer,
        floor=floor,
        first_timer_floor=first_timer_floor,
        exact=exact,
    )
    return {(int(candidate_edges.exhibitors[i]), int(candidate_edges.buyers[i])) for i in chosen}


def random_edges(seed, n_exhibitors=30, n_buyers=80, n_edges=900):
    rng = np.random.default_rng(seed)
    pairs = {(int(rng.integers(n_exhibitors)), int(rng.integers(n_buyers))) for _ in range(n_edges)}
    rows = [(e, b, float(rng.uniform(35, 100))) for e, b in sorted(pairs)]
    return edges(rows), rng.integers(1, 6, n_exhibitors), rng.integers(1, 4, n_buyers)


@pytest.mark.parametrize("exact", [False, True])
def test_select_proposals_respects_both_capacities(exact):
    candidate_edges, exhibitor_capacity, buyer_capacity = random_edges(seed=1)
    chosen = select(candidate_edges, exhibitor_capacity, buyer_capacity, floor=2, exact=exact)
    per_exhibitor = np.bincount([e for e, _ in chosen], minlength=len(exhibitor_capacity))
    per_buyer = np.bincount([b for _, b in chosen], minlength=len(buyer_capacity))
    assert (per_exhibitor <= exhibitor_capacity).all()
    assert (per_buyer <= buyer_capacity).all()
    assert len(chosen) > 0


def test_select_proposals_greedy_takes_best_pair_first():
    candidate_edges = edges([(0, 0, 90), (1, 0, 80), (1, 1, 50)])
    assert select(candidate_edges, [1, 1], [1, 1]) == {(0, 0), (1, 1)}


@pytest.mark.parametrize("exact", [False, True])
def test_select_proposals_floor_puts_first_timer_before_veteran(exact):
    # One buyer each; the veteran (0) would take buyer 0 on score alone and leave the
    # first-timer (1), whose only acceptable buyer it is, with nothing.
    candidate_edges = edges([(0, 0, 90), (0, 1, 80), (1, 0, 60)])
    greedy = select(candidate_edges, [2, 2], [1, 1])
    assert greedy == {(0, 0), (0, 1)}
    floored = select(
        candidate_edges, [2, 2], [1, 1], [False, True], floor=1, first_timer_floor=1, exact=exact
    )
    assert floored == {(1, 0), (0, 1)}


def test_select_proposals_first_timer_floor_can_be_higher():
    candidate_edges = edges([(0, b, 90 - b) for b in range(4)] + [(1, b, 50 - b) for b in range(4)])
    chosen = select(
        candidate_edges, [4, 4], [1, 1, 1, 1], [False, True], floor=1, first_timer_floor=3
    )
    assert sum(1 for e, _ in chosen if e == 1) == 3
    assert sum(1 for e, _ in chosen if e == 0) == 1


def test_select_proposals_floor_never_exceeds_capacity():
    candidate_edges = edges([(0, b, 80) for b in range(5)])
    chosen = select(candidate_edges, [2], [1] * 5, [True], floor=4, first_timer_floor=4)
    assert len(chosen) == 2


def test_select_proposals_wished_pairs_come_first():
    candidate_edges = edges([(0, 0, 95), (1, 0, 40)], wished=[1])
    assert select(candidate_edges, [1, 1], [1]) == {(1, 0)}


@pytest.mark.parametrize("seed", [2, 3, 4])
def test_select_proposals_exact_total_at_least_greedy(seed):
    candidate_edges, exhibitor_capacity, buyer_capacity = random_edges(seed)

    def total(chosen):
        lookup = {
            (int(e), int(b)): float(s)
            for e, b, s in zip(
                candidate_edges.exhibitors,
                candidate_edges.buyers,
                candidate_edges.scores,
                strict=True,
            )
        }
        return sum(lookup[pair] for pair in chosen)

    greedy = select(candidate_edges, exhibitor_capacity, buyer_capacity, floor=1)
    exact = select(candidate_edges, exhibitor_capacity, buyer_capacity, floor=1, exact=True)
    assert total(exact) >= total(greedy) - 1e-3
    # The exact selection keeps every exhibitor's floor that greedy met.
    for e in range(len(exhibitor_capacity)):
        if any(pair[0] == e for pair in greedy):
            assert any(pair[0] == e for pair in exact)


def test_select_proposals_no_edges_selects_nothing():
    empty = CandidateEdges(
        exhibitors=np.zeros(0, np.int32),
        buyers=np.zeros(0, np.int32),
        scores=np.zeros(0, np.float32),
        wished=np.zeros(0, bool),
    )
    assert select(empty, [3], [3], floor=2) == set()
