"""Reasons as data, and one sentence each in English and Japanese."""

from __future__ import annotations

import json

import pytest

from matchmaking.engine import (
    EarlierMeeting,
    MatchmakingInput,
    ReferenceScorer,
    Wish,
    pair_reason,
    render_reason,
)

CERTIFICATIONS = {
    "CE": {"en": "CE marking (MDR)", "ja": "CEマーキング（MDR）"},
    "ISO13485": {"en": "ISO 13485 quality management", "ja": "ISO 13485 品質マネジメント"},
}


def reason_for(data):
    reference = ReferenceScorer(data)
    exhibitor, buyer = data.exhibitors[0], data.buyers[0]
    return pair_reason(reference, exhibitor, buyer, reference.score(exhibitor, buyer))


def test_pair_reason_names_sector_market_certifications_language(
    make_input, make_exhibitor, make_buyer
):
    reason = reason_for(make_input([make_exhibitor()], [make_buyer()]))
    assert reason["sector"]["level"] == "same"
    assert reason["sector"]["exhibitor_sector"] == "9018"
    assert reason["market"] == {
        "kind": "country",
        "country": "DE",
        "region": None,
        "country_labels": {"en": "Germany", "ja": "ドイツ"},
        "region_labels": None,
    }
    assert reason["certifications"] == {"matched": ["CE"], "missing": []}
    assert reason["language"]["shared"] == ["en"]
    assert reason["language"]["interpreter_needed"] is False
    assert "ultrasound" in reason["product_terms"]
    json.dumps(reason)  # stored as JSON by the Django side


def test_pair_reason_interpreter_and_missing_certifications(make_input, make_exhibitor, make_buyer):
    data = make_input(
        [make_exhibitor(languages=("ja",), target_markets=("EU",))],
        [make_buyer(languages=("de",), required_certifications=("CE", "ISO13485"))],
    )
    reason = reason_for(data)
    assert reason["language"]["interpreter_needed"] is True
    assert reason["language"]["interpreter_pairs"] == [["ja", "de"]]
    assert reason["certifications"] == {"matched": ["CE"], "missing": ["ISO13485"]}
    assert render_reason(reason, "en").count("holds CE but not yet ISO13485") == 1
    assert reason["market"]["kind"] == "region"
    assert reason["market"]["region"] == "EU"


def test_render_reason_one_sentence_in_english_and_japanese(make_input, make_exhibitor, make_buyer):
    data = make_input(
        [make_exhibitor(languages=("ja",), first_time_exhibitor=True)],
        [make_buyer(languages=("de",))],
        wishes=[Wish(1, "b1", "requested_by_buyer")],
    )
    reason = reason_for(data)
    english, japanese = render_reason(reason, "en"), render_reason(reason, "ja")
    assert english.startswith("The buyer asked for this meeting, both work in ")
    assert english.count(".") == 1
    assert english.endswith(" and it is the exhibitor's first fair.")
    assert "Medical instruments" in english
    assert "Germany" in english
    assert "an interpreter is needed (Japanese–German)" in english
    # Japanese: one short polite sentence per reason.
    assert japanese.startswith("バイヤーが商談を希望しています。")
    assert japanese.endswith("。出展者は今回が初出展です。")
    assert "業種が一致しています（医療用機器）。" in japanese
    assert "ドイツは出展者のターゲット市場です。" in japanese
    assert "通訳者が必要です（日本語・ドイツ語）。" in japanese


def test_render_reason_has_no_lead_in_of_its_own(make_input, make_exhibitor, make_buyer):
    # Pages and the admin show the text after their own "Why" label ("理由").
    reason = reason_for(make_input([make_exhibitor()], [make_buyer()]))
    assert not render_reason(reason, "en").startswith("Proposed because")
    assert "理由" not in render_reason(reason, "ja")
    assert render_reason(reason, "en").startswith("Both work in Medical instruments")


def with_certification_names(data) -> MatchmakingInput:
    return MatchmakingInput(
        exhibitors=data.exhibitors,
        buyers=data.buyers,
        taxonomy=data.taxonomy,
        geography=data.geography,
        interpreters=data.interpreters,
        wishes=data.wishes,
        certification_labels=CERTIFICATIONS,
        earlier_meetings=data.earlier_meetings,
    )


def test_render_reason_names_certifications_in_the_readers_language(
    make_input, make_exhibitor, make_buyer
):
    data = make_input([make_exhibitor()], [make_buyer(required_certifications=("CE", "ISO13485"))])
    reason = reason_for(with_certification_names(data))
    assert reason["certifications"]["matched_labels"] == [CERTIFICATIONS["CE"]]
    assert reason["certifications"]["missing_labels"] == [CERTIFICATIONS["ISO13485"]]
    json.dumps(reason)
    assert (
        "the exhibitor holds CE marking (MDR) but not yet ISO 13485 quality management"
        in render_reason(reason, "en")
    )
    assert (
        "出展者はCEマーキング（MDR）を取得済みですが、ISO 13485 品質マネジメントは未取得です。"
        in render_reason(reason, "ja")
    )


def test_render_reason_stored_without_certification_names_still_renders():
    # A reason stored before names were carried has ids only.
    reason = {"certifications": {"matched": [1], "missing": [6]}}
    assert render_reason(reason, "en") == "The exhibitor holds 1 but not yet 6."
    assert render_reason(reason, "ja") == "出展者は1を取得済みですが、6は未取得です。"


def test_pair_reason_names_the_earlier_pavilions_where_the_pair_met(
    make_input, make_exhibitor, make_buyer, taxonomy, geography
):
    earlier = EarlierMeeting(
        1,
        "b1",
        7,
        pavilion_labels={
            "en": "Japan Pavilion at Medica 2026",
            "ja": "MEDICA 2026 ジャパンパビリオン",
        },
        fair_labels={"en": "Medica 2026", "ja": "Medica 2026"},
    )
    data = MatchmakingInput(
        exhibitors=(make_exhibitor(),),
        buyers=(make_buyer(),),
        taxonomy=taxonomy,
        geography=geography,
        earlier_meetings=(earlier,),
    )
    reason = reason_for(data)
    assert reason["met_earlier"] == [
        {
            "pavilion": 7,
            "labels": {
                "en": "Japan Pavilion at Medica 2026",
                "ja": "MEDICA 2026 ジャパンパビリオン",
            },
            "fair_labels": {"en": "Medica 2026", "ja": "Medica 2026"},
        }
    ]
    assert render_reason(reason, "en").startswith("They met at Medica 2026, both work in ")
    assert render_reason(reason, "ja").startswith("Medica 2026で商談済みです。")
    assert reason_for(make_input([make_exhibitor()], [make_buyer()]))["met_earlier"] == []


def test_render_reason_partial_sector_uses_shared_parent(make_input, make_exhibitor, make_buyer):
    reason = reason_for(make_input([make_exhibitor()], [make_buyer(sectors=("9022",))]))
    assert reason["sector"]["level"] == "depth1"
    assert "Optical and medical instruments" in render_reason(reason, "en")
    assert "業種が近接しています（光学機器・医療用機器）" in render_reason(reason, "ja")


def test_render_reason_empty_reason_still_a_sentence():
    assert render_reason({}, "en") == "Proposed to give the exhibitor a meeting."
    assert render_reason({}, "ja").endswith("。")


def test_render_reason_unsupported_language_raises():
    with pytest.raises(KeyError):
        render_reason({}, "fr")
