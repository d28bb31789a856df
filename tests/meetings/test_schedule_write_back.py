"""A scheduling run writes back only the meetings whose placement changed."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings import scheduler
from meetings.models import Meeting, MeetingEvent, MeetingStatus
from meetings.selectors.scheduling import scheduling_instance
from meetings.services.runs import schedule_apply

from .test_scheduling import accepted  # noqa: F401 (the fixture: six accepted meetings)

pytestmark = pytest.mark.django_db


@pytest.fixture
def scheduled(request):
    """Six accepted meetings (each needing an interpreter) placed by one scheduling run."""
    pavilion = request.getfixturevalue("accepted")["pavilion"]
    instance = scheduling_instance(pavilion)
    result = scheduler.solve(instance, time_limit=5)
    schedule_apply(pavilion=pavilion, instance=instance, result=result)
    return {"pavilion": pavilion, "result": result}


def written(pavilion):
    return dict(Meeting.objects.filter(pavilion=pavilion).values_list("pk", "updated_at"))


def test_the_same_result_applied_again_writes_no_meeting(scheduled):
    pavilion = scheduled["pavilion"]
    before = written(pavilion)
    events = MeetingEvent.objects.count()

    with CaptureQueriesContext(connection) as queries:
        counts = schedule_apply(
            pavilion=pavilion, instance=scheduling_instance(pavilion), result=scheduled["result"]
        )

    assert counts["changed"] == 0
    assert counts["placed"] == 6
    assert written(pavilion) == before
    assert not [q for q in queries if q["sql"].lstrip().upper().startswith("UPDATE")]
    assert MeetingEvent.objects.count() == events


def test_only_the_moved_and_the_unplaced_meeting_are_written(scheduled):
    pavilion = scheduled["pavilion"]
    result = scheduled["result"]
    before = written(pavilion)
    used = {a["slot"] for a in result["assignments"]}
    free = next(f"s{s.pk}" for s in pavilion.slots.order_by("starts_at") if f"s{s.pk}" not in used)
    moved, unplaced, *kept = result["assignments"]
    changed = {**result, "assignments": [{**moved, "slot": free}, *kept]}

    counts = schedule_apply(
        pavilion=pavilion, instance=scheduling_instance(pavilion), result=changed
    )

    after = written(pavilion)
    moved_pk, unplaced_pk = int(moved["meeting"][1:]), int(unplaced["meeting"][1:])
    assert counts["changed"] == 2
    assert after[moved_pk] > before[moved_pk]
    assert after[unplaced_pk] > before[unplaced_pk]
    assert {pk: at for pk, at in after.items() if pk not in (moved_pk, unplaced_pk)} == {
        pk: at for pk, at in before.items() if pk not in (moved_pk, unplaced_pk)
    }
    meeting = Meeting.objects.get(pk=moved_pk)
    assert (meeting.status, f"s{meeting.slot_id}") == (MeetingStatus.SCHEDULED, free)
    assert meeting.interpreter_id == (
        int(moved["interpreter"][1:]) if moved["interpreter"] else None
    )
    gone = Meeting.objects.get(pk=unplaced_pk)
    assert (gone.status, gone.slot_id, gone.interpreter_id) == (MeetingStatus.ACCEPTED, None, None)
    assert set(
        MeetingEvent.objects.filter(meeting_id__in=[moved_pk, unplaced_pk])
        .order_by("-pk")[:2]
        .values_list("action", flat=True)
    ) == {"scheduled", "unplaced"}
