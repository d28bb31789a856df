"""The API acting for participants: organisers request, decline and cancel on a side's behalf
and name their office's staff to attend for an absent exhibitor; nobody else may."""

import pytest

from meetings.models import Meeting, MeetingStatus

pytestmark = pytest.mark.django_db


def request_for(world, role: str, acting_for: str):
    """``role`` requests the world's pair's meeting on behalf of ``acting_for``."""
    return world.client(role).post(
        "/api/v1/meetings/",
        {
            "pavilion": world.pavilion.pk,
            "sme": world.sme.pk,
            "buyer": world.buyer.pk,
            "acting_for": acting_for,
        },
        format="json",
    )


def test_an_organiser_requests_a_meeting_on_the_buyers_behalf(world):
    response = request_for(world, "organiser", "buyer")
    assert response.status_code == 201, response.content
    meeting = Meeting.objects.get(pk=response.json()["id"])
    assert (meeting.requested_by_side, meeting.status) == ("buyer", MeetingStatus.REQUESTED)
    assert meeting.events.get().acting_for == "buyer"


def test_an_organiser_creates_a_confirmed_meeting_for_both_sides(world):
    response = request_for(world, "organiser", "both")
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "accepted"


def test_a_participant_cannot_request_on_behalf_of_anyone(world):
    response = world.client("exhibitor").post(
        "/api/v1/meetings/",
        {"pavilion": world.pavilion.pk, "buyer": world.buyer.pk, "acting_for": "both"},
        format="json",
    )
    assert response.status_code == 400
    assert not Meeting.objects.exists()


def test_another_offices_organiser_cannot_request_at_the_pavilion(world):
    response = request_for(world, "other_organiser", "both")
    assert response.status_code == 403
    assert not Meeting.objects.exists()


def test_an_organiser_declines_on_the_exhibitors_behalf(world):
    meeting = world.meeting
    response = world.client("organiser").post(
        f"/api/v1/meetings/{meeting.pk}/decline/", {"acting_for": "exhibitor"}, format="json"
    )
    assert response.status_code == 200, response.content
    assert meeting.events.get(action="declined").acting_for == "exhibitor"


def test_an_organiser_cancels_on_the_buyers_behalf(world):
    meeting = world.accepted_meeting
    response = world.client("organiser").post(
        f"/api/v1/meetings/{meeting.pk}/cancel/",
        {"acting_for": "buyer", "note": "Flight cancelled."},
        format="json",
    )
    assert response.status_code == 200, response.content
    event = meeting.events.get(action="cancelled")
    assert (event.acting_for, event.note) == ("buyer", "Flight cancelled.")


def test_a_participant_cannot_decline_on_behalf_of_the_other_side(world):
    meeting = world.meeting
    response = world.client("exhibitor").post(
        f"/api/v1/meetings/{meeting.pk}/decline/", {"acting_for": "buyer"}, format="json"
    )
    assert response.status_code == 400
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.REQUESTED


def proxy(world, role, meeting, user):
    return world.client(role).post(
        f"/api/v1/meetings/{meeting.pk}/proxy_attendee/",
        {"proxy_attendee": user.pk if user is not None else None},
        format="json",
    )


def test_an_organiser_names_and_clears_office_staff_to_attend(world, make_organiser):
    colleague = make_organiser(world.office, "colleague")
    meeting = world.accepted_meeting
    response = proxy(world, "organiser", meeting, colleague)
    assert response.status_code == 200, response.content
    assert response.json()["proxy_attendee"] == colleague.pk
    response = proxy(world, "organiser", meeting, None)
    assert response.status_code == 200
    assert response.json()["proxy_attendee"] is None


def test_staff_of_another_office_is_refused_as_proxy(world):
    meeting = world.accepted_meeting
    response = proxy(world, "organiser", meeting, world.users["other_organiser"])
    assert response.status_code == 400
    assert "proxy_attendee" in str(response.json())
    meeting.refresh_from_db()
    assert meeting.proxy_attendee is None


@pytest.mark.parametrize(
    ("role", "status"), [("exhibitor", 403), ("buyer", 403), ("other_organiser", 404)]
)
def test_only_the_pavilions_organisers_name_a_proxy(world, role, status):
    meeting = world.accepted_meeting
    response = proxy(world, role, meeting, world.users["organiser"])
    assert response.status_code == status
    meeting.refresh_from_db()
    assert meeting.proxy_attendee is None
