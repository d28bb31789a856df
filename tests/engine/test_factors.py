"""Each factor at its edges, through the reference's factors and both implementations' scores."""

from __future__ import annotations

import pytest

from matchmaking.engine import ReferenceScorer, ScoringWeights


def factors_of(data, weights=None):
    reference = ReferenceScorer(data, weights)
    return reference.factors(data.exhibitors[0], data.buyers[0])


def test_sector_fit_same_heading_beats_same_chapter_beats_same_section(
    make_input, make_exhibitor, make_buyer, pair_score
):
    scores = {}
    for wanted, level in (("9018", "same"), ("9022", "chapter"), ("9101", "section")):
        data = make_input([make_exhibitor()], [make_buyer(sectors=(wanted,))])
        scores[level] = pair_score(data)
        assert factors_of(data).sector == {"same": 1.0, "chapter": 0.6, "section": 0.3}[level]
    assert scores["same"] > scores["chapter"] > scores["section"]


def test_sector_fit_interest_in_whole_chapter_covers_its_headings(
    make_input, make_exhibitor, make_buyer, pair_score
):
    data = make_input([make_exhibitor(sectors=("9018",))], [make_buyer(sectors=("90",))])
    factors = factors_of(data)
    assert factors.sector == 1.0
    assert factors.sector_match.level == "same"
    pair_score(data)


def test_sector_fit_different_sections_scores_zero(
    make_input, make_exhibitor, make_buyer, pair_score
):
    data = make_input([make_exhibitor(sectors=("3004",))], [make_buyer(sectors=("9018",))])
    assert factors_of(data).sector == 0.0
    assert factors_of(data).sector_match is None
    pair_score(data)


def test_sector_fit_takes_the_best_of_several_sectors(
    make_input, make_exhibitor, make_buyer, pair_score
):
    data = make_input(
        [make_exhibitor(sectors=("3004", "9022"))], [make_buyer(sectors=("9101", "9018"))]
    )
    assert factors_of(data).sector == 0.6
    pair_score(data)


def test_sector_fit_unknown_sector_matches_only_itself(
    make_input, make_exhibitor, make_buyer, pair_score
):
    same = make_input(
        [make_exhibitor(sectors=("fair:robots",))], [make_buyer(sectors=("fair:robots",))]
    )
    other = make_input([make_exhibitor(sectors=("fair:robots",))], [make_buyer(sectors=("9018",))])
    assert factors_of(same).sector == 1.0
    assert factors_of(other).sector == 0.0
    pair_score(same)
    pair_score(other)


def test_sector_fit_level_credits_follow_weights(
    make_input, make_exhibitor, make_buyer, pair_score
):
    weights = ScoringWeights(sector_level_credits=(0.1, 0.9))
    data = make_input([make_exhibitor()], [make_buyer(sectors=("9022",))])
    assert factors_of(data, weights).sector == 0.9
    pair_score(data, weights)


@pytest.mark.parametrize(
    ("targets", "country", "expected", "kind"),
    [
        (("DE",), "DE", 1.0, "country"),
        (("EU",), "FR", 0.8, "region"),
        (("IT",), "FR", 0.4, "neighbour"),
        (("SA",), "AE", 0.4, "neighbour"),  # AE is in the GCC with SA (and in MENA)
        (("EG",), "AE", 0.4, "neighbour"),  # ... and in MENA with EG: several regions count
        (("SG",), "DE", 0.0, None),
        ((), "DE", 0.0, None),
    ],
)
def test_market_fit_country_then_region_then_neighbour(
    make_input, make_exhibitor, make_buyer, pair_score, targets, country, expected, kind
):
    data = make_input([make_exhibitor(target_markets=targets)], [make_buyer(country=country)])
    factors = factors_of(data)
    assert factors.market == expected
    assert factors.market_kind == kind
    pair_score(data)


def test_market_fit_country_beats_region_when_both_targeted(
    make_input, make_exhibitor, make_buyer, pair_score
):
    data = make_input([make_exhibitor(target_markets=("EU", "DE"))], [make_buyer(country="DE")])
    assert factors_of(data).market == 1.0
    pair_score(data)


