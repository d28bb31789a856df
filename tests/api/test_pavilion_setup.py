"""A pavilion's slots and their generation, its interpreters, and its buyers for exhibitors."""

from datetime import date, time

from django.contrib.auth import get_user_model

from companies.choices import MemberRole
from companies.models import Membership
from events.models import Interpreter, MeetingSlot
from events.services.slots import meeting_slots_generate
from meetings.models import Meeting
from meetings.services.placement import meeting_move

V1 = "/api/v1"


def error_of(response, status: int) -> dict:
    assert response.status_code == status, response.content
    error = response.json()["error"]
    assert error["status"] == status
    assert error["message"]
    return error


# --- slots ------------------------------------------------------------------------------------


def test_generating_slots_reports_counts_and_twice_changes_nothing(world):
    client = world.client("organiser")
    url = f"{V1}/pavilions/{world.pavilion.pk}/generate-slots/"
    first = client.post(url)
    assert first.status_code == 200, first.content
    # Four fair days of fourteen half-hour slots from 10:00 to 17:00.
    assert first.json() == {"created": 56, "removed": 0, "kept": 0, "total": 56}
    assert client.post(url).json() == {"created": 0, "removed": 0, "kept": 0, "total": 56}


def test_regenerating_keeps_a_slot_a_meeting_is_booked_in(world):
    assert world.slot
    # The last slot of the one day the buyer attends.
    last = world.pavilion.slots.filter(starts_at__date=date(2027, 11, 15)).last()
    meeting = meeting_move(meeting=world.accepted_meeting, slot=last)
    world.pavilion.meeting_day_ends = time(16, 30)
    world.pavilion.save()
    response = world.client("organiser").post(f"{V1}/pavilions/{world.pavilion.pk}/generate-slots/")
    assert response.json() == {"created": 0, "removed": 3, "kept": 1, "total": 52}
    meeting.refresh_from_db()
    assert (meeting.status, meeting.slot_id) == ("scheduled", last.pk)


def test_an_organiser_of_another_pavilion_cannot_generate_its_slots(world):
    response = world.client("other_organiser").post(
        f"{V1}/pavilions/{world.pavilion.pk}/generate-slots/"
    )
    assert "organiser of this pavilion" in error_of(response, 403)["message"]
    assert not MeetingSlot.objects.exists()


def test_slots_are_listed_in_utc_and_in_the_fairs_time(world):
    assert world.slot
    body = world.client("exhibitor").get(f"{V1}/pavilions/{world.pavilion.pk}/slots/").json()
    assert body["count"] == 56
    first = body["results"][0]
    assert first["starts_at"] == "2027-11-15T09:00:00Z"
    assert first["local_starts_at"] == "2027-11-15T10:00:00+01:00"
    assert first["local_text"] == "Mon 15 Nov 2027, 10:00 CET"
    assert first["time_zone"] == "Europe/Berlin"


def test_slots_filter_by_the_fairs_local_day(world):
    assert world.slot
    client = world.client("organiser")
    url = f"{V1}/pavilions/{world.pavilion.pk}/slots/"
    day = client.get(f"{url}?day=2027-11-16").json()
    assert day["count"] == 14
    assert {slot["local_starts_at"][:10] for slot in day["results"]} == {"2027-11-16"}
    for edge in ("0001-01-01", "9999-12-31"):
        assert client.get(f"{url}?day={edge}").json()["count"] == 0
    assert list(error_of(client.get(f"{url}?day=someday"), 400)["fields"]) == ["day"]


def test_slots_of_an_unknown_pavilion_are_a_404(world):
    error_of(world.client("buyer").get(f"{V1}/pavilions/999999/slots/"), 404)


# --- interpreters -----------------------------------------------------------------------------


def interpreter_body(world, **changes) -> dict:
    return {
        "pavilion": world.pavilion.pk,
        "name": "Ken Sato",
        "email": "ken@example.com",
        "languages": [world.japanese.pk, world.english.pk],
        "available_slots": [world.slot.pk],
        **changes,
    }


