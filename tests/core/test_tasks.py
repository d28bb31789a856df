"""The base classes of every task: a retry runs at once in-process, and a run's task tells its
service which errors it will retry, so that a retried run is left running for the retry."""

import pytest
from celery import shared_task
from django.db import OperationalError

from core.tasks import TRANSIENT_ERRORS, RunTask, Task

ERRORS = {"transient": OperationalError, "other": ValueError, "mail": OSError}
attempts: list[tuple] = []


@pytest.fixture(autouse=True)
def fresh_attempts():
    attempts.clear()


@shared_task(base=RunTask, bind=True)
def flaky_run(self, *, failures: int, error: str) -> int:
    """Fail ``failures`` times, noting what each attempt was told would be retried."""
    attempts.append(self.retried_errors())
    if len(attempts) <= failures:
        raise ERRORS[error](f"attempt {len(attempts)} failed")
    return len(attempts)


@shared_task(base=Task, autoretry_for=(OSError,), max_retries=2)
def flaky_mail(*, failures: int) -> int:
    attempts.append(())
    if len(attempts) <= failures:
        raise OSError("the mail server did not answer")
    return len(attempts)


def test_a_transient_error_is_retried_and_the_task_runs_again():
    assert flaky_run.delay(failures=2, error="transient").get() == 3
    assert attempts == [TRANSIENT_ERRORS] * 3


def test_the_last_attempt_is_told_that_nothing_will_be_retried():
    with pytest.raises(OperationalError, match="attempt 4 failed"):
        flaky_run.delay(failures=99, error="transient")
    assert attempts == [TRANSIENT_ERRORS] * 3 + [()]


def test_any_other_error_is_not_retried():
    with pytest.raises(ValueError, match="attempt 1 failed"):
        flaky_run.delay(failures=1, error="other")
    assert len(attempts) == 1


def test_a_task_called_as_a_function_retries_nothing():
    assert flaky_run(failures=0, error="transient") == 1
    assert attempts == [()]


def test_every_task_retries_at_once_in_process():
    assert flaky_mail.delay(failures=2).get() == 3
    with pytest.raises(OSError, match="did not answer"):
        flaky_mail.delay(failures=99)
