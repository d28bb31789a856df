"""Celery tasks of events. Thin: take ids, load, call a service."""

from celery import shared_task

from core.tasks import Task

from . import notifications


@shared_task(base=Task, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_application_decision(*, registration_id: int, status: str) -> int:
    return notifications.application_decision_send(registration_id=registration_id, status=status)
