"""Reciprocal scores, wishes, vectorised against per-pair, and chunked candidates."""

from __future__ import annotations

import json

import numpy as np
import pytest

from matchmaking.engine import (
    Candidates,
    ReferenceScorer,
    ScoringWeights,
    Wish,
    build_scoring_model,
    chunk_bounds,
    merge_candidates,
    score_block,
    score_chunk,
)
from matchmaking.engine.scoring import candidate_edges
from matchmaking.engine.synthetic import synthetic_input


def test_score_reciprocal_is_harmonic_mean_of_both_views(make_input, make_exhibitor, make_buyer):
    data = make_input([make_exhibitor()], [make_buyer(required_certifications=("FDA",))])
    reference = ReferenceScorer(data)
    factors = reference.factors(data.exhibitors[0], data.buyers[0])
    exhibitor_view, buyer_view = reference.views(factors)
    expected = 100 * 2 * exhibitor_view * buyer_view / (exhibitor_view + buyer_view)
    assert reference.score_factors(factors) == pytest.approx(expected)
    assert exhibitor_view != buyer_view


def test_score_reciprocal_one_sided_fit_stays_low(make_input, make_exhibitor, make_buyer):
    # The buyer's view is poor (wrong certifications, order size out of reach, no product
    # match) while the exhibitor's is perfect: the pair must score below the plain average.
    data = make_input(
        [make_exhibitor(order_sizes=("small",), products="", description="")],
        [make_buyer(required_certifications=("FDA", "UL"), order_size="very_large")],
    )
    reference = ReferenceScorer(data)
    factors = reference.factors(data.exhibitors[0], data.buyers[0])
    exhibitor_view, buyer_view = reference.views(factors)
    score = reference.score_factors(factors)
    assert exhibitor_view > buyer_view + 0.25
    assert score < 100 * (exhibitor_view + buyer_view) / 2
    # Closer to the weaker side than to the stronger one.
    assert score - 100 * buyer_view < 100 * exhibitor_view - score


def test_score_perfect_pair_reaches_100(make_input, make_exhibitor, make_buyer, pair_score):
    text = "portable ultrasound scanner"
    data = make_input(
        [make_exhibitor(products=text, description="")], [make_buyer(sourcing_needs=text)]
    )
    assert pair_score(data) == pytest.approx(100.0, abs=1e-3)


@pytest.mark.parametrize("kind", ["no_thanks", "met_before", "declined", "has_meeting"])
def test_wish_blocking_forces_zero(make_input, make_exhibitor, make_buyer, pair_score, kind):
    data = make_input([make_exhibitor()], [make_buyer()], wishes=[Wish(1, "b1", kind)])
    assert pair_score(data) == 0.0


def test_wish_blocking_beats_must_meet_and_requests(
    make_input, make_exhibitor, make_buyer, pair_score
):
    wishes = [
        Wish(1, "b1", "must_meet"),
        Wish(1, "b1", "requested_by_buyer"),
        Wish(1, "b1", "no_thanks"),
    ]
    data = make_input([make_exhibitor()], [make_buyer()], wishes=wishes)
    assert pair_score(data) == 0.0


def test_wish_must_meet_scores_100(make_input, make_exhibitor, make_buyer, pair_score):
    data = make_input(
        [make_exhibitor(sectors=("3004",))], [make_buyer()], wishes=[Wish(1, "b1", "must_meet")]
    )
    assert pair_score(data) == 100.0


def test_wish_requests_lift_by_weight_and_add_up(
    make_input, make_exhibitor, make_buyer, pair_score
):
    low = {"sectors": ("3004",), "target_markets": ()}
    plain = pair_score(make_input([make_exhibitor(**low)], [make_buyer()]))
    one = pair_score(
        make_input(
            [make_exhibitor(**low)], [make_buyer()], wishes=[Wish(1, "b1", "requested_by_buyer")]
        )
    )
    both = pair_score(
        make_input(
            [make_exhibitor(**low)],
            [make_buyer()],
            wishes=[Wish(1, "b1", "requested_by_buyer"), Wish(1, "b1", "requested_by_sme")],
        )
    )
    lift = ScoringWeights().request_lift
    assert one == pytest.approx(plain + lift, abs=1e-3)
    assert both == pytest.approx(min(plain + 2 * lift, 100.0), abs=1e-3)


def test_wish_about_profile_outside_run_is_ignored(
    make_input, make_exhibitor, make_buyer, pair_score
):
    data = make_input([make_exhibitor()], [make_buyer()], wishes=[Wish(99, "b1", "no_thanks")])
    assert pair_score(data) > 0


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_vectorised_scores_equal_reference_on_random_profiles(both_scores, seed):
    data = synthetic_input(30, 250, seed=seed, wish_rate=0.3)
    vectorised, reference = both_scores(data)
    np.testing.assert_allclose(vectorised, reference, atol=1e-3, rtol=0)
    # The sample covers both ends: blocked pairs at 0 and good fits.
    assert (reference == 0).any()
    assert (reference > 50).any()


