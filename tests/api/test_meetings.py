"""Meetings in the API: nobody but organisers sees a meeting's time before it is published."""

import pytest
from django.utils import timezone

from meetings.models import Meeting

V1 = "/api/v1"

pytestmark = pytest.mark.django_db


def placed(world, *, published=False) -> Meeting:
    """The accepted meeting, put by the scheduler in the first slot with the interpreter."""
    meeting = world.accepted_meeting
    Meeting.objects.filter(pk=meeting.pk).update(
        status="scheduled",
        slot=world.slot,
        interpreter=world.interpreter,
        published_at=timezone.now() if published else None,
    )
    return Meeting.objects.get(pk=meeting.pk)


def get(world, role, path):
    response = world.client(role).get(f"{V1}{path}")
    assert response.status_code == 200, response.content
    return response


@pytest.mark.parametrize("role", ["exhibitor", "buyer"])
def test_the_two_sides_see_no_time_before_publication(world, role):
    meeting = placed(world)
    detail = get(world, role, f"/meetings/{meeting.pk}/").json()
    assert (detail["slot"], detail["interpreter"], detail["status"]) == (None, None, "accepted")
    listed = get(world, role, "/meetings/").json()["results"]
    assert [(m["id"], m["slot"], m["interpreter"]) for m in listed] == [(meeting.pk, None, None)]
    assert get(world, role, "/schedule/").json()["results"] == []
    calendar = get(world, role, f"/schedule.ics?pavilion={world.pavilion.pk}").content.decode()
    assert "BEGIN:VEVENT" not in calendar


@pytest.mark.parametrize("role", ["exhibitor", "buyer"])
def test_the_two_sides_cannot_find_an_unpublished_day_by_filtering_or_sorting(world, role):
    placed(world)
    day = timezone.localtime(world.slot.starts_at).date().isoformat()
    assert get(world, role, f"/meetings/?day={day}").json()["results"] == []
    ordered = get(world, role, "/meetings/?ordering=slot__starts_at").json()["results"]
    assert [m["slot"] for m in ordered] == [None]


@pytest.mark.parametrize("role", ["exhibitor", "buyer"])
def test_the_two_sides_see_the_time_once_published(world, role):
    meeting = placed(world, published=True)
    detail = get(world, role, f"/meetings/{meeting.pk}/").json()
    assert detail["slot"]["id"] == world.slot.pk
    assert (detail["interpreter"], detail["status"]) == ("Aiko Mori", "scheduled")
    day = timezone.localtime(world.slot.starts_at).date().isoformat()
    assert [m["id"] for m in get(world, role, f"/meetings/?day={day}").json()["results"]] == [
        meeting.pk
    ]
    assert [m["id"] for m in get(world, role, "/schedule/").json()["results"]] == [meeting.pk]
    calendar = get(world, role, f"/schedule.ics?pavilion={world.pavilion.pk}").content.decode()
    assert f"UID:meeting-{meeting.pk}@japan-pavilion" in calendar


@pytest.mark.parametrize("role", ["organiser", "admin"])
def test_organisers_see_the_draft_time(world, role):
    meeting = placed(world)
    detail = get(world, role, f"/meetings/{meeting.pk}/").json()
    assert detail["slot"]["id"] == world.slot.pk
    assert (detail["interpreter"], detail["status"]) == ("Aiko Mori", "scheduled")
    assert [m["id"] for m in get(world, role, "/schedule/").json()["results"]] == [meeting.pk]
    calendar = get(
        world, role, f"/schedule.ics?pavilion={world.pavilion.pk}&buyer={world.buyer.pk}"
    ).content.decode()
    assert f"UID:meeting-{meeting.pk}@japan-pavilion" in calendar


def test_an_answer_to_a_participants_change_hides_the_draft_time_too(world):
    meeting = placed(world)
    response = world.client("exhibitor").post(
        f"{V1}/meetings/{meeting.pk}/attendee/", {"attendee": world.users["exhibitor"].pk}
    )
    assert response.status_code == 200, response.content
    assert (response.json()["slot"], response.json()["interpreter"]) == (None, None)


def test_slot_times_for_people_follow_the_language_of_the_request(world):
    placed(world, published=True)
    response = world.client("buyer").get(f"{V1}/schedule/", HTTP_ACCEPT_LANGUAGE="ja")
    slot = response.json()["results"][0]["slot"]
    assert slot["local_text"] == "2027年11月15日(月) 10:00 CET"
    response = world.client("buyer").get(f"{V1}/schedule/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.json()["results"][0]["slot"]["local_text"] == "Mon 15 Nov 2027, 10:00 CET"


def test_an_organiser_accepts_a_proposal_on_the_exhibitors_behalf(world):
    proposal = world.proposal
    response = world.client("organiser").post(
        f"/api/v1/proposals/{proposal.pk}/accept/", {"acting_for": "exhibitor"}, format="json"
    )
    assert response.status_code == 200, response.content
    meeting = Meeting.objects.get(proposal=proposal)
    assert (meeting.status, meeting.requested_by_side) == ("requested", "exhibitor")
    assert meeting.exhibitor_accepted_at is not None
    assert meeting.buyer_accepted_at is None
    event = meeting.events.get(action="requested")
    assert (event.side, event.acting_for) == ("organiser", "exhibitor")


def test_an_organiser_confirms_a_requested_meeting_for_both_sides_through_the_api(world):
    meeting = world.meeting
    response = world.client("organiser").post(
        f"/api/v1/meetings/{meeting.pk}/accept/", {"acting_for": "both"}, format="json"
    )
    assert response.status_code == 200, response.content
    meeting.refresh_from_db()
    assert meeting.status == "accepted"
    assert meeting.events.get(action="accepted").acting_for == "both"


def test_a_participant_cannot_act_on_behalf_of_the_other_side(world):
    response = world.client("exhibitor").post(
        f"/api/v1/proposals/{world.proposal.pk}/accept/", {"acting_for": "buyer"}, format="json"
    )
    assert response.status_code == 400
    assert not Meeting.objects.filter(proposal=world.proposal).exists()
