"""Celery tasks of meetings. Thin: take ids, load, call a service."""

from celery import shared_task
from django.core.exceptions import ValidationError

from core.tasks import RunTask, Task

from .models import SchedulingRun
from .services import follow_ups, notifications, requests, runs

#: Worth sending a schedule again a little later: the mail server did not answer, or another
#: send held a participant's schedule notice past the lock timeout (``core.locks``). Those
#: already emailed are not emailed again: their notice says what they were sent.
SCHEDULE_SEND_RETRIED = (OSError, ValidationError)


@shared_task(base=RunTask, bind=True)
def run_scheduler(self, *, run_id: int) -> None:
    run = (
        SchedulingRun.objects.select_related("pavilion__fair", "requested_by")
        .filter(pk=run_id)
        .first()
    )
    if run is not None:
        runs.scheduling_run_execute(run=run, retried=self.retried_errors())


@shared_task(base=Task, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_meeting_notification(*, kind: str, meeting_id: int, acted_for: str = "") -> int:
    return notifications.meeting_notification_send(
        kind=kind, meeting_id=meeting_id, acted_for=acted_for
    )


@shared_task(base=Task, autoretry_for=SCHEDULE_SEND_RETRIED, retry_backoff=True, max_retries=5)
def send_schedule_published(
    *, pavilion_id: int, sme_id: int | None = None, buyer_id: int | None = None
) -> int:
    return notifications.schedule_published_send(
        pavilion_id=pavilion_id, sme_id=sme_id, buyer_id=buyer_id
    )


@shared_task(base=Task)
def expire_and_remind_meetings() -> dict[str, int]:
    """Periodic: expire unanswered requests past their deadline, remind those close to it."""
    return {"expired": requests.meetings_expire(), "reminded": requests.meetings_remind()}


@shared_task(base=Task)
def send_follow_ups() -> dict[str, int]:
    """Periodic: ask each side of held meetings what came of them at the pavilions' follow-up
    dates, and remind once those who have not answered."""
    sent = follow_ups.follow_ups_send()
    return {"asked": sent.asked, "reminded": sent.reminded, "unreachable": sent.unreachable}
