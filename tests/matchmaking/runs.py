"""Run matchmaking for a pavilion inside a test, its on-commit tasks executed at once."""

from matchmaking import services


def run_now(pavilion, capture):
    """Request a run with ``capture`` (django_capture_on_commit_callbacks) and check it is done."""
    with capture(execute=True):
        run = services.matching_run_request(pavilion=pavilion)
    run.refresh_from_db()
    assert run.status == "done", run.error
    return run
