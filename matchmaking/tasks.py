"""Celery tasks of matchmaking. Thin: take ids, load, call a service.

A pavilion is scored by one task; a very large one is split into buyer ranges scored by a chord
of tasks on several workers and merged by a final task. With no broker (a laptop) the same tasks
run in-process.
"""

import logging

from celery import chord, shared_task
from django.core.exceptions import ValidationError
from django.db import OperationalError
from django.db.models import F, Max, Q
from django.utils import timezone

from core.models import ACTIVE_RUN_STATUSES, RunStatus
from events.models import Pavilion

from . import selectors
from . import services as matching_services
from .models import MatchingRun

logger = logging.getLogger(__name__)


def _run(run_id: int) -> MatchingRun | None:
    return (
        MatchingRun.objects.select_related("pavilion", "pavilion__fair").filter(pk=run_id).first()
    )


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=3,
)
def run_matchmaking(*, run_id: int) -> str | None:
    """Score a run; returns the id of the chord's final task when the run is split."""
    run = _run(run_id)
    if run is None or not matching_services.matching_run_start(run=run):
        return None
    try:
        model = matching_services.matching_run_model(run=run)
        bounds = matching_services.matching_run_plan(model=model)
        if len(bounds) == 1:
            matching_services.matching_run_score_here(run=run, model=model, bounds=bounds)
            return None
        header = [
            score_matchmaking_chunk.s(
                run_id=run_id, start=start, stop=stop, share=0.8 / len(bounds)
            )
            for start, stop in bounds
        ]
        body = finish_matchmaking.s(run_id=run_id).on_error(matchmaking_failed.s(run_id=run_id))
        return chord(header)(body).id
    except Exception as error:
        logger.exception("Matchmaking run %s failed", run_id)
        matching_services.matching_run_fail(run_id=run_id, error=error)
        raise


@shared_task(acks_late=True, reject_on_worker_lost=True)
def score_matchmaking_chunk(*, run_id: int, start: int, stop: int, share: float) -> dict | None:
    run = _run(run_id)
    if run is None or run.status != RunStatus.RUNNING:
        return None
    candidates = matching_services.matching_run_score_chunk(run=run, start=start, stop=stop)
    MatchingRun.objects.filter(pk=run_id, status=RunStatus.RUNNING).update(
        progress=F("progress") + share
    )
    return candidates.to_dict()


@shared_task(acks_late=True, reject_on_worker_lost=True)
def finish_matchmaking(chunks: list[dict | None], *, run_id: int) -> None:
    run = _run(run_id)
    if run is None or run.status != RunStatus.RUNNING or any(c is None for c in chunks):
        return
    try:
        matching_services.matching_run_finish(run=run, chunks=chunks)
    except Exception as error:
        matching_services.matching_run_fail(run_id=run_id, error=error)
        raise


@shared_task
def matchmaking_failed(request, exc, traceback, *, run_id: int) -> None:
    matching_services.matching_run_fail(run_id=run_id, error=exc)


@shared_task
def rescore_open_pavilions() -> list[int]:
    """Queue a run for each pavilion whose profiles changed since its last finished run.

    "Open" means the fair has not ended yet; a pavilion with a run queued or running is left
    alone. Returns the ids of the runs queued.
    """
    today = timezone.now().date()
    pavilions = (
        Pavilion.objects.filter(fair__ends_on__gte=today)
        .exclude(matching_runs__status__in=ACTIVE_RUN_STATUSES)
        .annotate(
            last_run=Max("matching_runs__finished_at", filter=Q(matching_runs__status="done"))
        )
    )
    queued = []
    for pavilion in pavilions:
        if not selectors.pavilion_needs_matchmaking(pavilion=pavilion, since=pavilion.last_run):
            continue
        try:
            queued.append(matching_services.matching_run_request(pavilion=pavilion).pk)
        except ValidationError:
            continue  # a run started meanwhile
    return queued
