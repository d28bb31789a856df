"""Meetings' tasks: a scheduling run retried after a transient error really runs again."""

import pytest
from django.db import OperationalError

from core.models import RunStatus
from events.services import slots as event_services
from meetings.models import Meeting, MeetingStatus, SchedulingRun
from meetings.services import runs
from meetings.services.decisions import meeting_accept
from meetings.services.requests import meeting_request
from meetings.services.runs import scheduling_run_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def pavilion(small_pavilion):
    """The small pavilion with slots and three accepted meetings, in a shared language."""
    pavilion = small_pavilion["pavilion"]
    event_services.meeting_slots_generate(pavilion=pavilion)
    for sme, buyer in zip(small_pavilion["smes"][:3], small_pavilion["buyers"][:3], strict=True):
        buyer.languages.add(*sme.languages.all())
        meeting = meeting_request(pavilion=pavilion, sme=sme, buyer=buyer, side="organiser")
        meeting_accept(meeting=meeting, side="organiser")
    return pavilion


def failing_writes(monkeypatch, error, times):
    """Make writing a schedule back raise ``error`` the first ``times`` times."""
    real, calls = runs.schedule_apply, []

    def apply(**kwargs):
        calls.append(kwargs)
        if len(calls) <= times:
            raise error
        return real(**kwargs)

    monkeypatch.setattr(runs, "schedule_apply", apply)
    return calls


def schedule(pavilion, capture):
    with capture(execute=True):
        run = scheduling_run_request(pavilion=pavilion, time_limit=2)
    run.refresh_from_db()
    return run


def test_a_scheduling_run_lost_to_a_transient_error_is_retried_and_places_the_meetings(
    pavilion, django_capture_on_commit_callbacks, monkeypatch
):
    calls = failing_writes(monkeypatch, OperationalError("database is locked"), 1)
    run = schedule(pavilion, django_capture_on_commit_callbacks)
    assert len(calls) == 2
    assert (run.status, run.error) == (RunStatus.DONE, "")
    assert run.counts["placed"] == 3
    assert Meeting.objects.filter(status=MeetingStatus.SCHEDULED).count() == 3


def test_a_scheduling_run_failing_for_good_is_not_retried(
    pavilion, django_capture_on_commit_callbacks, monkeypatch
):
    calls = failing_writes(monkeypatch, KeyError("m999"), 1)
    with pytest.raises(KeyError):
        schedule(pavilion, django_capture_on_commit_callbacks)
    assert len(calls) == 1
    run = SchedulingRun.objects.get()
    assert run.status == RunStatus.FAILED
    assert "m999" in run.error
    assert not Meeting.objects.filter(status=MeetingStatus.SCHEDULED).exists()
