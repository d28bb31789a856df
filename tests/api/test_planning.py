"""Wishes about pairs, a pavilion's scoring weights and participants' unavailable slots."""

from events.services.slots import meeting_slots_generate
from matchmaking.models import MatchingSettings, PairWish, Proposal
from meetings.models import Meeting, ParticipantUnavailability
from meetings.services.availability import participant_unavailability_save
from meetings.services.placement import meeting_move

V1 = "/api/v1"


def error_of(response, status: int) -> dict:
    assert response.status_code == status, response.content
    error = response.json()["error"]
    assert error["status"] == status
    assert error["message"]
    return error


def scheduled_meeting(world) -> Meeting:
    """The world's pair, confirmed and put in the pavilion's first slot."""
    return meeting_move(meeting=world.accepted_meeting, slot=world.slot)


# --- wishes -----------------------------------------------------------------------------------


def test_no_thanks_withdraws_the_open_proposal_at_once(world):
    proposal = world.proposal
    response = world.client("organiser").post(
        f"{V1}/wishes/",
        {
            "pavilion": world.pavilion.pk,
            "sme": world.sme.pk,
            "buyer": world.buyer.pk,
            "kind": "no_thanks",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    wish = response.json()
    assert (wish["kind"], wish["sme"]["id"], wish["buyer"]["id"]) == (
        "no_thanks",
        world.sme.pk,
        world.buyer.pk,
    )
    assert wish["created_by"] == world.users["organiser"].pk
    assert not Proposal.objects.filter(pk=proposal.pk).exists()


def test_a_wish_about_a_pair_outside_the_pavilion_names_the_field(world):
    response = world.client("organiser").post(
        f"{V1}/wishes/",
        {
            "pavilion": world.pavilion.pk,
            "sme": world.other_sme.pk,
            "buyer": world.buyer.pk,
            "kind": "must_meet",
        },
        format="json",
    )
    error = error_of(response, 400)
    assert list(error["fields"]) == ["sme"]
    assert "is not an accepted exhibitor" in error["message"]
    assert not PairWish.objects.exists()


def test_an_organiser_of_another_pavilion_neither_sees_nor_records_its_wishes(world):
    wish = world.wish
    client = world.client("other_organiser")
    assert client.get(f"{V1}/wishes/").json()["results"] == []
    response = client.post(
        f"{V1}/wishes/",
        {
            "pavilion": world.pavilion.pk,
            "sme": world.sme.pk,
            "buyer": world.buyer.pk,
            "kind": "no_thanks",
        },
        format="json",
    )
    assert "organiser of this pavilion" in error_of(response, 403)["message"]
    error_of(client.delete(f"{V1}/wishes/{wish.pk}/"), 404)
    assert list(PairWish.objects.values_list("kind", flat=True)) == ["must_meet"]


def test_a_company_cannot_read_wishes_about_itself(world):
    assert world.wish.pk
    for role in ("exhibitor", "buyer"):
        error = error_of(world.client(role).get(f"{V1}/wishes/"), 403)
        assert "Only organisers" in error["message"]


def test_wishes_filter_by_kind(world):
    assert world.wish.pk
    client = world.client("organiser")
    assert client.get(f"{V1}/wishes/?kind=must_meet").json()["count"] == 1
    assert client.get(f"{V1}/wishes/?kind=no_thanks").json()["count"] == 0
    assert error_of(client.get(f"{V1}/wishes/?kind=maybe"), 400)["fields"].keys() == {"kind"}


def test_forgetting_a_wish_deletes_it(world):
    wish = world.wish
    response = world.client("organiser").delete(f"{V1}/wishes/{wish.pk}/")
    assert response.status_code == 204
    assert not PairWish.objects.exists()


# --- weights ----------------------------------------------------------------------------------


def weights_url(world) -> str:
    return f"{V1}/pavilions/{world.pavilion.pk}/matching-weights/"


def test_weights_are_the_engines_defaults_until_tuned(world):
    body = world.client("organiser").get(weights_url(world)).json()
    assert body["pavilion"] == world.pavilion.pk
    assert body["updated_at"] is None
    assert (body["sector"], body["min_score"], body["sector_level_credits"]) == (
        3.0,
        35.0,
        [0.3, 0.6],
    )


def test_patch_changes_the_given_weights_and_keeps_the_others(world):
    client = world.client("organiser")
    first = client.patch(weights_url(world), {"min_score": 40}, format="json")
    assert first.status_code == 200, first.content
    second = client.patch(weights_url(world), {"sector": 5}, format="json").json()
    assert (second["min_score"], second["sector"]) == (40.0, 5.0)
    assert second["updated_at"] is not None
    assert MatchingSettings.objects.get().weights["min_score"] == 40.0


def test_put_replaces_the_weights_and_the_rest_take_the_defaults(world):
    client = world.client("organiser")
    client.patch(weights_url(world), {"min_score": 40}, format="json")
    body = client.put(weights_url(world), {"sector": 5}, format="json").json()
    assert (body["min_score"], body["sector"]) == (35.0, 5.0)


def test_a_weight_out_of_range_is_refused_by_name_and_nothing_is_saved(world):
    response = world.client("organiser").patch(
        weights_url(world), {"min_score": 150, "sector": 4}, format="json"
    )
    error = error_of(response, 400)
    assert error["fields"] == {"min_score": ["must be above 0 and at most 100"]}
    assert error["message"] == "min_score: must be above 0 and at most 100"
    assert not MatchingSettings.objects.exists()


def test_bad_weights_name_each_field(world):
    client = world.client("organiser")
    cases = [
        ({"sector": "lots"}, {"sector": ["A valid number is required."]}),
        ({"sectr": 1}, {"sectr": ["unknown weight"]}),
        (
            {"sector_level_credits": [0.9, 0.2], "exhibitor_floor": 2000},
            {
                "sector_level_credits": ["credits must not decrease with depth"],
                "exhibitor_floor": ["must be between 0 and 1000"],
            },
        ),
    ]
    for body, fields in cases:
        error = error_of(client.patch(weights_url(world), body, format="json"), 400)
        assert error["fields"] == fields
    assert not MatchingSettings.objects.exists()


def test_a_number_too_large_for_a_weight_is_a_400_not_a_500(world):
    for value in ("1" + "0" * 400, "1e400"):
        response = world.client("organiser").patch(
            weights_url(world), f'{{"sector": {value}}}', content_type="application/json"
        )
        assert list(error_of(response, 400)["fields"]) == ["sector"]


def test_weight_errors_come_in_japanese(world):
    response = world.client("organiser").patch(
        weights_url(world), {"min_score": 150}, format="json", HTTP_ACCEPT_LANGUAGE="ja"
    )
    message = error_of(response, 400)["fields"]["min_score"][0]
    assert message != "must be above 0 and at most 100"
    assert any("\u3040" <= char <= "\u9fff" for char in message)


def test_an_organiser_of_another_pavilion_cannot_read_or_tune_its_weights(world):
    client = world.client("other_organiser")
    assert "organiser of this pavilion" in error_of(client.get(weights_url(world)), 403)["message"]
    error_of(client.patch(weights_url(world), {"sector": 5}, format="json"), 403)
    assert not MatchingSettings.objects.exists()


# --- unavailability ---------------------------------------------------------------------------


def test_marking_a_buyer_unavailable_lists_the_meeting_it_affects_and_unbooks_nothing(world):
    meeting = scheduled_meeting(world)
    response = world.client("organiser").post(
        f"{V1}/unavailabilities/",
        {
            "pavilion": world.pavilion.pk,
            "buyer": world.buyer.pk,
            "slot": world.slot.pk,
            "note": "Flight lands at noon.",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["buyer"]["id"] == world.buyer.pk
    assert body["sme"] is None
    assert body["slot"]["local_starts_at"] == "2027-11-15T10:00:00+01:00"
    assert body["slot"]["time_zone"] == "Europe/Berlin"
    (affected,) = body["affected_meetings"]
    assert affected["meeting"] == meeting.pk
    assert "is not available at Mon 15 Nov 2027, 10:00 CET" in affected["reason"]
    meeting.refresh_from_db()
    assert (meeting.status, meeting.slot_id) == ("scheduled", world.slot.pk)


def test_marking_a_free_slot_affects_no_meeting(world):
    response = world.client("organiser").post(
        f"{V1}/unavailabilities/",
        {"pavilion": world.pavilion.pk, "sme": world.sme.pk, "slot": world.slot.pk},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["affected_meetings"] == []


def test_moving_a_mark_onto_a_booked_slot_lists_the_meeting(world):
    meeting = scheduled_meeting(world)
    mark = participant_unavailability_save(
        pavilion=world.pavilion, sme=world.sme, slot=world.pavilion.slots.last()
    )
    response = world.client("organiser").patch(
        f"{V1}/unavailabilities/{mark.pk}/", {"slot": world.slot.pk}, format="json"
    )
    assert response.status_code == 200, response.content
    assert [a["meeting"] for a in response.json()["affected_meetings"]] == [meeting.pk]
    mark.refresh_from_db()
    assert mark.slot_id == world.slot.pk


def unavailability_error(world, body, status=400) -> dict:
    before = list(ParticipantUnavailability.objects.values_list("pk", "slot_id"))
    response = world.client("organiser").post(
        f"{V1}/unavailabilities/", {"pavilion": world.pavilion.pk, **body}, format="json"
    )
    error = error_of(response, status)
    assert list(ParticipantUnavailability.objects.values_list("pk", "slot_id")) == before
    return error


def test_an_unavailability_names_exactly_one_participant(world):
    both = unavailability_error(
        world, {"sme": world.sme.pk, "buyer": world.buyer.pk, "slot": world.slot.pk}
    )
    assert set(both["fields"]) == {"sme", "buyer"}
    neither = unavailability_error(world, {"slot": world.slot.pk})
    assert set(neither["fields"]) == {"sme", "buyer"}


def test_an_unavailability_refuses_outsiders_and_other_pavilions_slots(world):
    outsider = unavailability_error(world, {"sme": world.other_sme.pk, "slot": world.slot.pk})
    assert list(outsider["fields"]) == ["sme"]
    buyer = unavailability_error(world, {"buyer": world.other_buyer.pk, "slot": world.slot.pk})
    assert list(buyer["fields"]) == ["buyer"]
    meeting_slots_generate(pavilion=world.other_pavilion)
    foreign = world.other_pavilion.slots.first()
    slot = unavailability_error(world, {"sme": world.sme.pk, "slot": foreign.pk})
    assert list(slot["fields"]) == ["slot"]
    assert "not a slot of" in slot["message"]


def test_the_same_slot_twice_is_refused_on_the_slot(world):
    assert world.unavailability.pk
    error = unavailability_error(world, {"buyer": world.buyer.pk, "slot": world.slot.pk})
    assert list(error["fields"]) == ["slot"]
    assert "already marked unavailable" in error["message"]


def test_an_organiser_of_another_pavilion_cannot_mark_or_change_its_participants(world):
    mark = world.unavailability
    client = world.client("other_organiser")
    response = client.post(
        f"{V1}/unavailabilities/",
        {"pavilion": world.pavilion.pk, "sme": world.sme.pk, "slot": world.slot.pk},
        format="json",
    )
    error_of(response, 403)
    error_of(client.patch(f"{V1}/unavailabilities/{mark.pk}/", {"note": "x"}, format="json"), 404)
    error_of(client.delete(f"{V1}/unavailabilities/{mark.pk}/"), 404)
    assert list(ParticipantUnavailability.objects.values_list("note", flat=True)) == [""]


def test_participants_ask_their_organiser_to_mark_them_unavailable(world):
    response = world.client("buyer").post(
        f"{V1}/unavailabilities/",
        {"pavilion": world.pavilion.pk, "buyer": world.buyer.pk, "slot": world.slot.pk},
        format="json",
    )
    assert "ask yours" in error_of(response, 403)["message"]
    assert not ParticipantUnavailability.objects.exists()


def test_unavailabilities_filter_by_participant(world):
    assert world.unavailability.pk
    client = world.client("organiser")
    assert client.get(f"{V1}/unavailabilities/?buyer={world.buyer.pk}").json()["count"] == 1
    assert client.get(f"{V1}/unavailabilities/?sme={world.sme.pk}").json()["count"] == 0
