"""Suggested factor weights, learnt from what came of earlier meetings.

Each held meeting with an outcome is one example: its pair's factors (``reference.PairFactors``,
each in [0, 1]) and whether the business progressed (samples or further). An L2-regularised
logistic regression with non-negative coefficients relates the factors to progress; the
coefficients become factor weights the engine can use, scaled to the same total as the
pavilion's current factor weights. Stratified k-fold cross-validation says how well the
suggested weights' scores rank held-out meetings (AUC) beside the current weights' scores.

"Readiness" in the product's words is the buyer's side of being able to do business: the
``certification`` factor (the buyer's required certifications held) and the ``order_size``
factor (the order size served). All seven weighted factors are fitted.

Plain NumPy and SciPy: the Django side reads the meetings and passes arrays.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize
from scipy.special import expit
from scipy.stats import rankdata

from matchmaking.engine.reference import PairFactors
from matchmaking.engine.weights import BUYER_VIEW_FACTORS, EXHIBITOR_VIEW_FACTORS, ScoringWeights

#: Every weighted factor, once, in the order the fit's columns use.
FACTORS = tuple(dict.fromkeys(EXHIBITOR_VIEW_FACTORS + BUYER_VIEW_FACTORS))
#: Factors of "readiness": the required certifications held and the order size served.
READINESS_FACTORS = ("certification", "order_size")

#: Below these counts a fit says too little to change anyone's matchmaking.
MIN_MEETINGS = 40
MIN_EACH_OUTCOME = 10  # progressed, and did not
FOLDS = 5
PENALTY = 1.0  # L2 penalty on the coefficients (not the intercept), on the log-loss's scale
DECIMALS = 1  # suggested weights are rounded to a tenth, like an organiser would type them
#: The most one view's weight total may outweigh the other's (``weights_from_coefficients``).
MAX_VIEW_RATIO = 10.0

SUGGESTED = "suggested"
TOO_FEW = "too_few"
NO_SIGNAL = "no_signal"  # enough outcomes, but no factor relates to progress

_IN_EXHIBITOR_VIEW = np.array([f in EXHIBITOR_VIEW_FACTORS for f in FACTORS], dtype=float)
_IN_BUYER_VIEW = np.array([f in BUYER_VIEW_FACTORS for f in FACTORS], dtype=float)


@dataclass(frozen=True)
class WeightFit:
    """What the fit found. ``suggested`` and ``coefficients`` map each of ``FACTORS`` to a
    value, or are None when ``status`` is not ``SUGGESTED``. ``held_out_auc_suggested`` is the
    AUC of every meeting's score under the weights fitted on the other ``folds - 1`` folds;
    ``held_out_auc_current`` that of the current weights (None unless suggested)."""

    status: str
    meetings: int
    progressed: int
    current: dict[str, float]
    suggested: dict[str, float] | None = None
    coefficients: dict[str, float] | None = None
    held_out_auc_current: float | None = None
    held_out_auc_suggested: float | None = None
    folds: int = 0

    @property
    def not_progressed(self) -> int:
        return self.meetings - self.progressed


def factor_values(factors: PairFactors) -> tuple[float, ...]:
    """One pair's factors in the order of ``FACTORS``: a row of the fit's matrix."""
    return tuple(float(getattr(factors, name)) for name in FACTORS)


def factor_weights(weights: ScoringWeights) -> dict[str, float]:
    return {name: float(getattr(weights, name)) for name in FACTORS}


def pair_scores(weights: Mapping[str, float], factors: np.ndarray) -> np.ndarray:
    """The engine's 0-100 score of each row of factors before wishes: the harmonic mean of the
    exhibitor's and the buyer's view (as ``ReferenceScorer.score_factors``), vectorised."""
    w = np.array([weights[name] for name in FACTORS], dtype=float)
    exhibitor_weights, buyer_weights = w * _IN_EXHIBITOR_VIEW, w * _IN_BUYER_VIEW
    exhibitor_view = factors @ exhibitor_weights / exhibitor_weights.sum()
    buyer_view = factors @ buyer_weights / buyer_weights.sum()
    total = exhibitor_view + buyer_view
    safe = np.where(total > 0, total, 1.0)
    return np.where(total > 0, 200.0 * exhibitor_view * buyer_view / safe, 0.0)


def auc(scores: np.ndarray, progressed: np.ndarray) -> float | None:
    """The chance that a progressed meeting scores above one that did not (ties count half);
    None without both kinds."""
    positives = int(progressed.sum())
    negatives = len(progressed) - positives
    if not positives or not negatives:
        return None
    ranks = rankdata(scores)
    return float(
        (ranks[progressed].sum() - positives * (positives + 1) / 2) / (positives * negatives)
    )


def fit_logistic(
    factors: np.ndarray, progressed: np.ndarray, penalty: float = PENALTY
) -> tuple[float, np.ndarray]:
    """Intercept and non-negative coefficients of an L2-regularised logistic regression.

    Non-negative because a weight cannot be negative: a factor that works against progress gets
    0, and the others are fitted without it rather than clipped afterwards.
    """
    y = progressed.astype(float)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        z = theta[0] + factors @ theta[1:]
        p = expit(z)
        value = np.logaddexp(0.0, z).sum() - y @ z + 0.5 * penalty * theta[1:] @ theta[1:]
        residual = p - y
        gradient = np.concatenate(([residual.sum()], factors.T @ residual + penalty * theta[1:]))
        return float(value), gradient

    start = np.zeros(factors.shape[1] + 1)
    bounds = [(None, None)] + [(0.0, None)] * factors.shape[1]
    result = minimize(loss, start, jac=True, method="L-BFGS-B", bounds=bounds)
    return float(result.x[0]), np.maximum(result.x[1:], 0.0)


def weights_from_coefficients(
    coefficients: np.ndarray,
    current: Mapping[str, float],
    spread: Mapping[str, float] | None = None,
) -> dict[str, float] | None:
    """Factor weights whose engine score leans on each factor as the coefficients do, scaled to
    the current factor weights' total and rounded; None when every coefficient is 0.

    The engine averages each view over its own factors and takes the harmonic mean of the two
    views, which near balance moves like their mean: factor f counts
    ``w_f * (in_E / S_E + in_B / S_B)``, S being each view's weight total. The weights solve
    ``w_f * (in_E / S_E + in_B / S_B) ∝ coefficient_f`` (a fixed point, found by iterating), so a
    factor in both views (sector, product, language) is not counted twice. Each view counts
    half whatever its weights, so when one view's own factors explain more than the other view
    and the shared factors together, no weights match exactly; the iteration then stops before
    one view's total passes ``MAX_VIEW_RATIO`` times the other's (each view's factors stay in
    proportion, and none rounds away).
    A view left with no weight at all gets its steadiest own factor (least ``spread``; without
    it, its largest current weight), which keeps that view nearly constant: a step of 0.1
    taken from the largest weight.
    """
    beta = np.maximum(np.asarray(coefficients, dtype=float), 0.0)
    if beta.sum() <= 0:
        return None
    w = beta / beta.sum()
    for _ in range(500):
        reach = np.zeros_like(w)
        for in_view in (_IN_EXHIBITOR_VIEW, _IN_BUYER_VIEW):
            view_total = (w * in_view).sum()
            if view_total > 0:
                reach += in_view / view_total
        updated = np.divide(beta, reach, out=np.zeros_like(beta), where=reach > 0)
        updated /= updated.sum()
        if _balanced(w) and not _balanced(updated):
            break
        converged = np.abs(updated - w).max() < 1e-10
        w = updated
        if converged:
            break
    # Whole steps of 0.1 that add up to the current total (largest remainders round up), so
    # that a suggestion applied and fitted again on the same meetings comes out the same.
    step = 10.0**-DECIMALS
    units = round(sum(current[name] for name in FACTORS) / step)
    raw = w * units
    steps = np.floor(raw).astype(int)
    steps[np.argsort(steps - raw, kind="stable")[: units - steps.sum()]] += 1
    for in_view, in_other in (
        (_IN_EXHIBITOR_VIEW, _IN_BUYER_VIEW),
        (_IN_BUYER_VIEW, _IN_EXHIBITOR_VIEW),
    ):
        if (steps * in_view).sum() <= 0:
            own = [
                i
                for i, (mine, other) in enumerate(zip(in_view, in_other, strict=True))
                if mine and not other
            ]
            steadiest = (
                min(own, key=lambda i: spread[FACTORS[i]])
                if spread
                else max(own, key=lambda i: current[FACTORS[i]])
            )
            steps[np.argmax(steps)] -= 1
            steps[steadiest] += 1
    weights = np.minimum(np.round(steps * step, DECIMALS), 100.0)
    return dict(zip(FACTORS, (float(v) for v in weights), strict=True))


def _balanced(w: np.ndarray) -> bool:
    exhibitor_total, buyer_total = (w * _IN_EXHIBITOR_VIEW).sum(), (w * _IN_BUYER_VIEW).sum()
    return (
        exhibitor_total > 0
        and buyer_total > 0
        and 1 / MAX_VIEW_RATIO <= exhibitor_total / buyer_total <= MAX_VIEW_RATIO
    )


def stratified_folds(progressed: np.ndarray, k: int, seed: int = 0) -> np.ndarray:
    """The fold of each meeting: progressed and other meetings each dealt round the folds in a
    seeded shuffle, so every fold has both and the same input always gives the same folds."""
    rng = np.random.default_rng(seed)
    folds = np.empty(len(progressed), dtype=int)
    for kind in (True, False):
        members = np.flatnonzero(progressed == kind)
        folds[members[rng.permutation(len(members))]] = np.arange(len(members)) % k
    return folds


def fit_weights(
    factors: np.ndarray | Sequence[Sequence[float]],
    progressed: np.ndarray | Sequence[bool],
    current: ScoringWeights,
    *,
    penalty: float = PENALTY,
    folds: int = FOLDS,
    min_meetings: int = MIN_MEETINGS,
    min_each: int = MIN_EACH_OUTCOME,
) -> WeightFit:
    """Suggest factor weights from meetings' factors (rows in ``FACTORS`` order) and whether
    each progressed; too few meetings, or too few of either outcome, suggest nothing."""
    x = np.asarray(factors, dtype=float).reshape(-1, len(FACTORS))
    y = np.asarray(progressed, dtype=bool)
    weights_now = factor_weights(current)
    meetings, positives = len(y), int(y.sum())
    if meetings < min_meetings or min(positives, meetings - positives) < min_each:
        return WeightFit(TOO_FEW, meetings, positives, weights_now)
    _intercept, beta = fit_logistic(x, y, penalty)
    suggested = weights_from_coefficients(beta, weights_now, _spread(x))
    if suggested is None:
        return WeightFit(NO_SIGNAL, meetings, positives, weights_now)
    # Each meeting is scored by weights fitted without its fold; one AUC over all of them.
    assignment = stratified_folds(y, folds)
    held_out_scores = np.empty(meetings)
    for fold in range(folds):
        held_out = assignment == fold
        _i, fold_beta = fit_logistic(x[~held_out], y[~held_out], penalty)
        fold_weights = (
            weights_from_coefficients(fold_beta, weights_now, _spread(x[~held_out])) or weights_now
        )
        held_out_scores[held_out] = pair_scores(fold_weights, x[held_out])
    return WeightFit(
        SUGGESTED,
        meetings,
        positives,
        weights_now,
        suggested=suggested,
        coefficients=dict(zip(FACTORS, (round(float(b), 4) for b in beta), strict=True)),
        # The current weights are not fitted: every meeting is held out from them.
        held_out_auc_current=auc(pair_scores(weights_now, x), y),
        held_out_auc_suggested=auc(held_out_scores, y),
        folds=folds,
    )


def _spread(factors: np.ndarray) -> dict[str, float]:
    return dict(zip(FACTORS, factors.std(axis=0), strict=True))
