"""Background work queued by name once the transaction commits: how every service starts a task.

A service names its task (``enqueue_on_commit("meetings.tasks.send_schedule_published",
pavilion_id=...)``) instead of importing it, so tasks import services and never the other way
round. The name is looked up at once, so a misspelt one fails in the service's own call; the task
is sent when the transaction commits (to a worker, or run in this process when there is no broker,
``CELERY_TASK_ALWAYS_EAGER``), and a transaction that rolls back queues nothing.
"""

from celery import Task, current_app
from django.db import transaction
from django.utils.module_loading import autodiscover_modules


def registered_task(name: str) -> Task:
    """The task registered under ``name`` (its module path, ``app.tasks.function``)."""
    tasks = current_app.tasks
    if name not in tasks:
        # A worker imports every app's tasks module when it starts; a web process, on the first
        # task it queues.
        autodiscover_modules("tasks")
    if name not in tasks:
        raise LookupError(f"No Celery task is registered as {name!r}.")
    return tasks[name]


def enqueue_on_commit(name: str, /, **kwargs) -> None:
    """Queue the task ``name`` with these keyword arguments once the transaction commits (at
    once outside a transaction)."""
    task = registered_task(name)
    transaction.on_commit(lambda: task.apply_async(kwargs=kwargs))
