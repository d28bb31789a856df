"""Scoring weights: sensible defaults that organisers tune per pavilion in the admin.

The admin stores them as JSON, so ``to_dict``/``from_dict`` round-trip through plain types and
``from_dict`` validates every field, reporting all problems at once keyed by field name (so a
form can show each error next to its field).
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


class WeightsError(ValueError):
    """Invalid weights; ``errors`` maps each offending field to a message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{name}: {message}" for name, message in errors.items()))


# The factors each side's view averages. The SME asks "is this the buyer I am looking for?"
# (sector, market, buyer type); the buyer asks "can this SME supply what I need?" (sector,
# products, certifications, order size). Both care about being able to talk.
EXHIBITOR_VIEW_FACTORS = ("sector", "market", "buyer_type", "language", "product")
BUYER_VIEW_FACTORS = ("sector", "product", "certification", "order_size", "language")


@dataclass(frozen=True)
class ScoringWeights:
    # Relative factor weights (each view divides by the sum of its own factors' weights).
    sector: float = 3.0
    market: float = 2.0
    product: float = 2.0
    language: float = 1.0
    certification: float = 1.5
    buyer_type: float = 1.0
    order_size: float = 1.0

    # Credits within a factor, all in [0, 1].
    # Credit when the deepest sector the two share is a section (depth 0), a chapter (depth 1),
    # and so on; deeper levels reuse the last value. Same sector (or one contains the other)
    # always earns 1.
    sector_level_credits: tuple[float, ...] = (0.3, 0.6)
    market_region_credit: float = 0.8  # the SME targets a region the buyer's country is in
    market_neighbour_credit: float = 0.4  # the SME targets a country in the buyer's region
    interpreter_credit: float = 0.6  # no shared language, but an interpreter pair exists
    no_interpreter_credit: float = 0.2  # no shared language and no interpreter: still possible
    adjacent_order_size_credit: float = 0.5
    # Cosine similarity at which product fit counts as full; real texts rarely exceed ~0.5.
    product_fit_saturation: float = 0.4

    # Wishes and selection, on the 0-100 score scale.
    request_lift: float = 15.0
    # Earlier pavilions' outcomes (engine.history): a pair whose business progressed there is
    # lifted and proposed like a requested pair; one where a side lost interest is never proposed.
    follow_up_pairs: bool = True
    follow_up_lift: float = 15.0
    exclude_no_interest: bool = True
    min_score: float = 35.0
    exhibitor_floor: int = 3
    first_timer_floor: int = 4
    candidates_per_exhibitor: int = 40
    candidates_per_buyer: int = 10

    def __post_init__(self) -> None:
        errors = _validate(self)
        if errors:
            raise WeightsError(errors)

    def view_weight_sums(self) -> tuple[float, float]:
        """The normalising denominators of the exhibitor's and the buyer's view."""
        return (
            sum(getattr(self, name) for name in EXHIBITOR_VIEW_FACTORS),
            sum(getattr(self, name) for name in BUYER_VIEW_FACTORS),
        )

    def sector_credit_at_depth(self, depth: int) -> float:
        credits = self.sector_level_credits
        return credits[min(depth, len(credits) - 1)]

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["sector_level_credits"] = list(self.sector_level_credits)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ScoringWeights:
        """Build from stored JSON. Missing keys take defaults so old rows stay loadable;
        unknown keys and wrong types are errors, reported all at once."""
        known = {f.name: f for f in dataclasses.fields(cls)}
        errors: dict[str, str] = {}
        values: dict[str, Any] = {}
        for name, value in data.items():
            if name not in known:
                errors[name] = "unknown weight"
                continue
            default = getattr(cls, name)
            try:
                values[name] = _coerce(value, default)
            except (TypeError, ValueError) as exc:
                errors[name] = str(exc)
        if errors:
            raise WeightsError(errors)
        return cls(**values)


def _coerce(value: Any, default: Any) -> Any:
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise TypeError("must be true or false")
        return value
    if isinstance(value, bool):
        # bool is an int in Python; a checkbox value here is always a mistake.
        raise TypeError("must be a number")
    if isinstance(default, tuple):
        if not isinstance(value, list | tuple) or not value:
            raise TypeError("must be a non-empty list of numbers")
        return tuple(_coerce(item, 0.0) for item in value)
    if isinstance(default, int):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if not isinstance(value, int):
            raise TypeError("must be a whole number")
        return value
    if not isinstance(value, int | float):
        raise TypeError("must be a number")
    if not math.isfinite(value):
        raise ValueError("must be finite")
    return float(value)


_UNIT_FIELDS = (
    "market_region_credit",
    "market_neighbour_credit",
    "interpreter_credit",
    "no_interpreter_credit",
    "adjacent_order_size_credit",
)
_FACTOR_FIELDS = (
    "sector",
    "market",
    "product",
    "language",
    "certification",
    "buyer_type",
    "order_size",
)


def _validate(weights: ScoringWeights) -> dict[str, str]:
    errors: dict[str, str] = {}
    for name in _FACTOR_FIELDS:
        value = getattr(weights, name)
        if not (math.isfinite(value) and 0 <= value <= 100):
            errors[name] = "must be between 0 and 100"
    for name in _UNIT_FIELDS:
        if not 0 <= getattr(weights, name) <= 1:
            errors[name] = "must be between 0 and 1"
    credits = weights.sector_level_credits
    if not credits or any(not 0 <= c <= 1 for c in credits):
        errors["sector_level_credits"] = "each credit must be between 0 and 1"
    elif any(a > b for a, b in itertools.pairwise(credits)):
        # A deeper shared sector must never score less than a shallower one.
        errors["sector_level_credits"] = "credits must not decrease with depth"
    if not 0 < weights.product_fit_saturation <= 1:
        errors["product_fit_saturation"] = "must be above 0 and at most 1"
    for name in ("request_lift", "follow_up_lift"):
        if not 0 <= getattr(weights, name) <= 100:
            errors[name] = "must be between 0 and 100"
    if not 0 < weights.min_score <= 100:
        # Above 0 so that pairs forced to 0 ("no thanks", "met before") can never qualify.
        errors["min_score"] = "must be above 0 and at most 100"
    for name in ("exhibitor_floor", "first_timer_floor"):
        if not 0 <= getattr(weights, name) <= 1000:
            errors[name] = "must be between 0 and 1000"
    for name in ("candidates_per_exhibitor", "candidates_per_buyer"):
        if not 1 <= getattr(weights, name) <= 1000:
            errors[name] = "must be between 1 and 1000"
    if not errors:
        exhibitor_sum, buyer_sum = weights.view_weight_sums()
        if exhibitor_sum <= 0:
            errors["sector"] = "the exhibitor's view needs at least one positive weight"
        if buyer_sum <= 0:
            errors["sector"] = "the buyer's view needs at least one positive weight"
    return errors