def test_an_organiser_adds_an_interpreter_with_languages_and_slots(world):
    response = world.client("organiser").post(
        f"{V1}/interpreters/", interpreter_body(world), format="json"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["name"] == "Ken Sato"
    assert sorted(language["code"] for language in body["languages"]) == ["en", "ja"]
    assert body["available_slots"] == [world.slot.pk]
    interpreter = Interpreter.objects.get()
    assert list(interpreter.available_slots.all()) == [world.slot]


def interpreter_error(world, body, status=400) -> dict:
    before = list(Interpreter.objects.values_list("pk", "name"))
    response = world.client("organiser").post(f"{V1}/interpreters/", body, format="json")
    error = error_of(response, status)
    assert list(Interpreter.objects.values_list("pk", "name")) == before
    return error


def test_an_interpreter_needs_a_language_a_free_name_and_the_pavilions_own_slots(world):
    meeting_slots_generate(pavilion=world.other_pavilion)
    foreign = world.other_pavilion.slots.first()
    error = interpreter_error(world, interpreter_body(world, available_slots=[foreign.pk]))
    assert list(error["fields"]) == ["available_slots"]
    # People know a slot by its time, not by its id.
    assert str(foreign) in error["message"]
    error = interpreter_error(world, interpreter_body(world, languages=[]))
    assert list(error["fields"]) == ["languages"]
    assert world.interpreter.name == "Aiko Mori"
    error = interpreter_error(world, interpreter_body(world, name="Aiko Mori"))
    assert list(error["fields"]) == ["name"]
    assert "already has an interpreter named Aiko Mori" in error["message"]


def test_an_organiser_of_another_pavilion_cannot_add_or_change_its_interpreters(world):
    interpreter = world.interpreter
    client = world.client("other_organiser")
    error_of(client.post(f"{V1}/interpreters/", interpreter_body(world), format="json"), 403)
    response = client.patch(f"{V1}/interpreters/{interpreter.pk}/", {"name": "X"}, format="json")
    error_of(response, 404)
    assert list(Interpreter.objects.values_list("name", flat=True)) == ["Aiko Mori"]


def booked_interpreter(world) -> tuple[Interpreter, Meeting]:
    """The world's interpreter, booked in its slot for the world's pair (as if they shared no
    language)."""
    interpreter, meeting = world.interpreter, world.accepted_meeting
    Meeting.objects.filter(pk=meeting.pk).update(
        status="scheduled", slot=world.slot, interpreter=interpreter, interpreter_languages="ja-en"
    )
    return interpreter, meeting


def test_taking_away_a_slot_or_language_a_scheduled_meeting_needs_is_refused(world):
    interpreter, _meeting = booked_interpreter(world)
    client = world.client("organiser")
    url = f"{V1}/interpreters/{interpreter.pk}/"
    error = error_of(client.patch(url, {"available_slots": []}, format="json"), 400)
    assert list(error["fields"]) == ["available_slots"]
    assert "move that meeting" in error["message"]
    error = error_of(client.patch(url, {"languages": [world.japanese.pk]}, format="json"), 400)
    assert list(error["fields"]) == ["languages"]
    assert list(interpreter.available_slots.all()) == [world.slot]
    assert interpreter.languages.count() == 2


def test_changing_an_interpreter_keeps_what_is_not_given(world):
    interpreter = world.interpreter
    response = world.client("organiser").patch(
        f"{V1}/interpreters/{interpreter.pk}/", {"email": "aiko@example.com"}, format="json"
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["name"], body["email"], body["available_slots"]) == (
        "Aiko Mori",
        "aiko@example.com",
        [world.slot.pk],
    )
    assert len(body["languages"]) == 2


def test_an_interpreter_named_in_meetings_is_not_removed(world):
    interpreter, _meeting = booked_interpreter(world)
    response = world.client("organiser").delete(f"{V1}/interpreters/{interpreter.pk}/")
    error = error_of(response, 409)
    assert "is named in 1 meeting;" in error["message"]
    assert Interpreter.objects.filter(pk=interpreter.pk).exists()


# --- a pavilion's buyers ----------------------------------------------------------------------


def test_an_accepted_exhibitor_lists_the_pavilions_buyers_public_fields_only(world):
    world.buyer.contact_email = "private@example.com"
    world.buyer.save()
    response = world.client("exhibitor").get(f"{V1}/pavilions/{world.pavilion.pk}/buyers/")
    assert response.status_code == 200, response.content
    (row,) = response.json()["results"]
    assert row["id"] == world.buyer.pk
    assert not {"contact_email", "members", "languages", "created_at"} & set(row)
    assert "private@example.com" not in response.content.decode()
    # The full profile stays private.
    error_of(world.client("exhibitor").get(f"{V1}/buyers/{world.buyer.pk}/"), 404)


def test_an_applicant_not_yet_accepted_cannot_list_the_buyers(world):
    world.registration.status, world.registration.booth = "applied", ""
    world.registration.save()
    response = world.client("exhibitor").get(f"{V1}/pavilions/{world.pavilion.pk}/buyers/")
    assert "accepted at this pavilion" in error_of(response, 403)["message"]


def test_a_buyer_does_not_list_the_other_buyers(world):
    response = world.client("buyer").get(f"{V1}/pavilions/{world.pavilion.pk}/buyers/")
    error_of(response, 403)


def test_the_buyers_filter_by_type(world):
    client = world.client("exhibitor")
    url = f"{V1}/pavilions/{world.pavilion.pk}/buyers/"
    kind = world.buyer.buyer_type
    assert client.get(f"{url}?buyer_type={kind}").json()["count"] == 1
    assert list(error_of(client.get(f"{url}?buyer_type=pirate"), 400)["fields"]) == ["buyer_type"]


# --- colleagues -------------------------------------------------------------------------------


def test_a_colleague_who_is_not_the_administrator_may_not_invite(world):
    staff = get_user_model().objects.create_user(username="staff", password="pw")
    Membership.objects.create(user=staff, sme=world.sme, role=MemberRole.STAFF)
    client = world.client("anonymous")
    client.force_authenticate(staff)
    response = client.post(
        f"{V1}/smes/{world.sme.pk}/members/", {"email": "new@example.com"}, format="json"
    )
    error = error_of(response, 403)
    assert error["code"] == "permission_denied"
    assert "administrator" in error["message"]
    assert not get_user_model().objects.filter(email="new@example.com").exists()
