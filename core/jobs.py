"""What every long job of a pavilion shares: one active run at a time, progress, failure.

Progress is stored as data (``JobRun.progress_state``: a phase code and its figures), never as
text: whoever reads it sees it in their own language (``JobRun.state_text``).
"""

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from . import audit
from .models import ACTIVE_RUN_STATUSES, JobRun, RunStatus
from .queue import enqueue_on_commit
from .services import unique_or_refused

logger = logging.getLogger(__name__)


class ProgressReporter:
    """Writes a run's progress (a fraction and a state such as ``{"phase": "gaps", "gaps": 4}``)
    to its row, at most every half second, outside transactions."""

    def __init__(self, run: JobRun, *, start: float = 0.0, span: float = 1.0) -> None:
        self.model, self.run_id, self.start, self.span = type(run), run.pk, start, span
        self.last_write = 0.0

    def __call__(self, fraction: float, state: dict) -> None:
        now = time.monotonic()
        if fraction < 1.0 and now - self.last_write < 0.5:
            return
        self.last_write = now
        overall = min(1.0, max(0.0, self.start + self.span * fraction))
        self.model.objects.filter(pk=self.run_id, status=RunStatus.RUNNING).update(
            progress=overall, progress_state=state
        )


def run_create(*, model: type[JobRun], pavilion, requested_by=None, parameters: dict) -> JobRun:
    """Create a queued run, refused with a clear message while one of its kind is active.

    The database enforces it too, so two organisers clicking at once get one run.
    """
    active = _active_run(model, pavilion)
    if active is not None:
        raise ValidationError(_active_message(active))
    with unique_or_refused(lambda: _active_message(_active_run(model, pavilion))):
        return model.objects.create(
            pavilion=pavilion, requested_by=requested_by, parameters=parameters
        )


def _active_run(model: type[JobRun], pavilion) -> JobRun | None:
    return model.objects.filter(pavilion=pavilion, status__in=ACTIVE_RUN_STATUSES).first()


def run_request(
    *,
    model: type[JobRun],
    pavilion,
    requested_by=None,
    parameters: dict,
    action: str,
    task: str,
    queue: bool = True,
) -> JobRun:
    """Queue a run of a pavilion's job, refused while one of its kind is active (``run_create``).

    Side effects: records ``action`` (the run requested) and, once the transaction commits,
    queues the Celery ``task`` with the run's id (unless ``queue`` is False: the caller then
    runs it itself).
    """
    run = run_create(
        model=model, pavilion=pavilion, requested_by=requested_by, parameters=parameters
    )
    audit.record(
        action=action,
        obj=run,
        pavilion_id=run.pavilion_id,
        changes=audit.created(audit.values(run, ["status"])),
        by=requested_by,
    )
    if queue:
        enqueue_on_commit(task, run_id=run.pk)
    return run


def _active_message(active: JobRun | None) -> str:
    if active is None:
        return _("Another run has just started for this pavilion.")
    # The run is named by when it was queued, in the fair's time, as its list shows it.
    return _(
        "%(kind)s for %(pavilion)s is already %(status)s (queued %(queued)s, %(percent)s%% "
        "done); wait for it to finish."
    ) % {
        "kind": str(active._meta.verbose_name).capitalize(),
        "pavilion": active.pavilion,
        "status": active.get_status_display().lower(),
        "queued": active.pavilion.fair.local_text(active.created_at),
        "percent": round(active.progress * 100),
    }


def run_start(*, run: JobRun, state: dict) -> bool:
    """Mark a queued run as running; False if it is already finished (a redelivered task).

    A run found "running" is started again: its worker was lost before acknowledging the task.
    """
    updated = (
        type(run)
        .objects.filter(pk=run.pk, status__in=ACTIVE_RUN_STATUSES)
        .update(
            status=RunStatus.RUNNING,
            started_at=timezone.now(),
            progress=0.0,
            progress_state=state,
            error="",
        )
    )
    return bool(updated)


def run_finish(*, run: JobRun, counts: dict, timings: dict) -> JobRun:
    """Mark a run done with its counts (which its outcome is worded from) and timings."""
    run.refresh_from_db()
    timings = {**run.timings, **timings}
    if run.started_at:
        timings["total"] = round((timezone.now() - run.started_at).total_seconds(), 3)
    type(run).objects.filter(pk=run.pk).update(
        status=RunStatus.DONE,
        progress=1.0,
        progress_state={"phase": "done"},
        counts=counts,
        timings=timings,
        finished_at=timezone.now(),
    )
    run.refresh_from_db()
    return run


def run_fail(*, model: type[JobRun], run_id: int, error: BaseException | str) -> None:
    """Record why a run failed; what it would have written stays unwritten."""
    message = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
    model.objects.filter(pk=run_id, status__in=ACTIVE_RUN_STATUSES).update(
        status=RunStatus.FAILED, error=message[:5000], finished_at=timezone.now()
    )


@contextmanager
def run_failing(run: JobRun, *, retried: tuple[type[BaseException], ...] = ()) -> Iterator[None]:
    """Mark the run failed when the block raises, and raise on.

    An error of ``retried`` leaves the run running instead: the caller runs the job again after
    it (a task's retry, ``core.tasks.RunTask``), and marking the run failed first would make that
    retry do nothing (``run_start`` refuses a finished run). What the block would have written
    stays unwritten either way: the writes are one transaction at the end.
    """
    try:
        yield
    except retried as error:
        logger.warning("%s #%s will be retried after %r", type(run).__name__, run.pk, error)
        raise
    except Exception as error:
        logger.exception("%s #%s failed", type(run).__name__, run.pk)
        run_fail(model=type(run), run_id=run.pk, error=error)
        raise
