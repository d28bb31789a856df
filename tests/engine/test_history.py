"""Earlier pavilions' outcomes in the next run: follow-ups lifted, lost interest left out."""

from __future__ import annotations

import dataclasses

import pytest

from matchmaking.engine import (
    EarlierMeeting,
    MatchmakingInput,
    ReferenceScorer,
    ScoringWeights,
    TradeStage,
    WeightsError,
    WishKind,
    pair_reason,
    propose,
    render_reason,
)
from matchmaking.engine.history import earlier_wishes, follow_up_meeting, pair_history


def met(pavilion_id=7, stage=None, no_interest=False, fair="Medica 2026", exhibitor_id=1):
    return EarlierMeeting(
        exhibitor_id,
        "b1",
        pavilion_id,
        pavilion_labels={"en": f"Japan Pavilion at {fair}", "ja": f"{fair} ジャパンパビリオン"},
        fair_labels={"en": fair, "ja": fair},
        stage=stage,
        no_interest=no_interest,
    )


def with_earlier(data: MatchmakingInput, *meetings: EarlierMeeting) -> MatchmakingInput:
    return dataclasses.replace(data, earlier_meetings=meetings)


def test_earlier_meeting_stage_is_a_trade_stage_and_samples_count_as_progress():
    assert met(stage="sample").stage is TradeStage.SAMPLE
    assert met(stage="sample").progressed
    assert met(stage="repeat_order").progressed
    assert not met(stage="follow_up").progressed
    assert not met().progressed
    with pytest.raises(ValueError, match="bought_the_company"):
        met(stage="bought_the_company")


@pytest.mark.parametrize(
    ("meetings", "expected"),
    [
        ([met()], None),
        ([met(stage="follow_up")], None),
        ([met(stage="sample")], WishKind.EARLIER_PROGRESS),
        ([met(stage="sample", no_interest=True)], WishKind.EARLIER_NO_INTEREST),
        ([met(stage="no_interest", no_interest=True)], WishKind.EARLIER_NO_INTEREST),
        # The most recent pavilion with a report speaks for the pair.
        (
            [met(1, stage="no_interest", no_interest=True), met(2, stage="sample")],
            WishKind.EARLIER_PROGRESS,
        ),
        (
            [met(1, stage="agreement"), met(2, stage="no_interest", no_interest=True)],
            WishKind.EARLIER_NO_INTEREST,
        ),
        ([met(1, stage="quotation"), met(2)], WishKind.EARLIER_PROGRESS),
        ([met(1, stage="trial_order"), met(2, stage="follow_up")], WishKind.EARLIER_PROGRESS),
    ],
)
def test_pair_history_follows_the_latest_report(meetings, expected):
    assert pair_history(meetings) is expected


def test_the_follow_up_names_the_furthest_stage_and_the_latest_of_ties():
    first, second, third = (
        met(1, stage="sample"),
        met(2, stage="agreement"),
        met(3, stage="agreement"),
    )
    assert follow_up_meeting([first, second, third]) is third
    assert follow_up_meeting([second, first]) is second
    assert follow_up_meeting([met(stage="follow_up")]) is None


def test_each_rule_turns_off_on_its_own(make_input):
    data = with_earlier(
        make_input(),
        met(stage="sample"),
        met(stage="no_interest", no_interest=True, exhibitor_id=2),
    )
    kinds = lambda weights: {(w.exhibitor_id, w.kind) for w in earlier_wishes(data, weights)}  # noqa: E731
    both = {(1, WishKind.EARLIER_PROGRESS), (2, WishKind.EARLIER_NO_INTEREST)}
    assert kinds(ScoringWeights()) == both
    assert kinds(ScoringWeights(follow_up_pairs=False)) == {(2, WishKind.EARLIER_NO_INTEREST)}
    assert kinds(ScoringWeights(exclude_no_interest=False)) == {(1, WishKind.EARLIER_PROGRESS)}


def test_a_progressed_pair_is_lifted_alike_in_both_scorers(make_input, make_buyer, pair_score):
    data = make_input(buyers=[make_buyer(country="SG", sourcing_needs="tablets")])
    plain = pair_score(data)
    assert plain < 80
    followed = with_earlier(data, met(stage="sample"))
    assert pair_score(followed) == pytest.approx(plain + 15.0, abs=1e-3)
    assert pair_score(followed, ScoringWeights(follow_up_lift=5.0)) == pytest.approx(
        plain + 5.0, abs=1e-3
    )
    assert pair_score(followed, ScoringWeights(follow_up_pairs=False)) == pytest.approx(
        plain, abs=1e-3
    )


