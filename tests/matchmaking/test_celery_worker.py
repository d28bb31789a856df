"""End to end through a real Celery worker process on Redis and the test's PostgreSQL database.

Runs when REDIS_URL names a broker and the tests run on PostgreSQL (as in CI); the worker is a
separate process, so it must see committed rows in a database it can reach.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from celery.result import AsyncResult
from django.conf import settings
from django.db import connection

from config.celery_app import app as celery_app
from core.models import RunStatus
from matchmaking import services, tasks
from matchmaking.models import Proposal

REPO = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]


def _database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def worker(tmp_path):
    """A Celery worker process for this test, on the test database; stopped afterwards."""
    if not settings.CELERY_BROKER_URL:
        pytest.skip("needs a broker: set REDIS_URL")
    if connection.vendor != "postgresql":
        pytest.skip("the worker process shares the test database, which needs PostgreSQL")
    celery_app.control.purge()
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": _database_url(),
        "CELERY_TASK_ALWAYS_EAGER": "false",
        # Small enough that the worker splits the run into a chord of chunk tasks.
        "MATCHMAKING_PAIRS_PER_TASK": "20",
    }
    log = (tmp_path / "worker.log").open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--concurrency=2",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=INFO",
        ],
        cwd=REPO,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    yield process
    celery_app.conf.task_always_eager = eager
    process.terminate()
    process.wait(timeout=30)
    log.close()


def test_a_run_through_a_real_worker_matches_the_in_process_run(small_pavilion, worker):
    pavilion = small_pavilion["pavilion"]
    here = services.matching_run_request(pavilion=pavilion, queue=False)
    services.matching_run_execute(run=here)
    expected = sorted(Proposal.objects.values_list("sme_id", "buyer_id", "score"))
    Proposal.objects.all().delete()

    run = services.matching_run_request(pavilion=pavilion, queue=False)
    tasks.run_matchmaking.apply_async(kwargs={"run_id": run.pk}).get(timeout=120)
    # 72 pairs at 20 a task: the worker spread the run, and its final task merges the ranges.
    AsyncResult(tasks.finish_task_id(run.pk), app=celery_app).get(timeout=120)

    run.refresh_from_db()
    assert run.status == RunStatus.DONE, run.error
    assert run.progress == 1.0
    assert sorted(Proposal.objects.values_list("sme_id", "buyer_id", "score")) == expected
