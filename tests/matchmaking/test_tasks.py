"""Matchmaking's tasks: a run retried after a transient error really runs again; a spread run
reports the same progress as one scored in-process. Tasks run in-process (eager), retries too."""

import pytest
from django.db import OperationalError

from core.models import RunStatus
from matchmaking import engine, services, tasks
from matchmaking.models import MatchingRun, Proposal

pytestmark = pytest.mark.django_db


def proposal_rows(pavilion):
    return sorted(
        Proposal.objects.filter(pavilion=pavilion).values_list("sme_id", "buyer_id", "score")
    )


def run_through_the_task(pavilion, capture):
    """Request a run the way the admin does: its task runs once the request commits."""
    with capture(execute=True):
        run = services.matching_run_request(pavilion=pavilion)
    run.refresh_from_db()
    return run


def failing(monkeypatch, name, error, times):
    """Make ``engine.<name>`` raise ``error`` on its first ``times`` calls; returns the calls."""
    real, calls = getattr(engine, name), []

    def step(*args, **kwargs):
        calls.append(name)
        if len(calls) <= times:
            raise error
        return real(*args, **kwargs)

    monkeypatch.setattr(engine, name, step)
    return calls


def test_a_run_lost_to_a_transient_error_is_retried_and_really_runs_again(
    small_pavilion, django_capture_on_commit_callbacks, monkeypatch
):
    pavilion = small_pavilion["pavilion"]
    lost = OperationalError("server closed the connection unexpectedly")
    calls = failing(monkeypatch, "proposals_from_candidates", lost, 1)
    run = run_through_the_task(pavilion, django_capture_on_commit_callbacks)
    assert len(calls) == 2  # the retry ran the job again
    assert (run.status, run.progress, run.error) == (RunStatus.DONE, 1.0, "")
    assert run.counts["proposals"] == Proposal.objects.filter(pavilion=pavilion).count() > 0


def test_a_run_failing_for_good_is_not_retried_and_is_marked_failed(
    small_pavilion, django_capture_on_commit_callbacks, monkeypatch
):
    pavilion = small_pavilion["pavilion"]
    calls = failing(monkeypatch, "proposals_from_candidates", ValueError("bad weights"), 1)
    with pytest.raises(ValueError, match="bad weights"):
        run_through_the_task(pavilion, django_capture_on_commit_callbacks)
    assert len(calls) == 1
    run = MatchingRun.objects.get()
    assert run.status == RunStatus.FAILED
    assert run.error == "ValueError: bad weights"
    assert not Proposal.objects.exists()


def test_a_transient_error_that_lasts_fails_the_run_once_the_retries_are_used_up(
    small_pavilion, django_capture_on_commit_callbacks, monkeypatch
):
    pavilion = small_pavilion["pavilion"]
    down = OperationalError("database is down")
    calls = failing(monkeypatch, "proposals_from_candidates", down, 99)
    with pytest.raises(OperationalError):
        run_through_the_task(pavilion, django_capture_on_commit_callbacks)
    assert len(calls) == 1 + tasks.run_matchmaking.max_retries
    run = MatchingRun.objects.get()
    assert run.status == RunStatus.FAILED
    assert "database is down" in run.error
    # A failed run no longer blocks the next one.
    monkeypatch.undo()
    assert run_through_the_task(pavilion, django_capture_on_commit_callbacks).status == "done"


def test_a_spread_runs_range_lost_to_a_transient_error_is_retried(
    small_pavilion, django_capture_on_commit_callbacks, monkeypatch, settings
):
    pavilion = small_pavilion["pavilion"]
    whole = run_through_the_task(pavilion, django_capture_on_commit_callbacks)
    expected = proposal_rows(pavilion)
    Proposal.objects.all().delete()
    settings.MATCHMAKING_PAIRS_PER_TASK = 20  # 72 pairs: four range tasks in a chord
    calls = failing(monkeypatch, "score_chunk", OperationalError("connection lost"), 1)
    run = run_through_the_task(pavilion, django_capture_on_commit_callbacks)
    assert len(calls) == 5  # four ranges, one of them twice
    assert run.status == RunStatus.DONE
    assert run.counts["proposals"] == whole.counts["proposals"]
    assert proposal_rows(pavilion) == expected


def test_a_spread_run_counts_its_ranges_as_an_in_process_run_does(small_pavilion):
    run = services.matching_run_request(pavilion=small_pavilion["pavilion"], queue=False)
    services.matching_run_start(run=run)
    for start, stop in [(0, 3), (6, 9)]:  # two of four ranges, in any order, on any worker
        services.matching_run_score_part(run=run, start=start, stop=stop, parts=4)
    run.refresh_from_db()
    assert (run.progress, run.progress_state) == engine.scoring_progress(2, 4)
    assert run.progress_text() == "Scored 2 of 4 parts"


def test_a_run_that_already_finished_is_not_run_again(small_pavilion, monkeypatch):
    """A task delivered twice (its worker was lost after finishing) changes nothing."""
    run = services.matching_run_request(pavilion=small_pavilion["pavilion"], queue=False)
    services.matching_run_execute(run=run)
    calls = failing(monkeypatch, "proposals_from_candidates", RuntimeError("must not run"), 1)
    tasks.run_matchmaking.delay(run_id=run.pk)
    assert calls == []
    run.refresh_from_db()
    assert run.status == RunStatus.DONE
