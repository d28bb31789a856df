"""Celery tasks of the platform's plumbing, and the base classes of every app's tasks.

Tasks are thin: they take ids, load, and call one service. Services queue them by name
(``core.queue.enqueue_on_commit``) and never import them.
"""

from datetime import timedelta

from celery import Task as CeleryTask
from celery import shared_task
from celery.exceptions import Retry
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from .models import ApiIdempotencyKey

#: Errors worth trying again a little later: the database went away, restarted, was locked or
#: lost the connection. Anything else would fail the same way again.
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (OperationalError, InterfaceError)


class Task(CeleryTask):
    """Every task of the platform: a retry runs at once when tasks run in this process.

    With no broker (``CELERY_TASK_ALWAYS_EAGER``, a laptop and the tests) and errors propagating
    to the caller (``CELERY_TASK_EAGER_PROPAGATES``), Celery raises a task's retry instead of
    running it; this runs it, as a worker would after the back-off.
    """

    def apply(self, args=None, kwargs=None, **options):
        try:
            return super().apply(args, kwargs, **options)
        except Retry as retry:
            if retry.sig is None:
                raise
            return retry.sig.apply()


class RunTask(Task):
    """A task that executes one run of a long job (``core.jobs``) by calling its service.

    A transient error is retried with back-off, and the retry really reruns the job: the service
    is told which errors will be retried (``retried_errors``) and leaves the run running for them
    (``core.jobs.run_failing``), and ``run_start`` starts a running run again. Any other error,
    or a transient one once the retries are used up, marks the run failed. Acknowledged late and
    rejected on a lost worker, so a run whose worker dies is delivered again and restarts.
    """

    autoretry_for = TRANSIENT_ERRORS
    retry_backoff = True
    max_retries = 3
    acks_late = True
    reject_on_worker_lost = True

    def retried_errors(self) -> tuple[type[BaseException], ...]:
        """The errors this attempt will be retried after: none on the last attempt, nor when
        the task is called as a plain function."""
        if self.request.called_directly or self.request.retries >= self.max_retries:
            return ()
        return tuple(self.autoretry_for)


@shared_task(base=Task)
def purge_idempotency_keys() -> int:
    """Periodic: forget the API's stored answers after a day; a retry comes within minutes."""
    cutoff = timezone.now() - timedelta(days=1)
    deleted, _by_model = ApiIdempotencyKey.objects.filter(created_at__lt=cutoff).delete()
    return deleted