def test_a_pair_without_further_interest_scores_zero_unless_the_rule_is_off(make_input, pair_score):
    data = make_input()
    plain = pair_score(data)
    lost = with_earlier(data, met(stage="sample", no_interest=True))
    assert pair_score(lost) == 0.0
    assert pair_score(lost, ScoringWeights(exclude_no_interest=False)) == pytest.approx(
        plain, abs=1e-3
    )


def test_a_follow_up_is_proposed_below_the_minimum_score_and_a_lost_pair_never(
    make_input, make_exhibitor, make_buyer
):
    # A buyer in another sector and market: without history nobody proposes this pair.
    weak = make_buyer(sectors=("3004",), country="SG", sourcing_needs="tablets")
    data = make_input([make_exhibitor(id=1), make_exhibitor(id=2)], [weak])
    weights = ScoringWeights(min_score=90.0, exhibitor_floor=0, first_timer_floor=0)
    assert propose(data, weights).proposals == []
    history = with_earlier(
        data,
        met(stage="sample"),
        met(stage="no_interest", no_interest=True, exhibitor_id=2),
    )
    proposals = propose(history, weights).proposals
    assert [(p.exhibitor_id, p.buyer_id) for p in proposals] == [(1, "b1")]
    assert propose(history, dataclasses.replace(weights, follow_up_pairs=False)).proposals == []


def test_the_reason_names_the_fair_and_the_stage_in_both_languages(make_input):
    data = with_earlier(make_input(), met(3, fair="Medica 2025"), met(7, stage="sample"))
    reference = ReferenceScorer(data)
    exhibitor, buyer = data.exhibitors[0], data.buyers[0]
    reason = pair_reason(reference, exhibitor, buyer, reference.score(exhibitor, buyer))
    assert [m.get("stage") for m in reason["met_earlier"]] == [None, "sample"]
    assert "earlier_progress" in reason["wishes"]
    assert render_reason(reason, "en").startswith(
        "They met at Medica 2025 and Medica 2026, samples sent, both work in "
    )
    assert render_reason(reason, "ja").startswith(
        "Medica 2025、Medica 2026で商談済みです（サンプル送付済み）。"
    )


def test_with_the_follow_up_rule_off_the_reason_says_only_where_they_met(make_input):
    data = with_earlier(make_input(), met(stage="agreement"))
    reference = ReferenceScorer(data, ScoringWeights(follow_up_pairs=False))
    exhibitor, buyer = data.exhibitors[0], data.buyers[0]
    reason = pair_reason(reference, exhibitor, buyer, reference.score(exhibitor, buyer))
    assert "stage" not in reason["met_earlier"][0]
    assert render_reason(reason, "en").startswith("They met at Medica 2026, both work in ")


@pytest.mark.parametrize("stage", sorted(TradeStage))
def test_every_progressed_stage_has_words_in_both_languages(make_input, stage):
    data = with_earlier(make_input(), met(stage=stage))
    reference = ReferenceScorer(data)
    exhibitor, buyer = data.exhibitors[0], data.buyers[0]
    reason = pair_reason(reference, exhibitor, buyer, reference.score(exhibitor, buyer))
    english, japanese = render_reason(reason, "en"), render_reason(reason, "ja")
    if met(stage=stage).progressed:
        assert english.startswith("They met at Medica 2026, ")
        assert f"stage_{stage}" not in english
        assert japanese.startswith("Medica 2026で商談済みです（")
    else:
        assert "（" not in japanese.split("。")[0]


def test_toggles_round_trip_and_refuse_numbers():
    weights = ScoringWeights(follow_up_pairs=False, exclude_no_interest=False, follow_up_lift=20)
    assert ScoringWeights.from_dict(weights.to_dict()) == weights
    with pytest.raises(WeightsError) as error:
        ScoringWeights.from_dict({"follow_up_pairs": 1, "follow_up_lift": 101})
    assert error.value.errors == {"follow_up_pairs": "must be true or false"}
    with pytest.raises(WeightsError) as error:
        ScoringWeights.from_dict({"follow_up_lift": 101})
    assert error.value.errors == {"follow_up_lift": "must be between 0 and 100"}
