"""Services queue tasks by name once the transaction commits, and never import them."""

import ast
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import transaction
from django.utils import timezone

from core.models import ApiIdempotencyKey
from core.queue import enqueue_on_commit, registered_task

pytestmark = pytest.mark.django_db
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def stale_key(django_user_model):
    user = django_user_model.objects.create_user(username="api-user")
    key = ApiIdempotencyKey.objects.create(
        user=user, key="k1", endpoint="/api/v1/x/", request_fingerprint="f", response_status=201
    )
    ApiIdempotencyKey.objects.filter(pk=key.pk).update(
        created_at=timezone.now() - timedelta(days=2)
    )
    return key


def test_a_task_queued_by_name_runs_once_the_transaction_commits(
    stale_key, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        enqueue_on_commit("core.tasks.purge_idempotency_keys")
        assert ApiIdempotencyKey.objects.filter(pk=stale_key.pk).exists()
    assert len(callbacks) == 1
    assert not ApiIdempotencyKey.objects.filter(pk=stale_key.pk).exists()


def test_a_rolled_back_transaction_queues_nothing(stale_key, django_capture_on_commit_callbacks):
    def write_that_fails():
        with transaction.atomic():
            enqueue_on_commit("core.tasks.purge_idempotency_keys")
            raise RuntimeError("the write failed")

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RuntimeError):
        write_that_fails()
    assert callbacks == []
    assert ApiIdempotencyKey.objects.filter(pk=stale_key.pk).exists()


def test_a_misspelt_task_name_fails_in_the_services_own_call():
    with pytest.raises(LookupError, match=r"meetings\.tasks\.send_meeting_notifications"):
        enqueue_on_commit("meetings.tasks.send_meeting_notifications", kind="x", meeting_id=1)


def test_every_apps_tasks_are_found_by_name():
    for name in (
        "matchmaking.tasks.run_matchmaking",
        "meetings.tasks.run_scheduler",
        "meetings.tasks.send_meeting_notification",
        "meetings.tasks.send_schedule_published",
        "events.tasks.send_application_decision",
    ):
        assert registered_task(name).name == name


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = "." * node.level + (node.module or "")
            modules |= {base} | {f"{base}.{alias.name}".replace("..", ".") for alias in node.names}
    return modules


def test_no_service_imports_a_task_module():
    """Tasks import services, never the other way round: services queue tasks by name."""
    app_code = [
        path
        for app in ("core", "companies", "events", "matchmaking", "meetings")
        for pattern in ("services.py", "services/*.py", "notifications.py")
        for path in (REPO / app).glob(pattern)
    ]
    assert len(app_code) >= 5
    for path in app_code:
        importing = {m for m in _imported_modules(path) if m.split(".")[-1] == "tasks"}
        assert not importing, f"{path.relative_to(REPO)} imports {importing}"
