"""Choose proposals from the candidate pairs under both sides' meeting capacities.

Three phases, each respecting every exhibitor's and buyer's remaining capacity:

1. wished pairs (requests, must-meet), best first: explicit wishes outweigh inferred fit;
2. a floor: round by round, each exhibitor below its floor takes its best still-available
   candidate, first-timers first, then exhibitors with the fewest candidates, so nobody is
   left without meetings while acceptable buyers exist;
3. greedy by score over all remaining candidates (a 1/2-approximation of the maximum-weight
   b-matching).

When the candidate graph is small (a pavilion), a linear programme then finds the exact
maximum-weight selection that keeps phase 1's pairs and phase 2's per-exhibitor counts as lower
bounds. The constraint matrix of a bipartite b-matching is totally unimodular, so the simplex
solution is integral; if the solver fails or returns something fractional, the greedy result
stands.
"""

from __future__ import annotations

import numpy as np
import scipy.optimize
import scipy.sparse as sp

from matchmaking.engine.scoring import CandidateEdges

EXACT_SELECTION_MAX_EDGES = 200_000


def exhibitor_floors(
    capacity: np.ndarray, first_timer: np.ndarray, floor: int, first_timer_floor: int
) -> np.ndarray:
    """How many proposals each exhibitor is guaranteed if acceptable buyers exist."""
    wanted = np.where(first_timer, first_timer_floor, floor)
    return np.minimum(wanted, capacity).astype(np.int64)


def select_proposals(
    edges: CandidateEdges,
    exhibitor_capacity: np.ndarray,
    buyer_capacity: np.ndarray,
    first_timer: np.ndarray,
    *,
    floor: int,
    first_timer_floor: int,
    exact: bool | None = None,
) -> np.ndarray:
    """Indices into ``edges`` of the chosen pairs. Pure.

    ``exact``: None chooses the linear programme when there are at most
    ``EXACT_SELECTION_MAX_EDGES`` candidate pairs; True or False forces it on or off.
    """
    n_edges = len(edges.scores)
    if n_edges == 0:
        return np.zeros(0, dtype=np.int64)
    # Best first; ties broken by indices so every run chooses the same pairs.
    order = np.lexsort((edges.buyers, edges.exhibitors, -edges.scores.astype(np.float64)))
    exhibitor_left = exhibitor_capacity.astype(np.int64).tolist()
    buyer_left = buyer_capacity.astype(np.int64).tolist()
    taken = [False] * n_edges
    exhibitor_of = edges.exhibitors.tolist()
    buyer_of = edges.buyers.tolist()

    def take(edge: int) -> bool:
        e, b = exhibitor_of[edge], buyer_of[edge]
        if taken[edge] or exhibitor_left[e] <= 0 or buyer_left[b] <= 0:
            return False
        taken[edge] = True
        exhibitor_left[e] -= 1
        buyer_left[b] -= 1
        return True

    # Phase 1: wishes.
    for edge in order[edges.wished[order]].tolist():
        take(edge)

    # Phase 2: the floor, round-robin so that one exhibitor cannot take all scarce buyers.
    floors = exhibitor_floors(exhibitor_capacity, first_timer, floor, first_timer_floor)
    floors_list = floors.tolist()
    by_exhibitor = np.lexsort(
        (np.arange(n_edges), -edges.scores.astype(np.float64), edges.exhibitors)
    )
    starts = np.searchsorted(edges.exhibitors[by_exhibitor], np.arange(len(exhibitor_capacity) + 1))
    candidate_count = np.diff(starts)
    have = np.bincount(edges.exhibitors[np.array(taken)], minlength=len(exhibitor_capacity))
    queue = np.lexsort((np.arange(len(floors)), candidate_count, ~first_timer))
    queue = [e for e in queue.tolist() if floors[e] > have[e] and candidate_count[e] > 0]
    pointer = starts[:-1].tolist()
    ends = starts[1:].tolist()
    by_exhibitor_list = by_exhibitor.tolist()
    have_list = have.tolist()
    for round_number in range(1, int(floors.max(initial=0)) + 1):
        still_short = []
        for e in queue:
            if have_list[e] >= floors_list[e]:
                continue
            if have_list[e] >= round_number:
                still_short.append(e)
                continue
            while pointer[e] < ends[e]:
                edge = by_exhibitor_list[pointer[e]]
                pointer[e] += 1
                if take(edge):
                    have_list[e] += 1
                    break
            if have_list[e] < floors_list[e] and pointer[e] < ends[e]:
                still_short.append(e)
        queue = still_short
        if not queue:
            break

    # Phase 3: greedy by score.
    for edge in order.tolist():
        take(edge)
    chosen = np.array(taken, dtype=bool)

    use_exact = n_edges <= EXACT_SELECTION_MAX_EDGES if exact is None else exact
    if use_exact:
        # Keep what phases 1 and 2 guaranteed (greedy may have added more; that is not owed).
        guaranteed = np.minimum(np.array(have_list), floors)
        improved = _exact_selection(
            edges, exhibitor_capacity, buyer_capacity, chosen & edges.wished, guaranteed
        )
        if (
            improved is not None
            and improved[0].sum()
            and (edges.scores[improved[0]].sum() >= edges.scores[chosen].sum() - 1e-3)
        ):
            chosen = improved[0]
    return np.flatnonzero(chosen)


def _exact_selection(
    edges: CandidateEdges,
    exhibitor_capacity: np.ndarray,
    buyer_capacity: np.ndarray,
    fixed: np.ndarray,
    exhibitor_minimum: np.ndarray,
) -> tuple[np.ndarray] | None:
    """Maximum total score under capacities, ``fixed`` pairs kept and exhibitor minimums met."""
    n_edges = len(edges.scores)
    n_exhibitors, n_buyers = len(exhibitor_capacity), len(buyer_capacity)
    columns = np.arange(n_edges)
    exhibitor_rows = sp.csr_matrix(
        (np.ones(n_edges), (edges.exhibitors, columns)), shape=(n_exhibitors, n_edges)
    )
    buyer_rows = sp.csr_matrix(
        (np.ones(n_edges), (edges.buyers, columns)), shape=(n_buyers, n_edges)
    )
    a_ub = sp.vstack([exhibitor_rows, buyer_rows, -exhibitor_rows], format="csr")
    b_ub = np.concatenate([exhibitor_capacity, buyer_capacity, -exhibitor_minimum]).astype(float)
    lower = fixed.astype(float)
    try:
        result = scipy.optimize.linprog(
            -edges.scores.astype(np.float64),
            A_ub=a_ub,
            b_ub=b_ub,
            bounds=np.column_stack([lower, np.ones(n_edges)]),
            method="highs-ds",
        )
    except (ValueError, MemoryError):
        return None
    if result.status != 0 or result.x is None:
        return None
    x = result.x
    if np.abs(x - np.round(x)).max(initial=0) > 1e-6:
        return None
    chosen = x > 0.5
    # Trust, but verify the capacities before replacing the greedy result.
    if (np.bincount(edges.exhibitors[chosen], minlength=n_exhibitors) > exhibitor_capacity).any():
        return None
    if (np.bincount(edges.buyers[chosen], minlength=n_buyers) > buyer_capacity).any():
        return None
    return (chosen,)
