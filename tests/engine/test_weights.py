"""Weights as the admin stores them: JSON round trip and validation."""

from __future__ import annotations

import json

import pytest

from matchmaking.engine import ScoringWeights, WeightsError


def test_weights_round_trip_through_json():
    weights = ScoringWeights(sector=5, sector_level_credits=(0.2, 0.5, 0.7), exhibitor_floor=2)
    restored = ScoringWeights.from_dict(json.loads(json.dumps(weights.to_dict())))
    assert restored == weights


def test_weights_from_dict_missing_keys_take_defaults():
    assert ScoringWeights.from_dict({"market": 4}) == ScoringWeights(market=4.0)


def test_weights_from_dict_reports_every_invalid_field():
    with pytest.raises(WeightsError) as caught:
        ScoringWeights.from_dict(
            {"sector": "high", "colour": 1, "exhibitor_floor": 2.5, "language": True}
        )
    assert set(caught.value.errors) == {"sector", "colour", "exhibitor_floor", "language"}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("sector", -1.0),
        ("market_region_credit", 1.5),
        ("sector_level_credits", (0.6, 0.3)),
        ("min_score", 0.0),
        ("product_fit_saturation", 0.0),
        ("candidates_per_buyer", 0),
        ("request_lift", 150.0),
    ],
)
def test_weights_invalid_value_rejected(field, value):
    with pytest.raises(WeightsError) as caught:
        ScoringWeights(**{field: value})
    assert field in caught.value.errors


def test_weights_all_zero_view_rejected():
    zero = dict.fromkeys(("sector", "market", "product", "language", "buyer_type"), 0.0)
    with pytest.raises(WeightsError, match="exhibitor's view"):
        ScoringWeights(**zero)


def test_weights_from_dict_integral_float_accepted_for_counts():
    assert ScoringWeights.from_dict({"exhibitor_floor": 2.0}).exhibitor_floor == 2
