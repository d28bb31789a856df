"""Replacements in the API: an organiser of the pavilion lists the ranked candidates for a freed
slot and places one; everybody else is refused, and bad input is named."""

import pytest

from meetings.models import Meeting, MeetingStatus
from meetings.services.decisions import meeting_cancel
from meetings.services.placement import meeting_move

pytestmark = pytest.mark.django_db


def path(world, pavilion=None):
    return f"/api/v1/pavilions/{(pavilion or world.pavilion).pk}/replacements/"


def test_the_candidates_for_a_slot_name_the_waiting_meeting(world):
    waiting = world.accepted_meeting
    response = world.client("organiser").get(path(world), {"slot": world.slot.pk})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["slot"] == world.slot.pk
    [candidate] = body["candidates"]
    assert (candidate["key"], candidate["kind"], candidate["meeting"]) == (
        f"m{waiting.pk}",
        "meeting",
        waiting.pk,
    )
    assert (candidate["sme"]["id"], candidate["buyer"]["id"]) == (world.sme.pk, world.buyer.pk)


def test_a_proposal_is_a_candidate_too(world):
    proposal = world.proposal
    response = world.client("organiser").get(path(world), {"slot": world.slot.pk})
    [candidate] = response.json()["candidates"]
    assert (candidate["kind"], candidate["proposal"], candidate["meeting"]) == (
        "proposal",
        proposal.pk,
        None,
    )


def test_placing_a_candidate_schedules_and_locks_it(world):
    waiting = world.accepted_meeting
    client = world.client("organiser")
    given = {"slot": world.slot.pk, "candidate": f"m{waiting.pk}"}
    response = client.post(path(world), given, format="json")
    assert response.status_code == 201, response.content
    assert (response.json()["id"], response.json()["status"]) == (waiting.pk, "scheduled")
    waiting.refresh_from_db()
    assert (waiting.slot, waiting.locked) == (world.slot, True)
    again = client.post(path(world), given, format="json")
    assert again.status_code == 400
    assert "no longer waiting for a slot" in again.json()["error"]["message"]


def test_the_slot_a_cancelled_meeting_left(world):
    meeting = meeting_move(meeting=world.accepted_meeting, slot=world.slot)
    meeting_cancel(meeting=meeting, side="organiser", note="Flight cancelled.")
    response = world.client("organiser").get(path(world), {"meeting": meeting.pk})
    assert response.status_code == 200, response.content
    # The pair cancelled: no other meeting waits, and a cancelled pair is not offered again.
    assert response.json() == {"slot": world.slot.pk, "candidates": []}


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({}, "", "Give either a cancelled or missed meeting or a slot"),
        ({"slot": 1, "meeting": 1}, "", "Give either a cancelled or missed meeting or a slot"),
        ({"slot": "x"}, "slot", "A valid integer is required."),
        ({"meeting": 0}, "meeting", "No cancelled or missed meeting with this id"),
    ],
)
def test_a_bad_query_is_named(world, query, field, message):
    response = world.client("organiser").get(path(world), query)
    assert response.status_code == 400
    error = response.json()["error"]
    assert message in str(error)
    if field:
        assert field in error["fields"]


def test_a_meeting_still_scheduled_leaves_no_slot(world):
    meeting = meeting_move(meeting=world.accepted_meeting, slot=world.slot)
    response = world.client("organiser").get(path(world), {"meeting": meeting.pk})
    assert response.status_code == 400
    assert "meeting" in response.json()["error"]["fields"]


def test_another_pavilions_slot_or_interpreter_is_refused(world):
    waiting = world.accepted_meeting
    other_slot = world.other_pavilion.slots.create(
        starts_at=world.slot.starts_at, ends_at=world.slot.ends_at
    )
    client = world.client("organiser")
    response = client.get(path(world), {"slot": other_slot.pk})
    assert response.status_code == 400
    assert "No slot with this id here." in str(response.json()["error"])
    response = client.post(
        path(world),
        {"slot": world.slot.pk, "candidate": f"m{waiting.pk}", "interpreter": 0},
        format="json",
    )
    assert response.status_code == 400
    assert "interpreter" in response.json()["error"]["fields"]
    assert Meeting.objects.get(pk=waiting.pk).status == MeetingStatus.ACCEPTED


def test_only_the_pavilions_organisers_list_replacements(world, read_as_each_role):
    read_as_each_role(
        f"{path(world)}?slot={world.slot.pk}",
        "Only an organiser of this pavilion finds and places replacements.",
    )


@pytest.mark.parametrize("role", ["exhibitor", "buyer", "other_organiser"])
def test_nobody_else_places_one(world, role):
    waiting = world.accepted_meeting
    response = world.client(role).post(
        path(world), {"slot": world.slot.pk, "candidate": f"m{waiting.pk}"}, format="json"
    )
    assert response.status_code == 403
    assert Meeting.objects.get(pk=waiting.pk).status == MeetingStatus.ACCEPTED
