"""Storing a run's proposals writes only what changed: a re-run on the same input writes no
row, a changed score rewrites that proposal alone, and only proposals no longer chosen go."""

import pytest

from matchmaking import engine, services
from matchmaking.models import MatchingRun, Proposal

from .runs import run_now

pytestmark = pytest.mark.django_db


def stored(pavilion):
    return {
        (p.sme_id, p.buyer_id): (p.pk, p.score, p.run_id, p.updated_at)
        for p in Proposal.objects.filter(pavilion=pavilion)
    }


def engine_proposal(row, score=None):
    return engine.Proposal(
        row.sme_id, row.buyer_id, row.score if score is None else score, row.reason
    )


def test_running_matchmaking_again_on_the_same_input_writes_no_proposal(
    small_pavilion, django_capture_on_commit_callbacks
):
    pavilion = small_pavilion["pavilion"]
    first = run_now(pavilion, django_capture_on_commit_callbacks)
    before = stored(pavilion)

    again = run_now(pavilion, django_capture_on_commit_callbacks)

    assert stored(pavilion) == before  # same rows, same run, same updated_at
    assert (again.counts["created"], again.counts["updated"], again.counts["withdrawn"]) == (
        0,
        0,
        0,
    )
    assert again.counts["unchanged"] == first.counts["proposals"] > 0


def test_only_a_changed_proposal_is_rewritten_and_only_a_dropped_one_withdrawn(
    small_pavilion, django_capture_on_commit_callbacks
):
    pavilion = small_pavilion["pavilion"]
    run_now(pavilion, django_capture_on_commit_callbacks)
    rows = list(Proposal.objects.filter(pavilion=pavilion).order_by("pk"))
    changed, dropped, kept = rows[0], rows[1], rows[2:]
    before = stored(pavilion)
    run = MatchingRun.objects.create(pavilion=pavilion)

    counts = services.proposals_store(
        run=run,
        outcome=engine.ProposalRun(
            proposals=[engine_proposal(changed, changed.score / 2)]
            + [engine_proposal(row) for row in kept]
        ),
    )

    after = stored(pavilion)
    assert (counts["updated"], counts["withdrawn"], counts["created"]) == (1, 1, 0)
    changed_pair = (changed.sme_id, changed.buyer_id)
    assert after[changed_pair][1:3] == (changed.score / 2, run.pk)
    assert after[changed_pair][3] > before[changed_pair][3]
    assert (dropped.sme_id, dropped.buyer_id) not in after
    for proposal in kept:
        pair = (proposal.sme_id, proposal.buyer_id)
        assert after[pair] == before[pair]  # not written: same run, same updated_at


def test_a_proposal_whose_reasons_alone_changed_is_rewritten_and_tuples_read_as_lists(
    small_pavilion, django_capture_on_commit_callbacks
):
    pavilion = small_pavilion["pavilion"]
    run_now(pavilion, django_capture_on_commit_callbacks)
    rows = list(Proposal.objects.filter(pavilion=pavilion).order_by("pk"))
    reworded, as_tuples = rows[0], rows[1]
    reworded.reason = {**reworded.reason, "languages": ["xx"]}
    as_tuples.reason = {
        key: tuple(value) if isinstance(value, list) else value
        for key, value in {**as_tuples.reason, "shared": ["ja", "en"]}.items()
    }
    Proposal.objects.filter(pk=as_tuples.pk).update(
        reason={**as_tuples.reason, "shared": ["ja", "en"]}
    )
    run = MatchingRun.objects.create(pavilion=pavilion)

    counts = services.proposals_store(
        run=run,
        outcome=engine.ProposalRun(proposals=[engine_proposal(row) for row in rows]),
    )

    assert counts["updated"] == 1
    reworded.refresh_from_db()
    assert (reworded.reason["languages"], reworded.run_id) == (["xx"], run.pk)
    assert Proposal.objects.get(pk=as_tuples.pk).run_id != run.pk
