"""Suggested weights fitted from outcomes (engine.weight_fit), on synthetic arrays."""

from __future__ import annotations

import numpy as np
import pytest

from matchmaking.engine import ReferenceScorer, ScoringWeights
from matchmaking.engine import weight_fit as wf
from matchmaking.engine.synthetic import synthetic_input


def outcomes(hidden: dict[str, float], n: int = 600, seed: int = 1, intercept: float = -2.5):
    """Uniform factors, and progress drawn from a logistic in the hidden factor weights."""
    rng = np.random.default_rng(seed)
    factors = rng.random((n, len(wf.FACTORS)))
    logit = intercept + factors @ np.array([hidden.get(name, 0.0) for name in wf.FACTORS])
    return factors, rng.random(n) < 1 / (1 + np.exp(-logit))


def test_the_fit_recovers_a_dominant_factor():
    factors, progressed = outcomes({"certification": 5.0, "sector": 0.5})
    fit = wf.fit_weights(factors, progressed, ScoringWeights())
    assert fit.status == wf.SUGGESTED
    assert max(fit.coefficients, key=fit.coefficients.get) == "certification"
    assert max(fit.suggested, key=fit.suggested.get) == "certification"
    assert fit.held_out_auc_suggested > fit.held_out_auc_current
    assert fit.held_out_auc_suggested > 0.7


def test_suggested_weights_are_valid_and_keep_the_current_total():
    current = ScoringWeights(sector=5, market=1, product=1, language=1)
    factors, progressed = outcomes({"market": 3.0, "language": 2.0, "order_size": 1.0})
    fit = wf.fit_weights(factors, progressed, current)
    ScoringWeights(**fit.suggested)  # the engine accepts them
    assert sum(fit.suggested.values()) == pytest.approx(sum(fit.current.values()), abs=0.5)
    assert fit.current == wf.factor_weights(current)
    assert all(round(value, 1) == value for value in fit.suggested.values())


def test_a_factor_against_progress_gets_no_weight():
    factors, progressed = outcomes({"market": 4.0, "buyer_type": -4.0}, intercept=0.0)
    fit = wf.fit_weights(factors, progressed, ScoringWeights())
    assert fit.coefficients["buyer_type"] == 0
    assert fit.suggested["buyer_type"] == 0


def test_a_view_the_fit_leaves_empty_gets_its_steadiest_own_factor():
    factors, progressed = outcomes({"market": 6.0}, intercept=-3.0)
    factors[:, wf.FACTORS.index("order_size")] = 1.0  # every buyer's order size is served
    fit = wf.fit_weights(factors, progressed, ScoringWeights())
    ScoringWeights(**fit.suggested)
    buyer_only = {"certification", "order_size"}
    assert [name for name in buyer_only if fit.suggested[name] > 0] == ["order_size"]


def test_too_few_meetings_or_outcomes_suggest_nothing():
    factors, progressed = outcomes({"sector": 3.0}, n=wf.MIN_MEETINGS - 1)
    fit = wf.fit_weights(factors, progressed, ScoringWeights())
    assert (fit.status, fit.suggested, fit.held_out_auc_suggested) == (wf.TOO_FEW, None, None)
    assert (fit.meetings, fit.progressed) == (wf.MIN_MEETINGS - 1, int(progressed.sum()))
    factors, _ = outcomes({"sector": 3.0}, n=200)
    few_progressed = np.arange(200) < wf.MIN_EACH_OUTCOME - 1
    assert wf.fit_weights(factors, few_progressed, ScoringWeights()).status == wf.TOO_FEW
    assert wf.fit_weights(np.empty((0, 7)), [], ScoringWeights()).meetings == 0


def test_outcomes_that_no_factor_helps_suggest_nothing():
    factors, _ = outcomes({})
    progressed = factors.sum(axis=1) < np.median(factors.sum(axis=1))  # the worst fits progressed
    fit = wf.fit_weights(factors, progressed, ScoringWeights())
    assert fit.status == wf.NO_SIGNAL
    assert fit.suggested is None


def test_the_fit_is_deterministic():
    factors, progressed = outcomes({"product": 3.0, "market": 1.0})
    first = wf.fit_weights(factors, progressed, ScoringWeights())
    assert wf.fit_weights(factors.copy(), progressed.copy(), ScoringWeights()) == first


def test_folds_are_stratified_and_fixed():
    progressed = np.arange(53) % 4 == 0
    folds = wf.stratified_folds(progressed, 5)
    assert np.array_equal(folds, wf.stratified_folds(progressed, 5))
    for fold in range(5):
        assert progressed[folds == fold].any()
        assert not progressed[folds == fold].all()


def test_auc_counts_ties_half():
    assert wf.auc(np.array([1.0, 2.0, 3.0]), np.array([False, False, True])) == 1.0
    assert wf.auc(np.array([1.0, 1.0]), np.array([False, True])) == 0.5
    assert wf.auc(np.array([1.0, 2.0]), np.array([True, True])) is None


def test_pair_scores_are_the_reference_scorers_before_wishes():
    data = synthetic_input(6, 30, seed=3, wish_rate=0)
    weights = ScoringWeights(sector=1, market=4, certification=0, order_size=2.5)
    scorer = ReferenceScorer(data, weights)
    pairs = [scorer.factors(e, b) for e in data.exhibitors for b in data.buyers]
    rows = np.array([wf.factor_values(pair) for pair in pairs])
    expected = [scorer.score_factors(pair) for pair in pairs]
    assert wf.pair_scores(wf.factor_weights(weights), rows) == pytest.approx(expected)


def test_equal_coefficients_count_a_shared_factor_once():
    weights = wf.weights_from_coefficients(np.ones(7), wf.factor_weights(ScoringWeights()))
    # Sector, product and language sit in both views: half the weight of a one-view factor
    # (to the nearest step of 0.1).
    shared = [weights[name] for name in ("sector", "product", "language")]
    alone = [weights[name] for name in ("market", "buyer_type", "certification", "order_size")]
    assert max(shared) - min(shared) == pytest.approx(0, abs=0.11)
    assert max(alone) - min(alone) == pytest.approx(0, abs=0.11)
    assert sum(alone) / 4 == pytest.approx(2 * sum(shared) / 3, abs=0.1)
    assert sum(weights.values()) == pytest.approx(11.5)


def test_a_suggestion_applied_and_fitted_again_comes_out_the_same():
    factors, progressed = outcomes({"language": 3.0, "certification": 2.0, "market": 1.0})
    first = wf.fit_weights(factors, progressed, ScoringWeights())
    again = wf.fit_weights(factors, progressed, ScoringWeights(**first.suggested))
    assert again.suggested == first.suggested
