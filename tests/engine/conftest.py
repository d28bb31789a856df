"""Small hand-made pavilions for the engine's tests: plain objects, no database."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pytest

from matchmaking.engine import (
    BuyerProfile,
    ExhibitorProfile,
    InterpreterAvailability,
    MarketGeography,
    MatchmakingInput,
    ReferenceScorer,
    ScoringWeights,
    SectorTaxonomy,
    Wish,
    build_scoring_model,
    score_block,
)


@pytest.fixture
def taxonomy() -> SectorTaxonomy:
    # HS-like: section S18 (instruments) > chapter 90 > headings 9018 (medical), 9022 (x-ray);
    # chapter 91 (clocks) > 9101; section S06 (chemicals) > chapter 30 (pharma) > 3004.
    return SectorTaxonomy.from_parents(
        {
            "S18": None,
            "90": "S18",
            "9018": "90",
            "9022": "90",
            "91": "S18",
            "9101": "91",
            "S06": None,
            "30": "S06",
            "3004": "30",
        },
        labels={
            "9018": {"en": "Medical instruments", "ja": "医療用機器"},
            "90": {"en": "Optical and medical instruments", "ja": "光学機器・医療用機器"},
        },
    )


@pytest.fixture
def geography() -> MarketGeography:
    return MarketGeography(
        regions={
            "EU": frozenset({"DE", "FR", "IT"}),
            "GCC": frozenset({"AE", "SA"}),
            "MENA": frozenset({"AE", "EG"}),
            "ASEAN": frozenset({"SG", "TH"}),
        },
        labels={"DE": {"en": "Germany", "ja": "ドイツ"}, "EU": {"en": "the EU", "ja": "EU"}},
    )


def exhibitor(**overrides: Any) -> ExhibitorProfile:
    fields: dict[str, Any] = {
        "id": 1,
        "sectors": ("9018",),
        "target_markets": ("DE",),
        "languages": ("ja", "en"),
        "certifications": ("CE",),
        "products": "ultrasound diagnostic imaging probe",
        "description": "portable ultrasound scanner for clinics",
        "max_meetings": 10,
    }
    fields.update(overrides)
    return ExhibitorProfile(**fields)


def buyer(**overrides: Any) -> BuyerProfile:
    fields: dict[str, Any] = {
        "id": "b1",
        "country": "DE",
        "buyer_type": "distributor",
        "sectors": ("9018",),
        "sourcing_needs": "portable ultrasound scanner",
        "order_size": "medium",
        "languages": ("de", "en"),
        "required_certifications": ("CE",),
        "max_meetings": 5,
    }
    fields.update(overrides)
    return BuyerProfile(**fields)


@pytest.fixture
def make_exhibitor() -> Callable[..., ExhibitorProfile]:
    return exhibitor


@pytest.fixture
def make_buyer() -> Callable[..., BuyerProfile]:
    return buyer


@pytest.fixture
def make_input(
    taxonomy: SectorTaxonomy, geography: MarketGeography
) -> Callable[..., MatchmakingInput]:
    def make(
        exhibitors: Sequence[ExhibitorProfile] = (),
        buyers: Sequence[BuyerProfile] = (),
        wishes: Sequence[Wish] = (),
        interpreters: Sequence[tuple[str, str]] = (("ja", "en"), ("ja", "de")),
    ) -> MatchmakingInput:
        return MatchmakingInput(
            exhibitors=tuple(exhibitors) or (exhibitor(),),
            buyers=tuple(buyers) or (buyer(),),
            taxonomy=taxonomy,
            geography=geography,
            interpreters=InterpreterAvailability.from_pairs(interpreters),
            wishes=tuple(wishes),
        )

    return make


@pytest.fixture
def both_scores() -> Callable[..., tuple[np.ndarray, np.ndarray]]:
    """(vectorised, reference) score matrices, buyers by exhibitors."""

    def score(
        data: MatchmakingInput, weights: ScoringWeights | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        model = build_scoring_model(data, weights)
        reference = ReferenceScorer(data, model.weights)
        expected = np.array(
            [[reference.score(e, b) for e in data.exhibitors] for b in data.buyers],
            dtype=np.float64,
        )
        return score_block(model, 0, model.n_buyers), expected

    return score


@pytest.fixture
def pair_score(both_scores: Callable[..., tuple[np.ndarray, np.ndarray]]) -> Callable[..., float]:
    """The score of the single pair of ``data``, after checking both implementations agree."""

    def score(data: MatchmakingInput, weights: ScoringWeights | None = None) -> float:
        vectorised, reference = both_scores(data, weights)
        assert vectorised.shape == (1, 1)
        np.testing.assert_allclose(vectorised, reference, atol=1e-3)
        return float(reference[0, 0])

    return score
