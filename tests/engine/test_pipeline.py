"""The whole run: chunked or in one piece, proposals valid, floors met, reasons present."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from matchmaking.engine import (
    ScoringWeights,
    Wish,
    build_scoring_model,
    chunk_bounds,
    merge_candidates,
    proposals_from_candidates,
    propose,
    score_block,
    score_chunk,
)
from matchmaking.engine.profiles import BLOCKING_WISHES
from matchmaking.engine.synthetic import synthetic_input

ENGINE = Path(__file__).resolve().parents[2] / "matchmaking" / "engine"


@pytest.fixture(scope="module")
def pavilion():
    return synthetic_input(80, 2_000, seed=11, wish_rate=0.2)


@pytest.fixture(scope="module")
def pavilion_run(pavilion):
    return propose(pavilion)


def test_propose_respects_capacities(pavilion, pavilion_run):
    exhibitor_count, buyer_count = {}, {}
    for proposal in pavilion_run.proposals:
        exhibitor_count[proposal.exhibitor_id] = exhibitor_count.get(proposal.exhibitor_id, 0) + 1
        buyer_count[proposal.buyer_id] = buyer_count.get(proposal.buyer_id, 0) + 1
    assert all(exhibitor_count.get(e.id, 0) <= e.max_meetings for e in pavilion.exhibitors)
    assert all(buyer_count.get(b.id, 0) <= b.max_meetings for b in pavilion.buyers)
    assert len({(p.exhibitor_id, p.buyer_id) for p in pavilion_run.proposals}) == len(
        pavilion_run.proposals
    )


def test_propose_never_proposes_blocked_pairs(pavilion, pavilion_run):
    blocked = {(w.exhibitor_id, w.buyer_id) for w in pavilion.wishes if w.kind in BLOCKING_WISHES}
    assert blocked
    assert not blocked & {(p.exhibitor_id, p.buyer_id) for p in pavilion_run.proposals}


def test_propose_meets_floor_when_acceptable_buyers_exist(pavilion, pavilion_run):
    weights = ScoringWeights()
    model = build_scoring_model(pavilion)
    acceptable = (score_block(model, 0, model.n_buyers) >= weights.min_score).sum(axis=0)
    proposed = {}
    for proposal in pavilion_run.proposals:
        proposed[proposal.exhibitor_id] = proposed.get(proposal.exhibitor_id, 0) + 1
    for index, exhibitor in enumerate(pavilion.exhibitors):
        floor = (
            weights.first_timer_floor
            if exhibitor.first_time_exhibitor
            else (weights.exhibitor_floor)
        )
        wanted = min(floor, exhibitor.max_meetings, int(acceptable[index]))
        assert proposed.get(exhibitor.id, 0) >= wanted, exhibitor.id
    assert pavilion_run.short_of_floor == []


def test_propose_scores_at_least_min_score_unless_wished(pavilion, pavilion_run):
    wished = {(w.exhibitor_id, w.buyer_id) for w in pavilion.wishes}
    for proposal in pavilion_run.proposals:
        assert proposal.score >= ScoringWeights().min_score or (
            (proposal.exhibitor_id, proposal.buyer_id) in wished
        )


def test_propose_every_proposal_has_reasons_in_both_languages(pavilion_run):
    assert pavilion_run.proposals
    for proposal in pavilion_run.proposals:
        assert proposal.reason["score"] == pytest.approx(proposal.score, abs=0.01)
        assert proposal.sentence("en").endswith(".")
        assert proposal.sentence("ja").endswith("。")


def test_propose_must_meet_pair_is_proposed(make_input, make_exhibitor, make_buyer):
    exhibitors = [make_exhibitor(id=1), make_exhibitor(id=2, sectors=("3004",))]
    data = make_input(exhibitors, [make_buyer(max_meetings=1)], wishes=[Wish(2, "b1", "must_meet")])
    run = propose(data)
    assert [(p.exhibitor_id, p.buyer_id, p.score) for p in run.proposals] == [(2, "b1", 100.0)]
    assert "organiser made this meeting a must" in run.proposals[0].sentence("en")


def test_propose_declined_pair_does_not_come_back(make_input, make_exhibitor, make_buyer):
    data = make_input([make_exhibitor()], [make_buyer()])
    assert [p.buyer_id for p in propose(data).proposals] == ["b1"]
    again = make_input([make_exhibitor()], [make_buyer()], wishes=[Wish(1, "b1", "declined")])
    assert propose(again).proposals == []


def test_propose_pair_with_a_meeting_does_not_come_back_even_when_wished(
    make_input, make_exhibitor, make_buyer
):
    wishes = [Wish(1, "b1", "has_meeting"), Wish(1, "b1", "must_meet")]
    data = make_input([make_exhibitor()], [make_buyer()], wishes=wishes)
    assert propose(data).proposals == []


def test_propose_reports_progress_up_to_one():
    reported = []
    run = propose(
        synthetic_input(20, 300, seed=3),
        chunk_size=64,
        progress=lambda fraction, state: reported.append((fraction, state)),
    )
    fractions = [fraction for fraction, _ in reported]
    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0
    # Codes and figures, in nobody's language: the five chunks of 64 of 300 buyers, then the end.
    states = [state for _, state in reported]
    assert states[:2] == [
        {"phase": "scoring", "done": 0, "total": 5},
        {"phase": "scoring", "done": 1, "total": 5},
    ]
    count = len(run.proposals)
    assert states[-2:] == [
        {"phase": "selected", "proposals": count},
        {"phase": "explained", "proposals": count},
    ]


def test_propose_chunked_threads_match_celery_style_merge():
    data = synthetic_input(60, 900, seed=8, wish_rate=0.1)
    in_process = propose(data, chunk_size=128, workers=2, with_reasons=False)
    # What Celery workers do: each builds its own model and scores its range.
    parts = [
        score_chunk(build_scoring_model(data), start, stop)
        for start, stop in chunk_bounds(len(data.buyers), 300)
    ]
    model = build_scoring_model(data)
    spread = proposals_from_candidates(model, merge_candidates(parts), with_reasons=False)
    assert sum(p.score for p in in_process.proposals) == pytest.approx(
        sum(p.score for p in spread.proposals), rel=1e-4
    )
    assert len(in_process.proposals) == len(spread.proposals)


def test_propose_empty_pavilion_gives_no_proposals(make_input, make_exhibitor, make_buyer):
    data = make_input(
        [make_exhibitor(sectors=("3004",), target_markets=(), products="")],
        [make_buyer(sourcing_needs="", languages=("ar",))],
    )
    run = propose(data, ScoringWeights(min_score=90))
    assert run.proposals == []
    assert run.short_of_floor == []
    assert run.without_acceptable_buyers == [1]


def test_engine_imports_no_django():
    sources = list(ENGINE.glob("*.py"))
    assert sources
    for source in sources:
        text = source.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import)\s+django", text, re.MULTILINE), source.name
    code = (
        "import sys, matchmaking.engine, matchmaking.engine.synthetic; "
        "sys.exit(any(name.startswith('django') for name in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ENGINE.parents[1], check=False)
    assert result.returncode == 0


def test_score_block_dtype_and_range():
    model = build_scoring_model(synthetic_input(10, 50, seed=2))
    block = score_block(model, 0, 50)
    assert block.dtype == np.float32
    assert block.min() >= 0
    assert block.max() <= 100