def test_vectorised_scores_equal_reference_with_tuned_weights(both_scores):
    data = synthetic_input(20, 200, seed=4, wish_rate=0.3)
    weights = ScoringWeights(
        sector=1.0,
        market=4.0,
        product=0.5,
        language=2.5,
        certification=0.0,
        buyer_type=2.0,
        order_size=0.3,
        sector_level_credits=(0.1, 0.2, 0.9),
        market_region_credit=0.3,
        market_neighbour_credit=0.7,
        interpreter_credit=0.9,
        no_interpreter_credit=0.0,
        adjacent_order_size_credit=0.1,
        product_fit_saturation=0.9,
        request_lift=40.0,
    )
    vectorised, reference = both_scores(data, weights)
    np.testing.assert_allclose(vectorised, reference, atol=1e-3, rtol=0)


def _small_tiles(monkeypatch):
    # Force many tiles and mid-chunk trimming so those code paths run on small data.
    monkeypatch.setattr("matchmaking.engine.scoring._TILE_CELLS", 4_000)


def test_score_chunk_candidates_are_exact_top_k(monkeypatch):
    _small_tiles(monkeypatch)
    weights = ScoringWeights(candidates_per_exhibitor=5, candidates_per_buyer=3, min_score=20)
    data = synthetic_input(200, 600, seed=5)
    model = build_scoring_model(data, weights)
    full = score_block(model, 0, model.n_buyers)
    candidates = merge_candidates(
        [score_chunk(model, start, stop) for start, stop in chunk_bounds(model.n_buyers, 170)]
    )
    for b in range(model.n_buyers):
        expected = np.sort(full[b][full[b] >= 20])[::-1][:3]
        got = np.sort(candidates.buyer_s[candidates.buyer_b == b])[::-1]
        np.testing.assert_allclose(got, expected)
    for e in range(model.n_exhibitors):
        column = full[:, e]
        expected = np.sort(column[column >= 20])[::-1][:5]
        got = np.sort(candidates.exhibitor_s[candidates.exhibitor_e == e])[::-1]
        np.testing.assert_allclose(got, expected)
        chosen = candidates.exhibitor_b[candidates.exhibitor_e == e]
        np.testing.assert_allclose(
            full[chosen, e], candidates.exhibitor_s[candidates.exhibitor_e == e]
        )


def test_score_chunk_thresholds_do_not_change_merged_result(monkeypatch):
    _small_tiles(monkeypatch)
    data = synthetic_input(150, 500, seed=6)
    model = build_scoring_model(data, ScoringWeights(candidates_per_exhibitor=4))
    bounds = chunk_bounds(model.n_buyers, 100)
    independent = merge_candidates([score_chunk(model, *bound) for bound in bounds])
    running, thresholds = None, None
    for bound in bounds:
        part = score_chunk(model, *bound, exhibitor_thresholds=thresholds)
        running = merge_candidates([running, part] if running else [part])
        thresholds = running.exhibitor_thresholds(model.n_exhibitors, model.weights.min_score)
    for e in range(model.n_exhibitors):
        np.testing.assert_allclose(
            np.sort(independent.exhibitor_s[independent.exhibitor_e == e]),
            np.sort(running.exhibitor_s[running.exhibitor_e == e]),
        )


def test_candidates_survive_json_round_trip():
    data = synthetic_input(20, 100, seed=7, wish_rate=0.5)
    model = build_scoring_model(data)
    part = score_chunk(model, 0, 50)
    restored = Candidates.from_dict(json.loads(json.dumps(part.to_dict())))
    for name in ("exhibitor_e", "exhibitor_b", "buyer_e", "buyer_b", "wished_e", "wished_b"):
        np.testing.assert_array_equal(getattr(restored, name), getattr(part, name))
    np.testing.assert_allclose(restored.exhibitor_s, part.exhibitor_s, atol=1e-4)
    assert restored.fingerprint == part.fingerprint


def test_merge_candidates_rejects_parts_of_other_models():
    first = build_scoring_model(synthetic_input(10, 40, seed=1))
    second = build_scoring_model(synthetic_input(10, 41, seed=1))
    with pytest.raises(ValueError, match="different scoring models"):
        merge_candidates([score_chunk(first, 0, 20), score_chunk(second, 20, 41)])


def test_candidate_edges_exclude_blocked_and_keep_requests_below_min_score(
    make_input, make_exhibitor, make_buyer
):
    exhibitors = [make_exhibitor(id=1), make_exhibitor(id=2, sectors=("3004",), target_markets=())]
    wishes = [Wish(1, "b1", "no_thanks"), Wish(2, "b1", "requested_by_sme")]
    data = make_input(exhibitors, [make_buyer()], wishes=wishes)
    model = build_scoring_model(data, ScoringWeights(min_score=90, request_lift=1))
    edges = candidate_edges(score_chunk(model, 0, 1), model.n_buyers, 90)
    pairs = set(zip(edges.exhibitors.tolist(), edges.buyers.tolist(), strict=True))
    assert pairs == {(1, 0)}
    assert edges.wished.tolist() == [True]
    assert edges.scores[0] < 90


def test_candidates_survive_binary_round_trip():
    data = synthetic_input(20, 100, seed=7, wish_rate=0.5)
    part = score_chunk(build_scoring_model(data), 0, 100)
    restored = Candidates.from_bytes(part.to_bytes())
    assert restored.fingerprint == part.fingerprint
    assert restored.per_exhibitor == part.per_exhibitor
    for name in ("exhibitor_e", "exhibitor_b", "exhibitor_s", "buyer_s", "wished_b"):
        np.testing.assert_array_equal(getattr(restored, name), getattr(part, name))