@pytest.mark.parametrize(
    ("exhibitor_languages", "buyer_languages", "expected"),
    [
        (("ja", "en"), ("de", "en"), 1.0),
        (("ja",), ("de",), 0.6),  # ja-de interpreters exist
        (("ja",), ("ar",), 0.2),  # none: a penalty, not a zero
        ((), ("en",), 0.2),
    ],
)
def test_language_fit_shared_or_interpreter_or_penalty(
    make_input,
    make_exhibitor,
    make_buyer,
    pair_score,
    exhibitor_languages,
    buyer_languages,
    expected,
):
    data = make_input(
        [make_exhibitor(languages=exhibitor_languages)], [make_buyer(languages=buyer_languages)]
    )
    factors = factors_of(data)
    assert factors.language == expected
    assert bool(factors.shared_languages) == (expected == 1.0)
    assert pair_score(data) > 0


def test_language_fit_no_interpreter_is_not_zero_overall(
    make_input, make_exhibitor, make_buyer, pair_score
):
    speaking = make_input([make_exhibitor()], [make_buyer()])
    silent = make_input([make_exhibitor(languages=("ja",))], [make_buyer(languages=("ar",))])
    assert 0 < pair_score(silent) < pair_score(speaking)


@pytest.mark.parametrize(
    ("held", "required", "expected"),
    [
        (("CE", "ISO13485"), ("CE", "ISO13485"), 1.0),
        (("CE",), ("CE", "ISO13485"), 0.5),
        ((), ("FDA",), 0.0),
        ((), (), 1.0),
    ],
)
def test_certification_fit_share_of_required_held(
    make_input, make_exhibitor, make_buyer, pair_score, held, required, expected
):
    data = make_input(
        [make_exhibitor(certifications=held)], [make_buyer(required_certifications=required)]
    )
    factors = factors_of(data)
    assert factors.certification == expected
    assert set(factors.certifications_missing) == set(required) - set(held)
    pair_score(data)


@pytest.mark.parametrize(
    ("served", "buyer_type", "expected"),
    [
        ((), "retailer", 1.0),
        (("distributor", "importer"), "importer", 1.0),
        (("distributor",), "retailer", 0.0),
    ],
)
def test_buyer_type_fit_served_or_not(
    make_input, make_exhibitor, make_buyer, pair_score, served, buyer_type, expected
):
    data = make_input([make_exhibitor(buyer_types=served)], [make_buyer(buyer_type=buyer_type)])
    assert factors_of(data).buyer_type == expected
    pair_score(data)


@pytest.mark.parametrize(
    ("served", "wanted", "expected"),
    [
        ((), "very_large", 1.0),
        (("small",), None, 1.0),
        (("small", "medium"), "medium", 1.0),
        (("small",), "medium", 0.5),
        (("small",), "very_large", 0.0),
    ],
)
def test_order_size_fit_exact_adjacent_or_out_of_reach(
    make_input, make_exhibitor, make_buyer, pair_score, served, wanted, expected
):
    data = make_input([make_exhibitor(order_sizes=served)], [make_buyer(order_size=wanted)])
    assert factors_of(data).order_size == expected
    pair_score(data)


def test_product_fit_similar_text_scores_higher(make_input, make_exhibitor, make_buyer, pair_score):
    fitting = make_input([make_exhibitor()], [make_buyer()])
    unrelated = make_input([make_exhibitor()], [make_buyer(sourcing_needs="frozen seafood")])
    assert factors_of(fitting).product > 0
    assert factors_of(unrelated).product == 0
    assert pair_score(fitting) > pair_score(unrelated)


def test_product_fit_japanese_profile_matches_japanese_needs(
    make_input, make_exhibitor, make_buyer, pair_score
):
    data = make_input(
        [make_exhibitor(products="携帯型超音波診断装置", description="医療機器メーカー")],
        [make_buyer(sourcing_needs="超音波診断装置を探しています")],
    )
    assert factors_of(data).product > 0.3
    pair_score(data)


def test_product_fit_empty_texts_score_zero_without_error(
    make_input, make_exhibitor, make_buyer, pair_score
):
    data = make_input(
        [make_exhibitor(products="", description="")], [make_buyer(sourcing_needs="")]
    )
    assert factors_of(data).product == 0.0
    pair_score(data)
