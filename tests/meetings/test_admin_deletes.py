"""Meetings and scheduling runs deleted in the admin go through a service that records them."""

import pytest
from django.urls import reverse

from core.models import AuditEntry
from meetings.models import Meeting, MeetingEvent, SchedulingRun
from meetings.services.requests import meeting_request

pytestmark = pytest.mark.django_db


def _meeting(pavilion, sme, buyer) -> Meeting:
    return meeting_request(
        pavilion=pavilion, sme=sme, buyer=buyer, side="organiser", acting_for="both"
    )


def test_a_meeting_deleted_on_its_delete_page_is_recorded_before_it_goes(
    admin_client, admin_user, small_pavilion
):
    pavilion = small_pavilion["pavilion"]
    meeting = _meeting(pavilion, small_pavilion["smes"][0], small_pavilion["buyers"][1])
    url = reverse("admin:meetings_meeting_delete", args=[meeting.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not Meeting.objects.exists()
    assert not MeetingEvent.objects.exists()
    entry = AuditEntry.objects.get(action="meeting.deleted")
    assert (entry.interface, entry.actor) == ("admin", admin_user)
    assert (entry.object_id, entry.pavilion_id) == (meeting.pk, pavilion.pk)
    assert entry.changes["status"] == ["accepted", None]
    assert entry.changes["buyer"] == [small_pavilion["buyers"][1].pk, None]


def test_meetings_deleted_from_the_list_are_recorded_one_by_one(
    admin_client, admin_user, small_pavilion
):
    pavilion, smes, buyers = (small_pavilion[key] for key in ("pavilion", "smes", "buyers"))
    meetings = [_meeting(pavilion, smes[0], buyers[1]), _meeting(pavilion, smes[1], buyers[3])]
    kept = _meeting(pavilion, smes[2], buyers[5])
    response = admin_client.post(
        reverse("admin:meetings_meeting_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [meeting.pk for meeting in meetings],
            "post": "yes",
        },
    )
    assert response.status_code == 302
    assert list(Meeting.objects.all()) == [kept]
    entries = AuditEntry.objects.filter(action="meeting.deleted")
    assert sorted(entries.values_list("object_id", flat=True)) == sorted(m.pk for m in meetings)
    assert {(entry.interface, entry.actor) for entry in entries} == {("admin", admin_user)}


def test_a_scheduling_run_deleted_in_the_admin_is_recorded_before_it_goes(
    admin_client, admin_user, small_pavilion
):
    pavilion = small_pavilion["pavilion"]
    run = SchedulingRun.objects.create(
        pavilion=pavilion, status="done", counts={"meetings": 4, "placed": 3}
    )
    url = reverse("admin:meetings_schedulingrun_delete", args=[run.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not SchedulingRun.objects.exists()
    entry = AuditEntry.objects.get(action="scheduling.run.deleted")
    assert (entry.interface, entry.actor) == ("admin", admin_user)
    assert (entry.object_id, entry.pavilion_id) == (run.pk, pavilion.pk)
    assert entry.changes["status"] == ["done", None]
    assert entry.changes["counts"] == [{"meetings": 4, "placed": 3}, None]
