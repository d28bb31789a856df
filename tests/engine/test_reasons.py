"""Reasons as data, and one sentence each in English and Japanese."""

from __future__ import annotations

import json

import pytest

from matchmaking.engine import ReferenceScorer, Wish, pair_reason, render_reason


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
    assert english.startswith("Proposed because ")
    assert english.count(".") == 1
    assert english.endswith(".")
    assert "Medical instruments" in english
    assert "Germany" in english
    assert "an interpreter is needed (Japanese–German)" in english
    assert "the buyer asked for this meeting" in english
    assert japanese.count("。") == 1
    assert japanese.endswith("。")
    assert "医療用機器" in japanese
    assert "ドイツ" in japanese
    assert "通訳が必要（日本語・ドイツ語）" in japanese
    assert "バイヤーから面談の希望あり" in japanese
    assert "初出展" in japanese


def test_render_reason_partial_sector_uses_shared_parent(make_input, make_exhibitor, make_buyer):
    reason = reason_for(make_input([make_exhibitor()], [make_buyer(sectors=("9022",))]))
    assert reason["sector"]["level"] == "depth1"
    assert "Optical and medical instruments" in render_reason(reason, "en")
    assert "近い分野（光学機器・医療用機器）" in render_reason(reason, "ja")


def test_render_reason_empty_reason_still_a_sentence():
    assert render_reason({}, "en") == "Proposed to give the exhibitor a meeting."
    assert render_reason({}, "ja").endswith("。")


def test_render_reason_unsupported_language_raises():
    with pytest.raises(KeyError):
        render_reason({}, "fr")
