"""PATCH /api/v1/pavilions/{id}/: a pavilion's meeting rules, by its organisers only."""

import pytest

from core.models import AuditEntry
from events.models import Pavilion
from events.services.rules import RULE_FIELDS
from meetings.services.placement import meeting_move
from tests.api.conftest import ORGANISERS_ONLY_READERS

V1 = "/api/v1"

#: Who may change the rules is who may read the organisers' figures.
RULE_WRITERS = ORGANISERS_ONLY_READERS


def url(pavilion) -> str:
    return f"{V1}/pavilions/{pavilion.pk}/"


def error_of(response, status: int) -> dict:
    assert response.status_code == status, response.content
    return response.json()["error"]


@pytest.mark.parametrize(("role", "status"), RULE_WRITERS, ids=lambda case: str(case))
def test_only_the_pavilions_organisers_and_administrators_change_its_rules(world, role, status):
    response = world.client(role).patch(
        url(world.pavilion), {"shared_tables": 6, "max_meetings_per_day": 4}, format="json"
    )
    assert response.status_code == status, response.content
    pavilion = Pavilion.objects.get(pk=world.pavilion.pk)
    if status == 200:
        body = response.json()
        assert (body["shared_tables"], body["max_meetings_per_day"]) == (6, 4)
        assert body["notices"] == []
        assert (pavilion.shared_tables, pavilion.max_meetings_per_day) == (6, 4)
        entry = AuditEntry.objects.get(action="pavilion.rules.changed")
        assert (entry.interface, entry.actor) == ("api", world.users[role])
        assert entry.changes == {"max_meetings_per_day": [None, 4], "shared_tables": [0, 6]}
        return
    assert (pavilion.shared_tables, pavilion.max_meetings_per_day) == (0, None)
    if status == 403:
        assert error_of(response, 403)["message"] == (
            "Only an organiser of this pavilion can change its meeting rules."
        )


def test_values_out_of_range_are_refused_by_field(world):
    response = world.client("organiser").patch(
        url(world.pavilion),
        {"max_meetings_per_buyer": 0, "slot_minutes": 300, "reminder_hours": "soon"},
        format="json",
    )
    error = error_of(response, 400)
    assert set(error["fields"]) == {"max_meetings_per_buyer", "slot_minutes", "reminder_hours"}
    assert error["fields"]["slot_minutes"] == ["Ensure this value is less than or equal to 240."]


def test_other_fields_are_refused_by_name(world):
    response = world.client("organiser").patch(
        url(world.pavilion), {"booth_capacity": 3, "shared_tables": 4}, format="json"
    )
    error = error_of(response, 400)
    assert list(error["fields"]) == ["booth_capacity"]
    assert "only the meeting rules" in error["fields"]["booth_capacity"][0]
    assert Pavilion.objects.get(pk=world.pavilion.pk).shared_tables == 0


def test_an_empty_change_is_refused(world):
    error = error_of(world.client("organiser").patch(url(world.pavilion), {}, format="json"), 400)
    assert "at least one of the meeting rules" in error["message"]


def test_a_reminder_after_expiry_is_refused_on_its_field(world):
    response = world.client("organiser").patch(
        url(world.pavilion), {"request_expiry_hours": 12}, format="json"
    )
    assert list(error_of(response, 400)["fields"]) == ["request_expiry_hours"]


def test_a_cap_below_existing_bookings_is_refused_naming_the_meetings(world):
    assert world.slot
    meeting_move(meeting=world.accepted_meeting, slot=world.slot)
    response = world.client("organiser").patch(
        url(world.pavilion), {"slot_minutes": 45, "shared_tables": 2}, format="json"
    )
    error = error_of(response, 400)
    assert list(error["fields"]) == ["slot_minutes"]
    (message,) = error["fields"]["slot_minutes"]
    assert f"{world.sme} ↔ {world.buyer} at Mon 15 Nov 2027, 10:00 CET" in message
    pavilion = Pavilion.objects.get(pk=world.pavilion.pk)
    assert (pavilion.slot_minutes, pavilion.shared_tables) == (30, 0)


def test_a_new_slot_length_says_to_generate_the_slots_again(world):
    assert world.slot
    response = world.client("organiser").patch(
        url(world.pavilion), {"slot_minutes": 60}, format="json"
    )
    assert response.status_code == 200, response.content
    (notice,) = response.json()["notices"]
    assert "generate the slots again" in notice


def test_the_refusal_is_in_the_callers_language(world):
    response = world.client("other_organiser").patch(
        url(world.pavilion), {"shared_tables": 1}, format="json", HTTP_ACCEPT_LANGUAGE="ja"
    )
    assert (
        error_of(response, 403)["message"]
        == "このパビリオンの主催者だけが商談のルールを変更できます。"
    )


def test_put_and_delete_are_not_offered(world):
    client = world.client("admin")
    assert client.put(url(world.pavilion), {"shared_tables": 1}, format="json").status_code == 405
    assert client.delete(url(world.pavilion)).status_code == 405


def test_the_public_reading_shows_the_rules(world, client):
    body = client.get(url(world.pavilion)).json()
    assert {"shared_tables", "reminder_hours", "slot_minutes", "max_open_requests"} <= set(body)


def test_the_schema_documents_the_patch(client):
    schema = client.get("/api/schema/?format=json").json()
    operations = schema["paths"]["/api/v1/pavilions/{id}/"]
    assert set(operations) == {"get", "patch"}
    patch = operations["patch"]
    assert {"200", "400", "401", "403", "404"} <= set(patch["responses"])
    body = patch["requestBody"]["content"]["application/json"]["schema"]["$ref"].split("/")[-1]
    properties = schema["components"]["schemas"][body]["properties"]
    assert set(properties) == set(RULE_FIELDS)
    answer = patch["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    assert "notices" in schema["components"]["schemas"][answer.split("/")[-1]]["properties"]
