"""Celery tasks of matchmaking. Thin: take ids, load, call a service.

A run is one task (``matchmaking_run_execute`` in it); a run of several buyer ranges is spread
into a chord, one task per range and a final one that merges and selects, the same steps the
in-process run takes. With no broker (a laptop) the same tasks run in-process.
"""

from celery import chord, shared_task

from core.models import RunStatus
from core.tasks import RunTask, Task

from . import services
from .models import MatchingRun


def _run(run_id: int, *, running: bool = False) -> MatchingRun | None:
    runs = MatchingRun.objects.select_related("pavilion", "pavilion__fair").filter(pk=run_id)
    return (runs.filter(status=RunStatus.RUNNING) if running else runs).first()


def finish_task_id(run_id: int) -> str:
    """The id of a spread run's final task, so that anyone can wait for the run to end."""
    return f"matchmaking-run-{run_id}-finish"


def spread_over_workers(run: MatchingRun, bounds: list[tuple[int, int]]) -> None:
    """Queue a task per buyer range, then one that finishes the run with their candidates."""
    header = [
        score_matchmaking_chunk.s(run_id=run.pk, start=start, stop=stop, parts=len(bounds))
        for start, stop in bounds
    ]
    body = (
        finish_matchmaking.s(run_id=run.pk)
        .set(task_id=finish_task_id(run.pk))
        .on_error(matchmaking_failed.s(run_id=run.pk))
    )
    chord(header)(body)


@shared_task(base=RunTask, bind=True)
def run_matchmaking(self, *, run_id: int) -> None:
    run = _run(run_id)
    if run is not None:
        services.matching_run_execute(
            run=run, spread=spread_over_workers, retried=self.retried_errors()
        )


@shared_task(base=RunTask, bind=True)
def score_matchmaking_chunk(self, *, run_id: int, start: int, stop: int, parts: int) -> dict | None:
    run = _run(run_id, running=True)
    if run is None:
        return None
    return services.matching_run_score_part(
        run=run, start=start, stop=stop, parts=parts, retried=self.retried_errors()
    ).to_dict()


@shared_task(base=RunTask, bind=True)
def finish_matchmaking(self, chunks: list[dict | None], *, run_id: int) -> None:
    run = _run(run_id, running=True)
    if run is not None and all(chunk is not None for chunk in chunks):
        services.matching_run_finish(run=run, chunks=chunks, retried=self.retried_errors())


@shared_task(base=Task)
def matchmaking_failed(request, exc, traceback, *, run_id: int) -> None:
    """A range's task failed for good: the chord will not finish, so the run has failed."""
    services.matching_run_fail(run_id=run_id, error=exc)


@shared_task(base=Task)
def rescore_open_pavilions() -> list[int]:
    """Periodic: queue a run for each open pavilion whose profiles changed since its last one."""
    return services.matching_runs_request_where_changed()
